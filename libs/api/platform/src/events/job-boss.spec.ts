import './job-boss';

const Manager = require('pg-boss/src/manager') as {
  prototype: Record<string, (...args: unknown[]) => Promise<unknown>>;
};

/** A manager whose database has gone away, as during a PostgreSQL restart. */
function managerWithoutDatabase(emitted: unknown[]) {
  return {
    db: { executeSql: () => Promise.reject(new Error('the database system is shutting down')) },
    emit: (_event: string, error: unknown) => emitted.push(error),
    mapCompletionIdArg: (id: string) => [id],
    mapCompletionDataArg: (data: unknown) => data,
    mapCommandResponse: () => undefined,
    completeJobsCommand: '',
    failJobsByIdCommand: '',
  };
}

describe('JobBoss: pg-boss completions nobody awaits', () => {
  it.each(['complete', 'fail'])(
    'reports a %s that fails as an error event, not an unhandled rejection',
    async (name) => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        const emitted: unknown[] = [];
        // Not awaited, like pg-boss's worker does.
        void Manager.prototype[name].call(managerWithoutDatabase(emitted), 'queue', 'job-id', {});
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(emitted).toEqual([new Error('the database system is shutting down')]);
        expect(unhandled).toEqual([]);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    },
  );

  it('still rejects for a caller that awaits', async () => {
    await expect(Manager.prototype['fail'].call(managerWithoutDatabase([]), 'queue', 'job-id', {})).rejects.toThrow(
      'shutting down',
    );
  });
});

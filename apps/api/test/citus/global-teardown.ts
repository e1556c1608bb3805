/** Stops the coordinator and the workers and deletes their folder (tools/citus/test.mjs removes it too if we never get here). */
export default async function globalTeardown(): Promise<void> {
  const cluster = (globalThis as Record<string, unknown>)['__EMIS_CITUS__'] as
    { destroy: () => Promise<void> } | undefined;
  await cluster?.destroy();
}

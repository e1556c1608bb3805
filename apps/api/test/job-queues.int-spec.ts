import { existsSync, readFileSync } from 'node:fs';
import { appUrlVia, eventually, targetOf, TcpProxy } from './faults-fixtures';
import { startTestApp, TestApp, workerQueueSchema } from './harness';
import {
  openYearWithClasses,
  schoolWithAdmin,
  STUDENT_HEADERS,
  studentRow,
  upload,
  waitForJob,
  workbook,
} from './imports-fixtures';
import { appLogFile, readTestEnv } from './test-env';

/**
 * Every application of a queue works every job sent to it. The integration run has many applications at once — two
 * spec files, each with its own — and some are started to misbehave (a connection a test cuts, a pool of two, another
 * webhook receiver, a replica): when they all shared pg-boss's one schema, any of them ran any spec's jobs, and a job
 * could fail for another spec's fault. The harness now gives each Jest worker a queue schema of its own, shared by the
 * applications of one spec file (docs/testing.md, "One job queue per Jest worker"). A job's failure reaches the spec
 * file's log with its stack (docs/testing.md, "When a spec file fails").
 */
/** The Excel imports' queue (libs/api/spreadsheets/src/import-queue.ts). */
const IMPORT_QUEUE = 'people-import';

describe('job queues of the integration run: whose application runs a job', () => {
  const proxy = new TcpProxy(targetOf(readTestEnv().ownerUrl));
  /** Its application-role connections pass through `proxy`, which the tests take down: every job it runs fails. */
  let broken: TestApp | undefined;
  /** As `broken`, on the queue schema of a Jest worker that does not exist: another spec file's application. */
  let brokenElsewhere: TestApp;
  /** Sends jobs and works none. */
  let sender: TestApp;
  let worker: TestApp | undefined;
  let school: { schoolId: string; token: string };
  let file: Buffer;
  const elsewhere = workerQueueSchema({ JEST_WORKER_ID: String(900 + Number(process.env['JEST_WORKER_ID'] ?? 0)) });

  beforeAll(async () => {
    await proxy.up();
    broken = await startTestApp({ DATABASE_APP_URL: appUrlVia(proxy), EVENT_WORKER: 'off' });
    brokenElsewhere = await startTestApp({
      DATABASE_APP_URL: appUrlVia(proxy),
      EVENT_WORKER: 'off',
      JOB_QUEUE_SCHEMA: elsewhere,
    });
    // Started last: passport keeps one strategy per name for the process, the last application's, and sign-ins and
    // tokens must go through an application whose connections work.
    sender = await startTestApp({ IMPORT_WORKER: 'off', EVENT_WORKER: 'off' });
    school = await schoolWithAdmin(sender);
    await openYearWithClasses(sender, 2114, [school.schoolId], ['6A1']);
    file = await workbook(
      STUDENT_HEADERS,
      Array.from({ length: 3 }, (_, i) => studentRow(i, '6A1')),
    );
    await proxy.down();
  });
  afterAll(async () => {
    await worker?.close();
    await sender?.close();
    await brokenElsewhere?.close();
    await broken?.close();
    await proxy.down();
  });

  /** pg-boss's rows for an import job, in `schema`. */
  const queued = (schema: string, jobId: string) =>
    sender.owner.query(`select id, state, output from ${schema}.job where name = $1 and data->>'jobId' = $2`, [
      IMPORT_QUEUE,
      jobId,
    ]) as Promise<{ id: string; state: string; output: { message?: string } | null }[]>;
  const logEntries = (): {
    msg?: string;
    context?: string;
    queue?: string;
    jobIds?: string[];
    err?: { stack?: string };
  }[] => {
    const log = appLogFile(readTestEnv(), expect.getState().testPath);
    return existsSync(log)
      ? readFileSync(log, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
      : [];
  };

  it("gives the applications of one spec file one queue schema, this Jest worker's, and other workers others", () => {
    expect(broken!.config.JOB_QUEUE_SCHEMA).toBe(workerQueueSchema());
    expect(sender.config.JOB_QUEUE_SCHEMA).toBe(workerQueueSchema());
    expect(workerQueueSchema({ JEST_WORKER_ID: '1' })).toBe('pgboss_w1');
    expect(workerQueueSchema({ JEST_WORKER_ID: '2' })).toBe('pgboss_w2');
    // Outside Jest's workers (the API itself), production's one schema.
    expect(workerQueueSchema({})).toBe('pgboss');
  });

  it("fails, on a shared queue, an import another application sent (the harness's old flaw), and logs why with the stack", async () => {
    const res = await upload(sender, school.token, school.schoolId, 'students', file);
    expect(res.status).toBe(202);
    const jobId = res.body.id as string;
    // `broken` takes the job (the sender works none), cannot reach the database, and fails it; pg-boss retries it
    // once, on `broken` again, and gives up.
    const [job] = await eventually('the import failed by the broken application', async () => {
      const rows = await queued(workerQueueSchema(), jobId);
      return rows[0]?.state === 'failed' ? rows : undefined;
    });
    expect(job.output?.message).toMatch(/ECONNREFUSED/);
    // The import itself never started: in a spec, a wait for it ends only at the hang guard.
    const [row] = await sender.owner.query(`select status from import_job where school_id = $1 and id = $2`, [
      school.schoolId,
      jobId,
    ]);
    expect(row.status).toBe('QUEUED');
    // The cause, with its stack, in the spec file's log — the one the reporter prints when the file fails.
    const failures = logEntries().filter((e) => e.msg === 'job failed' && e.jobIds?.includes(job.id));
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures[0]).toMatchObject({ context: 'JobBoss', queue: IMPORT_QUEUE });
    expect(failures[0].err?.stack).toMatch(/ECONNREFUSED[\s\S]*\n\s+at /);
    // The application on another worker's schema never saw it.
    expect(await queued(elsewhere, jobId)).toEqual([]);
  });

  it("leaves an import to its own spec file's applications: another worker's broken application never takes it", async () => {
    await broken!.close();
    broken = undefined;
    // A working application on this file's queue (started last, for passport, as above).
    worker = await startTestApp({ EVENT_WORKER: 'off' });
    const res = await upload(sender, school.token, school.schoolId, 'students', file);
    expect(res.status).toBe(202);
    const done = await waitForJob(sender, school.token, school.schoolId, res.body.id);
    expect(done).toMatchObject({ status: 'DONE', message: null, created: 3 });
    const [job] = await queued(worker.config.JOB_QUEUE_SCHEMA, res.body.id);
    expect(job.state).toBe('completed');
    // `brokenElsewhere` has been polling its own schema all along, with its connections down: nothing of this job
    // reached it, and it failed nothing.
    expect(await queued(elsewhere, res.body.id)).toEqual([]);
    expect(logEntries().filter((e) => e.msg === 'job failed' && e.jobIds?.includes(job.id))).toEqual([]);
  });
});

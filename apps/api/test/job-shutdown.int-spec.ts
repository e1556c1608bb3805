import { Client } from 'pg';
import { JobBoss } from '@emis/api/platform';
import { startTestApp, TestApp } from './harness';
import { readTestEnv } from './test-env';

/**
 * A shutdown while a job never ends (a lock held elsewhere, a receiver that never answers): the application closes
 * at JOB_SHUTDOWN_TIMEOUT_MS instead of waiting for it, pg-boss marks the job failed so that another instance runs it
 * again, and nothing of pg-boss keeps running once the application is gone (its checking loop once outlived a test
 * suite by minutes, failing the next suite in the same process).
 */
describe('pg-boss at shutdown with a job that never ends (real PostgreSQL, real pg-boss)', () => {
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.close();
  });

  it('closes at the limit, leaves the job failed for a retry, and ends the worker', async () => {
    t = await startTestApp({ JOB_SHUTDOWN_TIMEOUT_MS: '1000', EVENT_WORKER: 'off', IMPORT_WORKER: 'off' });
    const app = t;
    const queue = `test-stuck-${process.pid}-${Date.now()}`;
    const boss = await app.app.get(JobBoss).createQueue(queue, { retryLimit: 1 });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const running = new Promise<void>((resolve) => (entered = resolve));
    let finished = false;
    const workerId = await boss.work(queue, { pollingIntervalSeconds: 1, batchSize: 1 }, async () => {
      entered();
      await released;
      finished = true;
    });
    const jobId = await boss.send(queue, { n: 1 });
    boss.notifyWorker(workerId);
    await running;

    t = undefined;
    await app.close();
    // The application closed while the handler was still waiting: it was not waited for.
    expect(finished).toBe(false);
    const [job] = await ownerQuery(`select state from ${app.config.JOB_QUEUE_SCHEMA}.job where name = $1 and id = $2`, [
      queue,
      jobId,
    ]);
    // Failed by the shutdown (pg-boss's failWip), with its one retry left: another instance runs it again.
    expect(job.state).toBe('retry');
    // The handler ends later; its worker's loop ends with it without fetching again (the queue's pool is closed).
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished).toBe(true);
  }, 60_000);
});

/** The test's owner connection closed with the application: a short one of its own reads pg-boss's table. */
async function ownerQuery(sql: string, params: unknown[]): Promise<{ state: string }[]> {
  const client = new Client({ connectionString: readTestEnv().ownerUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

import { JOB_QUEUE_SCHEMA, prepareJobQueueSchema } from '@emis/api/platform';
import { DataSource } from 'typeorm';

/**
 * The pg-boss schema of this Jest worker's applications: `pgboss_w<JEST_WORKER_ID>`, or production's `pgboss` outside
 * Jest's workers. Spec files on one worker run one after another, so an application only ever works jobs its own spec
 * file sent (or left over by the files before it on this worker, whose applications are closed). docs/testing.md.
 */
export function workerQueueSchema(env: Record<string, string | undefined> = process.env): string {
  const workerId = env['JEST_WORKER_ID'];
  return workerId ? `${JOB_QUEUE_SCHEMA}_w${workerId}` : JOB_QUEUE_SCHEMA;
}

/**
 * Installs the queue schemas of Jest's workers 1…`workers` beside pgboss, right after the migrate step and as it does
 * (prepareJobQueueSchema: installed by the owner, handed to emis_jobs). Done by the global setups before anything
 * else: on a Citus cluster, pg-boss's install is refused once distribute.sql has run ("operation is not allowed on
 * this node"), as it would be for pgboss itself.
 */
export async function prepareWorkerQueueSchemas(ownerUrl: string, workers: number): Promise<void> {
  const owner = new DataSource({ type: 'postgres', url: ownerUrl });
  await owner.initialize();
  try {
    for (let id = 1; id <= workers; id++)
      await prepareJobQueueSchema(owner, workerQueueSchema({ JEST_WORKER_ID: String(id) }));
  } finally {
    await owner.destroy();
  }
}

/**
 * Every pg-boss schema of the database: production's and the workers'. An outbox event is relayed by whichever
 * application's relay finds it first, into that application's queue schema — another worker's, at times.
 */
export async function queueSchemasOf(owner: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await owner.query(
    `select nspname as name from pg_namespace where nspname = $1 or nspname like $2 order by 1`,
    [JOB_QUEUE_SCHEMA, `${JOB_QUEUE_SCHEMA}\\_w%`],
  );
  return rows.map((r) => r.name);
}

import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { AppConfig } from '../config/app-config';

/** pg-boss's worker manager (untyped: an internal module of pg-boss 10). */
const Manager = require('pg-boss/src/manager') as { prototype: Record<string, unknown> };

/**
 * pg-boss 10's worker marks a job done or failed without awaiting it (`this.complete(…)` / `this.fail(…)` in
 * Manager.watch). When PostgreSQL goes away at that moment (a restart, a fail-over), the rejected promise has no
 * handler, and Node ends the process on an unhandled rejection. Each call's promise gets a handler that reports the
 * failure as the manager's 'error' event (which JobBoss logs); a caller that awaits still sees the rejection. The job
 * itself is not lost: pg-boss retries or expires it when the database is back.
 */
function reportFloatingCompletions(): void {
  for (const name of ['complete', 'fail']) {
    const original = Manager.prototype[name] as (...args: unknown[]) => Promise<unknown>;
    if ((original as { reported?: boolean }).reported) continue;
    const reported = function (this: { emit(event: string, error: unknown): void }, ...args: unknown[]) {
      const result = original.apply(this, args);
      result.catch((error: unknown) => this.emit('error', error));
      return result;
    };
    Manager.prototype[name] = Object.assign(reported, { reported: true });
  }
}
reportFloatingCompletions();

/** A pg-boss worker as the manager keeps it (pg-boss 10's Worker). */
interface BossWorker {
  name: string;
  stopping: boolean;
  stopped: boolean;
}

/** Workers being stopped, until their loops end: JobBoss waits for them at shutdown. */
const stoppingWorkers = new Set<BossWorker>();

/**
 * pg-boss 10 stops a worker (Manager.offWork, called for every worker by stop()) without waiting for it: a loop of
 * its own, started with setImmediate and never awaited, checks every second until the worker's own loop ended — which
 * is only after the job it is running. A job still running when stop() returns (fetched just after pg-boss looked
 * for work in progress) keeps that loop, and its timers, alive after the application closed (seen in the integration
 * tests: a timer firing after Jest tore the suite down). Each stopped worker is noted here, so that JobBoss can wait
 * for it before the module is gone.
 */
function trackWorkerStops(): void {
  const original = Manager.prototype['offWork'] as (...args: unknown[]) => Promise<unknown>;
  if ((original as { tracked?: boolean }).tracked) return;
  const tracked = async function (this: { getWorkers(): BossWorker[] }, ...args: unknown[]) {
    const running = this.getWorkers().filter((w) => !w.stopping && !w.stopped);
    const result = await original.apply(this, args);
    for (const worker of running) if (worker.stopping && !worker.stopped) stoppingWorkers.add(worker);
    return result;
  };
  Manager.prototype['offWork'] = Object.assign(tracked, { tracked: true });
}
trackWorkerStops();

/**
 * Resolves once every worker pg-boss was asked to stop has ended its loop, or at `deadline`; answers the workers still
 * running then (a job that never ends: a lock held elsewhere, a receiver that never answers).
 */
async function workersStopped(deadline: number): Promise<BossWorker[]> {
  for (;;) {
    for (const worker of stoppingWorkers) if (worker.stopped) stoppingWorkers.delete(worker);
    if (stoppingWorkers.size === 0 || Date.now() >= deadline) return [...stoppingWorkers];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Lets pg-boss's checking loop (manager.offWork) end for workers whose job outlived the shutdown's limit: it waits for
 * `stopped`, once a second, forever. The worker's own loop ends by itself when the job finally returns (its `stopping`
 * stays set, so it fetches nothing more); pg-boss has already marked the job failed (failWip), so another instance
 * runs it again.
 */
function abandon(workers: BossWorker[]): void {
  for (const worker of workers) {
    worker.stopped = true;
    stoppingWorkers.delete(worker);
  }
}

/**
 * The process's one pg-boss instance, shared by every queue (Excel imports, outbox events). pg-boss keeps its tables in
 * its own schema (JOB_QUEUE_SCHEMA: 'pgboss'), owned by the emis_jobs role it connects as (DATABASE_JOBS_URL); the
 * migrate step installs and upgrades that schema (prepareJobQueueSchema), so here pg-boss only checks its version and
 * never migrates. The work a job does goes through TenantDb with the school's scope, as the application role.
 */
/** manager.offWork's polling delay in pg-boss 10, and a margin. */
const OFF_WORK_LOOP_MS = 1_100;

@Injectable()
export class JobBoss implements OnModuleDestroy {
  private readonly logger = new Logger(JobBoss.name);
  private started?: Promise<PgBoss>;
  private closed = false;

  constructor(private readonly config: AppConfig) {}

  /** The started instance; the first caller starts it. After shutdown it refuses rather than start a second one. */
  boss(): Promise<PgBoss> {
    if (this.closed) return Promise.reject(new Error('pg-boss is stopped: the application is shutting down'));
    this.started ??= this.start();
    return this.started;
  }

  /**
   * Creates a queue if it does not exist. Two instances starting together on a fresh database both create it (its
   * partition and row): PostgreSQL may pick one as a deadlock victim (40P01), or the second may find the row just
   * made (23505). Either way the next try finds the queue there.
   */
  async createQueue(name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<PgBoss> {
    const boss = await this.boss();
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name, { ...options, name });
        return boss;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  private async start(): Promise<PgBoss> {
    const boss = new PgBoss({
      connectionString: this.config.DATABASE_JOBS_URL,
      schema: this.config.JOB_QUEUE_SCHEMA,
      migrate: false,
      max: 3,
      application_name: 'emis-jobs',
      schedule: false,
    });
    boss.on('error', (error) => this.logger.error({ err: error }, 'pg-boss'));
    this.logFailedJobs(boss);
    await boss.start();
    return boss;
  }

  /**
   * pg-boss keeps a failed job's error in its row (the job's output) and says nothing: every queue's handler is
   * wrapped here so that a failure is also logged, with its stack, the queue and the job ids, before pg-boss retries
   * or fails the job (the one place the cause of an import that failed outside the runner's own catch shows).
   */
  private logFailedJobs(boss: PgBoss): void {
    const work = boss.work.bind(boss) as (name: string, ...args: unknown[]) => Promise<string>;
    const logged = (name: string, ...args: unknown[]): Promise<string> => {
      const handler = args.pop() as (jobs: PgBoss.Job[]) => Promise<unknown>;
      return work(name, ...args, async (jobs: PgBoss.Job[]) => {
        try {
          return await handler(jobs);
        } catch (error) {
          this.logger.error({ err: error, queue: name, jobIds: jobs.map((job) => job.id) }, 'job failed');
          throw error;
        }
      });
    };
    boss.work = logged as PgBoss['work'];
  }

  /**
   * Runs before the database pools close (onModuleDestroy precedes onApplicationShutdown): jobs in progress finish,
   * then pg-boss closes its own pool.
   */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const started = this.started;
    this.started = undefined;
    if (!started) return;
    const limit = this.config.JOB_SHUTDOWN_TIMEOUT_MS;
    const deadline = Date.now() + limit;
    await (await started).stop({ graceful: true, wait: true, timeout: limit });
    // Every worker's loop has ended (a job fetched at the last moment finishes first: trackWorkerStops), or the limit
    // is reached and the workers still running are abandoned; then one more second lets pg-boss's own checking loop
    // (manager.offWork, a 1 s delay) see it and end, so nothing of pg-boss still runs once the module is gone.
    const stuck = await workersStopped(deadline);
    if (stuck.length) {
      this.logger.error(
        { queues: stuck.map((w) => w.name) },
        `jobs still running ${limit} ms after shutdown began: left to fail and be retried elsewhere`,
      );
      abandon(stuck);
    }
    await new Promise((resolve) => setTimeout(resolve, OFF_WORK_LOOP_MS));
  }
}

import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { AppConfig } from '../config/app-config';

/**
 * The process's one pg-boss instance, shared by every queue (Excel imports, outbox events). pg-boss keeps its tables in
 * its own schema ('pgboss'), which it creates and migrates itself, so it connects as the schema owner (DATABASE_URL),
 * never as the application role; the work a job does goes through TenantDb with the school's scope.
 */
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
      connectionString: this.config.DATABASE_URL,
      schema: 'pgboss',
      max: 3,
      application_name: 'emis-jobs',
      schedule: false,
    });
    boss.on('error', (error) => this.logger.error({ err: error }, 'pg-boss'));
    await boss.start();
    return boss;
  }

  /**
   * Runs before the database pools close (onModuleDestroy precedes onApplicationShutdown): jobs in progress finish,
   * then pg-boss closes its own pool.
   */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const started = this.started;
    this.started = undefined;
    if (started) await (await started).stop({ graceful: true, wait: true, timeout: 120_000 });
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ACADEMIC_ATTENDANCE_CHANGED, ACADEMIC_CLASSES_CHANGED } from '@emis/api/academic';
import { ASSETS_CHANGED } from '@emis/api/assets';
import { FINANCE_CHANGED } from '@emis/api/finance';
import { GRADING_RESULTS_CHANGED, GradingResultsChanged } from '@emis/api/grading';
import { PEOPLE_ENROLMENT_CHANGED } from '@emis/api/people';
import { AppConfig, EventSubscribers, JobBoss, OutboxEvent, Scope, TenantDb } from '@emis/api/platform';
import { STAFF_CHANGED } from '@emis/api/staff';
import { FactsRefresher, FactTopic } from './facts-refresher';
import { DirtyMark, FactsWriter } from './facts.repository';

/** The pg-boss queue of the per-school refresh jobs. */
export const REFRESH_QUEUE = 'reporting__refresh-school';
/** A dirty mark older than this is re-sent by the sweeper: its job was lost between the relay's commit and its send. */
const SWEEP_AFTER_SECONDS = 5;
const SWEEP_EVERY_MS = 3000;
/**
 * A job this process sent this long ago and did not start is sent again: it may be lost (a crash), or another API
 * instance ran it and this one cannot tell — then later changes wait at most this long. At most one spare job per
 * school per interval, which finds nothing to claim if the first one ran.
 */
const RESEND_AFTER_MS = 10_000;
const PROVINCE: Scope = { rootId: '', all: true, orgUnitIds: [] };

/** Which topic each owner's event dirties, and its key (the class for a results change, '' for a whole topic). */
const TOPIC_OF: Record<string, (e: OutboxEvent) => { topic: FactTopic; key: string }> = {
  [GRADING_RESULTS_CHANGED]: (e) => ({ topic: 'grades', key: (e.payload as unknown as GradingResultsChanged).classId }),
  [PEOPLE_ENROLMENT_CHANGED]: () => ({ topic: 'people', key: '' }),
  [ACADEMIC_CLASSES_CHANGED]: () => ({ topic: 'classes', key: '' }),
  [ACADEMIC_ATTENDANCE_CHANGED]: () => ({ topic: 'attendance', key: '' }),
  [STAFF_CHANGED]: () => ({ topic: 'staff', key: '' }),
  [ASSETS_CHANGED]: () => ({ topic: 'assets', key: '' }),
  [FINANCE_CHANGED]: () => ({ topic: 'finance', key: '' }),
};

/** The dirty marks a batch of events leaves (one per school, topic and key; the earliest change first). */
export function marksOf(events: readonly OutboxEvent[]): DirtyMark[] {
  return events.map((e) => ({ schoolId: e.schoolId, ...TOPIC_OF[e.type](e), since: e.occurredAt }));
}

/**
 * The read model kept current from the owners' events (docs/domain/reporting.md):
 * 1. a batch projection on the outbox relay writes the batch's dirty marks in the relay's transaction (one statement,
 *    not a job per event: grade saves run at hundreds per second);
 * 2. after it commits, one debounced pg-boss job per school (REPORTING_DEBOUNCE_SECONDS, keyed by the school);
 * 3. the job claims the school's marks and refreshes what they name (FactsRefresher.refreshDirty);
 * 4. a sweeper re-sends a job for marks waiting longer than a few seconds (a crash between the commit and the send).
 * The projection is registered everywhere (the relay runs only where EVENT_WORKER is on); the worker and the sweeper
 * run where EVENT_WORKER is on.
 */
@Injectable()
export class FactsEvents implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FactsEvents.name);
  private sweeper?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private readonly workerIds: string[] = [];
  /**
   * Schools with a refresh job sent by this process and not started yet, and when it was sent. While one waits, more
   * changes in the school need no second job: the waiting one claims every mark when it starts. Without this, busy
   * schools sent a job per relay batch and the sweeper one per sweep, and the queue grew faster than the workers
   * emptied it (measured: 839 jobs waiting against 194 done at full scale, docs/benchmarks.md).
   */
  private readonly waiting = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    private readonly subscribers: EventSubscribers,
    private readonly jobs: JobBoss,
    private readonly db: TenantDb,
    private readonly writer: FactsWriter,
    private readonly refresher: FactsRefresher,
  ) {}

  onModuleInit(): void {
    this.subscribers.project({
      name: 'reporting.dirty-marks',
      types: Object.keys(TOPIC_OF),
      record: (em, events) => this.writer.markDirty(em, marksOf(events)),
      afterCommit: (events) => this.sendJobs([...new Set(events.map((e) => e.schoolId))]),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.EVENT_WORKER === 'off') return;
    const boss = await this.jobs.createQueue(REFRESH_QUEUE, { retryLimit: 5, retryDelay: 2, retryBackoff: true });
    // Several workers refresh different schools at once; one school's refreshes never overlap (FactsWriter's
    // per-school lock), so a later refresh cannot be overwritten by an earlier one.
    for (let i = 0; i < this.config.REPORTING_REFRESH_WORKERS; i++) {
      this.workerIds.push(
        await boss.work<{ schoolId: string }>(
          REFRESH_QUEUE,
          { pollingIntervalSeconds: 1, batchSize: 1 },
          async ([job]) => {
            // Changes from now on need a new job: this one may already have claimed the marks before them.
            this.waiting.delete(job.data.schoolId);
            const started = Date.now();
            const version = await this.refresher.refreshDirty(job.data.schoolId);
            if (version !== null)
              this.logger.log(
                `school ${job.data.schoolId} facts refreshed in ${Date.now() - started} ms (v${version})`,
              );
          },
        ),
      );
    }
    this.sweeper = setInterval(() => {
      this.sweeping ??= this.sweep()
        .catch((error) => this.logger.error({ err: error }, 'reporting sweeper'))
        .finally(() => (this.sweeping = undefined));
    }, SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  /** One debounced job per school: a burst of changes in a school within the window becomes one refresh. */
  async sendJobs(schoolIds: readonly string[]): Promise<void> {
    const now = Date.now();
    const due = schoolIds.filter((id) => now - (this.waiting.get(id) ?? 0) > RESEND_AFTER_MS);
    if (!due.length) return;
    const boss = await this.jobs.boss();
    for (const schoolId of due) {
      this.waiting.set(schoolId, now);
      await boss.sendDebounced(REFRESH_QUEUE, { schoolId }, {}, this.config.REPORTING_DEBOUNCE_SECONDS, schoolId);
    }
    for (const id of this.workerIds) boss.notifyWorker(id);
  }

  /** Re-sends the jobs of schools whose marks have waited too long. */
  async sweep(): Promise<void> {
    const waiting = await this.db.runWithScope(PROVINCE, (em) => this.writer.waitingSchools(em, SWEEP_AFTER_SECONDS));
    await this.sendJobs(waiting);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweeper);
    await this.sweeping;
  }
}

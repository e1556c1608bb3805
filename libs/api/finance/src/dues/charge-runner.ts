import { Injectable, Logger } from '@nestjs/common';
import { PupilRoster, RosterPupil } from '@emis/api/people';
import { TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { ChargeGenerationRepository } from './charge-generation.repository';
import { ChargeGenerator, GenerationContext } from './charge-generator';

/** Pupils per transaction of a background run. */
const BATCH_PUPILS = 300;

/** What a queued generation carries: the school, the period and its run. */
export interface ChargeRunJob {
  schoolId: string;
  periodId: string;
  runId: string;
}

/** The worker's side of a large school's generation (docs/domain/finance.md, "Generating charges"). */
@Injectable()
export class ChargeRunner {
  private readonly logger = new Logger(ChargeRunner.name);

  constructor(
    private readonly db: TenantDb,
    private readonly repo: ChargeGenerationRepository,
    private readonly generator: ChargeGenerator,
    private readonly roster: PupilRoster,
    private readonly tree: OrgTreeService,
  ) {}

  /**
   * The background job of a large school: the roster is read once, then batches of pupils commit their charges
   * and the run's progress; a last step corrects the charges of pupils no longer enrolled. A redelivered job of a
   * finished run does nothing; one that died midway starts over and writes only what is still missing.
   */
  async run(job: ChargeRunJob): Promise<void> {
    const scope = await this.tree.scopeFor(job.schoolId);
    const inSchool = <T>(work: (em: EntityManager) => Promise<T>) => this.db.runWithScope(scope, work);
    const run = await inSchool((em) => this.repo.latestRun(em, job.schoolId, job.periodId));
    if (!run || run.id !== job.runId || run.status === 'DONE' || run.status === 'FAILED') return;
    try {
      const { pupils, ctx } = await inSchool(async (em) => {
        const period = await this.generator.openPeriod(em, job.schoolId, job.periodId, false);
        await this.repo.startRun(em, job.schoolId, job.runId);
        return {
          pupils: await this.roster.enrolled(em, job.schoolId, period.startsOn, period.endsOn),
          ctx: await this.generator.context(em, job.schoolId, period),
        };
      });
      for (let i = 0; i < pupils.length; i += BATCH_PUPILS) {
        const batch = pupils.slice(i, i + BATCH_PUPILS);
        await inSchool((em) => this.runBatch(em, job, ctx, batch));
      }
      await inSchool(async (em) => {
        await this.correctLeavers(em, job, ctx, pupils);
        await this.repo.finishRun(em, job.schoolId, job.runId, 'DONE', null);
      });
    } catch (error) {
      this.logger.error({ err: error, runId: job.runId }, 'charge generation failed');
      const message = error instanceof Error ? error.message : String(error);
      await inSchool((em) => this.repo.finishRun(em, job.schoolId, job.runId, 'FAILED', message.slice(0, 500)));
    }
  }

  private async runBatch(em: EntityManager, job: ChargeRunJob, ctx: GenerationContext, batch: RosterPupil[]) {
    // The period's lock orders the batch after a closing of it (which then refuses the batch's charges: EF002).
    await this.generator.openPeriod(em, job.schoolId, job.periodId, true);
    const existing = await this.repo.existingCharges(
      em,
      job.schoolId,
      job.periodId,
      batch.map((p) => p.studentId),
    );
    const plan = this.generator.plan(ctx, batch, existing);
    await this.generator.apply(em, job.schoolId, job.periodId, job.runId, null, plan, batch.length);
  }

  /** Charges of pupils not in the roster any more: what generation set them to goes back to 0. */
  private async correctLeavers(em: EntityManager, job: ChargeRunJob, ctx: GenerationContext, pupils: RosterPupil[]) {
    await this.generator.openPeriod(em, job.schoolId, job.periodId, true);
    const enrolled = new Set(pupils.map((p) => p.studentId));
    const existing = (await this.repo.existingCharges(em, job.schoolId, job.periodId, null)).filter(
      (c) => !enrolled.has(c.studentId),
    );
    const plan = this.generator.plan(ctx, [], existing);
    await this.generator.apply(em, job.schoolId, job.periodId, job.runId, null, plan, 0);
  }
}

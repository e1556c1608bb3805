import { Injectable, NotFoundException } from '@nestjs/common';
import type { ChargeGeneration } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { PupilRoster, RosterPupil } from '@emis/api/people';
import { assertInScope, Principal, Scope, TenantDb } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { ChargeGenerationRepository } from './charge-generation.repository';
import { ChargeGenerator, GenerationContext, tallyOf } from './charge-generator';
import { ChargeRunQueue } from './charge-run.queue';
import { PeriodFacts } from './fee-periods.repository';

/**
 * Up to this many pupils a period is generated in the request, in one transaction (measured: well under a second
 * for a school of this size); a larger school's run goes to a background job that commits by batches and reports
 * its progress. Either way a second run writes only what changed.
 */
export const IMMEDIATE_PUPILS = 600;

/** A background run not finished after this long has lost its job (the queue gives a job 30 minutes, twice). */
const ABANDONED_AFTER_HOURS = 2;

type Run = ChargeGeneration & { id: string };

/**
 * Generating what pupils owe for a period, in one step for the school (docs/domain/finance.md, "Generating
 * charges"): every pupil enrolled on some day of the period is charged each adopted fee line of their grade by the
 * fee rules; running it again writes only the differences, as CORRECTION adjustments.
 */
@Injectable()
export class ChargeGenerationService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: ChargeGenerationRepository,
    private readonly generator: ChargeGenerator,
    private readonly roster: PupilRoster,
    private readonly audit: AuditService,
    private readonly queue: ChargeRunQueue,
  ) {}

  /**
   * Generates (or with `dryRun` only works out) the period's charges. Answers the run: DONE when done in the request,
   * QUEUED for a large school (`queued`), or the run already under way.
   */
  async generate(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    periodId: string,
    dryRun: boolean,
  ): Promise<{ generation: ChargeGeneration; queued: boolean }> {
    assertInScope(scope, schoolId);
    const outcome = await this.db.run(async (em) => {
      const period = await this.generator.openPeriod(em, schoolId, periodId, !dryRun);
      if (!dryRun) await this.repo.abandonStaleRuns(em, schoolId, periodId, ABANDONED_AFTER_HOURS);
      const active = await this.repo.activeRun(em, schoolId, periodId);
      if (active) return { run: active, queued: true, fresh: false };
      const pupils = await this.roster.enrolled(em, schoolId, period.startsOn, period.endsOn);
      const ctx = await this.generator.context(em, schoolId, period);
      if (dryRun) return { run: await this.preview(em, schoolId, period, ctx, pupils), queued: false, fresh: false };
      if (pupils.length > IMMEDIATE_PUPILS) {
        const run = await this.repo.createRun(em, schoolId, periodId, 'QUEUED', pupils.length, actor.userId);
        await this.auditRun(em, schoolId, run);
        return { run, queued: true, fresh: true };
      }
      const run = await this.repo.createRun(em, schoolId, periodId, 'RUNNING', pupils.length, actor.userId);
      const existing = await this.repo.existingCharges(em, schoolId, periodId, null);
      const plan = this.generator.plan(ctx, pupils, existing);
      await this.generator.apply(em, schoolId, periodId, run.id, actor.userId, plan, pupils.length);
      await this.repo.finishRun(em, schoolId, run.id, 'DONE', null);
      const done = await this.latest(em, schoolId, periodId);
      await this.auditRun(em, schoolId, done);
      return { run: done, queued: false, fresh: false };
    });
    if (outcome.fresh) await this.queue.enqueue({ schoolId, periodId, runId: outcome.run.id });
    return { generation: withoutId(outcome.run), queued: outcome.queued };
  }

  /** The period's latest run, with its progress. */
  async latestRun(scope: Scope, schoolId: string, periodId: string): Promise<ChargeGeneration> {
    assertInScope(scope, schoolId);
    const run = await this.db.run((em) => this.repo.latestRun(em, schoolId, periodId));
    if (!run) throw new NotFoundException();
    return withoutId(run);
  }

  /** What a run would write now, written nowhere. */
  private async preview(
    em: EntityManager,
    schoolId: string,
    period: PeriodFacts,
    ctx: GenerationContext,
    pupils: RosterPupil[],
  ): Promise<Run> {
    const existing = await this.repo.existingCharges(em, schoolId, period.id, null);
    const tally = tallyOf(this.generator.plan(ctx, pupils, existing), pupils.length);
    return { id: '', periodId: period.id, status: 'DONE', pupils: pupils.length, message: null, ...tally };
  }

  private async latest(em: EntityManager, schoolId: string, periodId: string): Promise<Run> {
    const run = await this.repo.latestRun(em, schoolId, periodId);
    if (!run) throw new Error(`the run of period ${periodId} vanished`);
    return run;
  }

  private auditRun(em: EntityManager, schoolId: string, run: Run): Promise<number> {
    return this.audit.record(em, {
      schoolId,
      entity: 'finance_charge_run',
      entityId: run.id,
      action: 'CREATE',
      after: withoutId(run),
    });
  }
}

function withoutId({ id: _id, ...generation }: Run): ChargeGeneration {
  return generation;
}

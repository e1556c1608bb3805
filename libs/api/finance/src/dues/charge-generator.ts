import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { FEE_RULE_LABELS, FeeRuleCode, todayInVietnam } from '@emis/domain';
import type { RosterPupil } from '@emis/api/people';
import { ProblemException } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { FinanceEvents } from '../finance-events';
import { ChargePlan, ExistingCharge, planCharges, PlanInput, targetCharges } from './charge-plan';
import { ChargeGenerationRepository, RunTally } from './charge-generation.repository';
import { FeePeriodsRepository, PeriodFacts } from './fee-periods.repository';

/** Everything a generation needs but the pupils: the same for every batch of a run. */
export type GenerationContext = Omit<PlanInput, 'pupils'> & { schoolYearId: string };

/**
 * The steps of generating a period's charges (docs/domain/finance.md, "Generating charges"), shared by the request
 * that does it at once and the background job that does it in batches: read what the rules need, plan a batch of
 * pupils, write the plan with the run's progress and the finance.changed event in the batch's transaction.
 */
@Injectable()
export class ChargeGenerator {
  constructor(
    private readonly repo: ChargeGenerationRepository,
    private readonly periods: FeePeriodsRepository,
    private readonly tree: OrgTreeService,
    private readonly events: FinanceEvents,
  ) {}

  /** The period, open (a closed period's charges are frozen: 409), locked for a run that writes. */
  async openPeriod(em: EntityManager, schoolId: string, periodId: string, lock: boolean): Promise<PeriodFacts> {
    const period = await this.periods.find(em, schoolId, periodId, lock);
    if (!period) throw new NotFoundException();
    if (period.status === 'CLOSED') throw new ProblemException(HttpStatus.CONFLICT, 'finance_period_closed');
    return period;
  }

  async context(em: EntityManager, schoolId: string, period: PeriodFacts): Promise<GenerationContext> {
    const school = await this.tree.get(schoolId);
    if (!school) throw new NotFoundException();
    const area = await this.repo.area(em, schoolId);
    return {
      schoolYearId: period.schoolYearId,
      schoolYearStart: Number(period.yearCode.slice(0, 4)),
      // A school of no recorded ownership is billed as a public one: the province's schools are, unless it says so.
      ownership: school.ownership ?? 'PUBLIC',
      schoolLevels: school.levels,
      period: { months: period.months, firstOfYear: period.firstOfYear },
      schedules: await this.repo.adoptedSchedules(em, schoolId, period.schoolYearId),
      tuition: await this.repo.tuitionLevels(em, period.schoolYearId, area),
      exceptions: await this.repo.approvedExceptions(em, schoolId, period.schoolYearId),
    };
  }

  /** The plan for some pupils against the charges already written for them (or for pupils gone from the roster). */
  plan(ctx: GenerationContext, pupils: readonly RosterPupil[], existing: readonly ExistingCharge[]): ChargePlan {
    return planCharges(targetCharges({ ...ctx, pupils }), existing);
  }

  /** Writes a batch's plan in the caller's transaction; answers what it adds to the run's tally. */
  async apply(
    em: EntityManager,
    schoolId: string,
    periodId: string,
    runId: string,
    userId: string | null,
    plan: ChargePlan,
    processed: number,
  ): Promise<RunTally> {
    await this.repo.insertCharges(em, schoolId, periodId, userId, plan.creates);
    const corrections = plan.corrections.map((c) => ({
      ...c,
      reason: correctionReason(c.target?.amounts.rule ?? null),
    }));
    await this.repo.insertCorrections(em, schoolId, runId, todayInVietnam(), userId, corrections);
    const tally = tallyOf(plan, processed);
    await this.repo.addTally(em, schoolId, runId, tally);
    if (plan.creates.length + plan.corrections.length > 0) await this.events.publishFinanceChanged(em, schoolId);
    return tally;
  }
}

/** The words a generated correction carries (stored with it, like the reasons people type: Vietnamese). */
function correctionReason(rule: FeeRuleCode | null): string {
  if (!rule) return 'Tính lại: không còn phải thu trong kỳ (không học trong kỳ, hoặc khoản thu đã rút)';
  return `Tính lại theo quy định: ${FEE_RULE_LABELS[rule].vi}`;
}

/** Counts, and sums over the charges written or corrected (their amounts as the rules now give them). */
export function tallyOf(plan: ChargePlan, processed: number): RunTally {
  const touched = [...plan.creates, ...plan.corrections.flatMap((c) => (c.target ? [c.target] : []))];
  const sum = (pick: (a: (typeof touched)[number]['amounts']) => number) =>
    touched.reduce((total, c) => total + pick(c.amounts), 0);
  return {
    processed,
    created: plan.creates.length,
    corrected: plan.corrections.length,
    unchanged: plan.unchanged,
    listAmount: sum((a) => a.listAmount),
    reliefAmount: sum((a) => a.reliefAmount),
    supportAmount: sum((a) => a.supportAmount),
    reimbursedAmount: sum((a) => a.reimbursedAmount),
    dueAmount: sum((a) => a.dueAmount),
  };
}

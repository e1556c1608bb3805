import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { FeePeriod, FeePeriodInput } from '@emis/contracts';
import { periodsOverlap, semesterPeriods } from '@emis/domain';
import { SchoolYearsService } from '@emis/api/academic';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Principal, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { FeePeriodsRepository } from './fee-periods.repository';

/**
 * A school's fee periods (docs/domain/finance.md, "Fee periods"): created by hand or proposed from the school's
 * semesters, within the school year and never overlapping (a pupil is charged a month once), closed for good.
 */
@Injectable()
export class FeePeriodsService {
  constructor(
    private readonly db: TenantDb,
    private readonly periods: FeePeriodsRepository,
    private readonly years: SchoolYearsService,
    private readonly audit: AuditService,
  ) {}

  list(scope: Scope, schoolId: string, schoolYearId: string | undefined): Promise<FeePeriod[]> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.periods.list(em, schoolId, schoolYearId));
  }

  async create(scope: Scope, schoolId: string, input: FeePeriodInput): Promise<FeePeriod> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.assertFits(em, schoolId, input);
      return this.insert(em, schoolId, input);
    });
  }

  /** HK1 and HK2 on the school's semester dates, each unless a period of that code exists or would overlap. */
  async propose(scope: Scope, schoolId: string, schoolYearId: string): Promise<FeePeriod[]> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const year = await this.periods.schoolYear(em, schoolYearId);
      if (!year) throw new ValidationProblem([{ field: 'schoolYearId', rule: 'financeYearUnknown', args: [] }]);
      const calendar = await this.years.calendarIn(em, schoolId, schoolYearId);
      const existing = await this.periods.ofYear(em, schoolId, schoolYearId);
      for (const proposed of semesterPeriods(year.code, calendar)) {
        const taken = existing.some((p) => p.code === proposed.code || periodsOverlap(p, proposed));
        if (!taken) await this.insert(em, schoolId, { schoolYearId, ...proposed, dueOn: null });
      }
      return this.periods.list(em, schoolId, schoolYearId);
    });
  }

  /** Closes the period: its charges are frozen (the schema refuses new ones: EF002). Closing twice is refused. */
  async close(scope: Scope, actor: Principal, schoolId: string, periodId: string): Promise<FeePeriod> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.periods.find(em, schoolId, periodId, true);
      if (!before) throw new NotFoundException();
      if (before.status === 'CLOSED') throw new ProblemException(HttpStatus.CONFLICT, 'finance_period_closed');
      await this.periods.close(em, schoolId, periodId, actor.userId);
      const after = await this.load(em, schoolId, periodId);
      await this.audit.record(em, {
        schoolId,
        entity: 'finance_period',
        entityId: periodId,
        action: 'LOCK',
        before: { status: before.status },
        after: { status: after.status, totals: after.totals },
      });
      return after;
    });
  }

  private async insert(em: EntityManager, schoolId: string, input: FeePeriodInput): Promise<FeePeriod> {
    const id = await this.periods.insert(em, schoolId, input);
    const after = await this.load(em, schoolId, id);
    await this.audit.record(em, { schoolId, entity: 'finance_period', entityId: id, action: 'CREATE', after });
    return after;
  }

  private async load(em: EntityManager, schoolId: string, id: string): Promise<FeePeriod> {
    const period = await this.periods.find(em, schoolId, id);
    if (!period) throw new NotFoundException();
    const { yearCode: _code, firstOfYear: _first, ...shown } = period;
    return shown;
  }

  /** Within its school year, its code free in the year, overlapping none of the year's periods. */
  private async assertFits(em: EntityManager, schoolId: string, input: FeePeriodInput): Promise<void> {
    const year = await this.periods.schoolYear(em, input.schoolYearId);
    if (!year) throw new ValidationProblem([{ field: 'schoolYearId', rule: 'financeYearUnknown', args: [] }]);
    if (input.startsOn < year.startsOn || input.endsOn > year.endsOn)
      throw new ValidationProblem([
        { field: 'startsOn', rule: 'financePeriodOutsideYear', args: [year.code, year.startsOn, year.endsOn] },
      ]);
    if (input.endsOn < input.startsOn)
      throw new ValidationProblem([{ field: 'endsOn', rule: 'dateAfter', args: [input.startsOn] }]);
    const existing = await this.periods.ofYear(em, schoolId, input.schoolYearId);
    if (existing.some((p) => p.code === input.code))
      throw new ValidationProblem([{ field: 'code', rule: 'duplicate', args: [] }]);
    const overlapped = existing.find((p) => periodsOverlap(p, input));
    if (overlapped)
      throw new ValidationProblem([{ field: 'startsOn', rule: 'financePeriodOverlaps', args: [overlapped.code] }]);
  }
}

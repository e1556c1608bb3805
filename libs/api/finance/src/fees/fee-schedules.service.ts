import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { FeeSchedule, FeeScheduleInput, FeeScheduleUpdate, ImportJob } from '@emis/contracts';
import {
  AdoptionProblem,
  adoptionProblem,
  allowanceFor,
  gradesNotTaught,
  isRealDate,
  ProvinceLevelRow,
  ProvinceRangeRow,
} from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Principal, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { ImportsService, UploadedWorkbook } from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import { FinanceConfigRepository, SchoolFinanceProfile } from '../config/finance-config.repository';
import { FinanceConfigService } from '../config/finance-config.service';
import { FeeSchedulesRepository, ScheduleFields, StoredSchedule } from './fee-schedules.repository';
import { provinceProposals } from './province-proposals';

/** What bounds a school's lines in a year: the school's profile and the province's tables of the year. */
export interface ScheduleLimits {
  school: SchoolFinanceProfile;
  levels: ProvinceLevelRow[];
  ranges: ProvinceRangeRow[];
}

/** The field and message rule of each reason an amount cannot be adopted (libs/api/finance/src/messages.ts). */
const ADOPTION_FIELDS: Record<AdoptionProblem, { field: string; rule: string }> = {
  GRADE_NOT_TAUGHT: { field: 'grades', rule: 'feeGradeNotTaught' },
  PRIMARY_TUITION_FREE: { field: 'feeKind', rule: 'feePrimaryTuitionFree' },
  TUITION_NOT_MONTHLY: { field: 'billingUnit', rule: 'feeTuitionNotMonthly' },
  NO_PROVINCE_LEVEL: { field: 'amount', rule: 'feeNoProvinceLevel' },
  NO_RANGE: { field: 'amount', rule: 'feeNoRange' },
  OUT_OF_RANGE: { field: 'amount', rule: 'feeOutOfRange' },
};

const ENTITY = 'finance_fee_schedule';

/**
 * A school's fee schedules for a year (docs/domain/finance.md, "Who sets what"): drafts edited freely, adopted within
 * the province's bounds with the decision that approved them, withdrawn (never edited) once adopted. Each change is
 * audited in the school's chain in its own transaction.
 */
@Injectable()
export class FeeSchedulesService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: FeeSchedulesRepository,
    private readonly config: FinanceConfigRepository,
    private readonly years: FinanceConfigService,
    private readonly audit: AuditService,
    private readonly imports: ImportsService,
  ) {}

  list(scope: Scope, schoolId: string, yearId: string): Promise<FeeSchedule[]> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.years.knownYear(em, yearId);
      const limits = await this.limits(em, schoolId, yearId);
      return (await this.repo.list(em, schoolId, yearId)).map((s) => withAllowed(s, limits));
    });
  }

  /** The year's lines not withdrawn, for the workbook that imports back. */
  exportOfYear(scope: Scope, schoolId: string, yearId: string): Promise<{ yearCode: string; lines: FeeSchedule[] }> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const year = await this.years.knownYear(em, yearId);
      const limits = await this.limits(em, schoolId, yearId);
      const lines = (await this.repo.list(em, schoolId, yearId)).filter((s) => s.status !== 'WITHDRAWN');
      return { yearCode: year.code, lines: lines.map((s) => withAllowed(s, limits)) };
    });
  }

  /** Queues the import of a year's lines (followed at …/imports/{jobId}); a closed year is refused at once. */
  async importYear(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    yearId: string,
    file: UploadedWorkbook | undefined,
  ): Promise<ImportJob> {
    assertInScope(scope, schoolId);
    await this.db.run((em) => this.years.writableYear(em, yearId, 'schoolYearId'));
    return this.imports.upload(scope, actor, schoolId, 'FINANCE_FEE_SCHEDULES', file, { schoolYearId: yearId });
  }

  async create(scope: Scope, actor: Principal, schoolId: string, input: FeeScheduleInput): Promise<FeeSchedule> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.years.writableYear(em, input.schoolYearId, 'schoolYearId');
      const limits = await this.limits(em, schoolId, input.schoolYearId);
      const fields = draftFields(input);
      await this.assertDraftable(em, limits, input.schoolYearId, fields, null);
      const after = await this.repo.insert(em, schoolId, input.schoolYearId, fields);
      await this.record(em, schoolId, after.id, 'CREATE', null, after);
      return withAllowed(after, limits);
    });
  }

  async update(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    id: string,
    update: FeeScheduleUpdate,
  ): Promise<FeeSchedule> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.draft(em, schoolId, id);
      if (before.version !== update.version)
        throw new ProblemException(HttpStatus.CONFLICT, 'version_conflict', undefined, { current: before });
      await this.years.writableYear(em, before.schoolYearId);
      const limits = await this.limits(em, schoolId, before.schoolYearId);
      const fields = draftFields({ ...before, ...definedOnly(update) });
      await this.assertDraftable(em, limits, before.schoolYearId, fields, id);
      const after = await this.repo.updateDraft(em, schoolId, id, fields);
      await this.record(em, schoolId, id, 'UPDATE', before, after);
      return withAllowed(after, limits);
    });
  }

  /** Adopts a draft whose amount keeps the province's bounds (fee-schedule-limits in the domain). */
  async adopt(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    id: string,
    decision: { decisionNumber: string; adoptedOn: string },
  ): Promise<FeeSchedule> {
    assertInScope(scope, schoolId);
    if (!isRealDate(decision.adoptedOn))
      throw new ValidationProblem([{ field: 'adoptedOn', rule: 'isRealDate', args: [] }]);
    return this.db.run(async (em) => {
      const before = await this.draft(em, schoolId, id);
      await this.years.writableYear(em, before.schoolYearId);
      const limits = await this.limits(em, schoolId, before.schoolYearId);
      assertAdoptable(before, limits);
      const after = await this.repo.adopt(em, schoolId, id, {
        decisionNumber: decision.decisionNumber.trim(),
        adoptedOn: decision.adoptedOn,
      });
      await this.record(em, schoolId, id, 'APPROVE', before, after);
      return withAllowed(after, limits);
    });
  }

  /** Withdraws a draft or an adopted line: it stays listed, frees its name, and is billed no more. */
  async withdraw(scope: Scope, actor: Principal, schoolId: string, id: string): Promise<FeeSchedule> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.repo.find(em, schoolId, id, true);
      if (!before) throw new NotFoundException();
      if (before.status === 'WITHDRAWN')
        throw new ProblemException(HttpStatus.CONFLICT, 'finance_fee_schedule_withdrawn');
      await this.years.writableYear(em, before.schoolYearId);
      const after = await this.repo.withdraw(em, schoolId, id);
      await this.record(em, schoolId, id, 'UPDATE', before, after);
      return withAllowed(after, await this.limits(em, schoolId, before.schoolYearId));
    });
  }

  /**
   * Creates, as drafts, the lines the province's tables propose (province-proposals.ts) that the school does not have
   * yet under the same kind and name: calling it twice creates nothing the second time.
   */
  async adoptProvince(scope: Scope, actor: Principal, schoolId: string, yearId: string): Promise<FeeSchedule[]> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.years.writableYear(em, yearId, 'schoolYearId');
      await this.repo.lockYear(em, schoolId, yearId);
      const limits = await this.limits(em, schoolId, yearId);
      const levels = await this.config.tuitionLevels(em, yearId);
      const ranges = await this.config.feeRanges(em, yearId);
      for (const fields of provinceProposals(limits.school, levels, ranges)) {
        if (await this.repo.nameTaken(em, schoolId, yearId, fields, null)) continue;
        const after = await this.repo.insert(em, schoolId, yearId, fields);
        await this.record(em, schoolId, after.id, 'CREATE', null, after);
      }
      return (await this.repo.list(em, schoolId, yearId)).map((s) => withAllowed(s, limits));
    });
  }

  /** The school's profile and the year's tables; shared with the import, which checks rows the same way. */
  async limits(em: EntityManager, schoolId: string, yearId: string): Promise<ScheduleLimits> {
    const school = await this.config.profile(em, schoolId);
    if (!school) throw new NotFoundException();
    return {
      school,
      levels: await this.config.tuitionLevels(em, yearId),
      ranges: await this.config.feeRanges(em, yearId),
    };
  }

  /** A draft's grades must be taught by the school and its kind and name free among the year's live lines. */
  private async assertDraftable(
    em: EntityManager,
    limits: ScheduleLimits,
    yearId: string,
    fields: ScheduleFields,
    exceptId: string | null,
  ): Promise<void> {
    if (gradesNotTaught(fields, limits.school.levels).length > 0)
      throw new ValidationProblem([{ field: 'grades', rule: 'feeGradeNotTaught', args: [] }]);
    if (await this.repo.nameTaken(em, limits.school.schoolId, yearId, fields, exceptId))
      throw new ProblemException(HttpStatus.CONFLICT, 'finance_fee_schedule_exists');
  }

  private async draft(em: EntityManager, schoolId: string, id: string): Promise<StoredSchedule> {
    const found = await this.repo.find(em, schoolId, id, true);
    if (!found) throw new NotFoundException();
    if (found.status !== 'DRAFT') throw new ProblemException(HttpStatus.CONFLICT, 'finance_fee_schedule_not_draft');
    return found;
  }

  private async record(
    em: EntityManager,
    schoolId: string,
    entityId: string,
    action: 'CREATE' | 'UPDATE' | 'APPROVE',
    before: StoredSchedule | null,
    after: StoredSchedule,
  ): Promise<void> {
    await this.audit.record(em, { schoolId, entity: ENTITY, entityId, action, before, after });
  }
}

/** The line with the bounds its amount must keep (null when the province sets none or the line cannot be adopted). */
export function withAllowed(schedule: StoredSchedule, limits: ScheduleLimits): FeeSchedule {
  const allowance = allowanceFor(schedule, limits.school, limits.levels, limits.ranges);
  return { ...schedule, allowed: allowance.ok ? allowance.allowed : null };
}

/** Refuses, as a field error, an amount outside the province's bounds or a line the bounds do not admit. */
export function assertAdoptable(line: ScheduleFields, limits: ScheduleLimits): void {
  const problem = adoptionProblem(line.amount, line, limits.school, limits.levels, limits.ranges);
  if (!problem) return;
  const allowance = allowanceFor(line, limits.school, limits.levels, limits.ranges);
  const bounds = allowance.ok && allowance.allowed ? [allowance.allowed.minAmount, allowance.allowed.maxAmount] : [];
  throw new ValidationProblem([{ ...ADOPTION_FIELDS[problem], args: bounds }]);
}

function draftFields(input: Omit<FeeScheduleInput, 'schoolYearId'>): ScheduleFields {
  return {
    feeKind: input.feeKind,
    name: input.name.normalize('NFC').trim().replace(/\s+/g, ' '),
    billingUnit: input.billingUnit,
    amount: input.amount,
    grades: [...new Set(input.grades ?? [])],
    voluntary: input.voluntary ?? input.feeKind === 'VOLUNTARY',
    decisionNumber: input.decisionNumber?.trim() || null,
  };
}

function definedOnly<T extends object>(update: T): Partial<T> {
  return Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined)) as Partial<T>;
}

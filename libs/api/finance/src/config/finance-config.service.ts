import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  FeeRange,
  FeeRangeInput,
  ImportJob,
  Page,
  SchoolFinanceSetting,
  TuitionLevel,
  TuitionLevelsInput,
} from '@emis/contracts';
import { FeeArea, isSchoolYearWritable } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  likePattern,
  Principal,
  ProblemException,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
  ValidationProblem,
} from '@emis/api/platform';
import { ImportsService, UploadedWorkbook } from '@emis/api/spreadsheets';
import { OrgTreeService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { FinanceConfigRepository, FinanceYear, SETTING_SORT_COLUMNS } from './finance-config.repository';
import { SchoolSettingsQueryDto } from './finance-config.dto';

/**
 * The province's finance settings (docs/domain/finance.md, "Who sets what"): tuition levels and private-school support
 * per year, level and area; the ranges of the other fees; each school's area. Read by everyone who reads finance,
 * written by the department's administrator and audited in the department's own chain. A school's bank account is
 * the school's own.
 */
@Injectable()
export class FinanceConfigService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: FinanceConfigRepository,
    private readonly audit: AuditService,
    private readonly tree: OrgTreeService,
    private readonly imports: ImportsService,
  ) {}

  tuitionLevels(yearId: string): Promise<TuitionLevel[]> {
    return this.db.run(async (em) => {
      await this.knownYear(em, yearId);
      return this.repo.tuitionLevels(em, yearId);
    });
  }

  /** The year and its table, for the export's file name. */
  tuitionLevelsOfYear(yearId: string): Promise<{ year: FinanceYear; levels: TuitionLevel[] }> {
    return this.db.run(async (em) => {
      const year = await this.knownYear(em, yearId);
      return { year, levels: await this.repo.tuitionLevels(em, yearId) };
    });
  }

  /** Queues the import as a job of the department's own org unit (the province's table belongs to no school). */
  async importTuitionLevels(
    scope: Scope,
    actor: Principal,
    yearId: string,
    file: UploadedWorkbook | undefined,
  ): Promise<ImportJob> {
    await this.db.run((em) => this.knownYear(em, yearId, 'schoolYearId'));
    return this.imports.upload(scope, actor, actor.orgUnitId, 'FINANCE_TUITION_LEVELS', file, { schoolYearId: yearId });
  }

  async replaceTuitionLevels(actor: Principal, input: TuitionLevelsInput): Promise<TuitionLevel[]> {
    assertOneLevelEach(input.levels);
    return this.db.run(async (em) => {
      await this.knownYear(em, input.schoolYearId, 'schoolYearId');
      const before = await this.repo.tuitionLevels(em, input.schoolYearId);
      await this.repo.replaceTuitionLevels(em, input.schoolYearId, input.levels, actor.userId);
      const after = await this.repo.tuitionLevels(em, input.schoolYearId);
      await this.recordProvince(em, actor, 'finance_tuition_level', input.schoolYearId, before, after);
      return after;
    });
  }

  feeRanges(yearId: string): Promise<FeeRange[]> {
    return this.db.run(async (em) => {
      await this.knownYear(em, yearId);
      return this.repo.feeRanges(em, yearId);
    });
  }

  async createFeeRange(actor: Principal, input: FeeRangeInput): Promise<FeeRange> {
    assertMinNotAboveMax(input);
    return this.db.run(async (em) => {
      await this.knownYear(em, input.schoolYearId, 'schoolYearId');
      if (await this.repo.rangeTaken(em, input, null))
        throw new ProblemException(HttpStatus.CONFLICT, 'finance_fee_range_exists');
      const after = await this.repo.insertFeeRange(em, input, actor.userId);
      await this.recordProvince(em, actor, 'finance_fee_range', after.id, null, after);
      return after;
    });
  }

  async updateFeeRange(actor: Principal, id: string, input: FeeRangeInput): Promise<FeeRange> {
    assertMinNotAboveMax(input);
    return this.db.run(async (em) => {
      const before = await this.repo.feeRange(em, id);
      if (!before) throw new NotFoundException();
      await this.knownYear(em, input.schoolYearId, 'schoolYearId');
      if (await this.repo.rangeTaken(em, input, id))
        throw new ProblemException(HttpStatus.CONFLICT, 'finance_fee_range_exists');
      const after = await this.repo.updateFeeRange(em, id, input, actor.userId);
      await this.recordProvince(em, actor, 'finance_fee_range', id, before, after);
      return after;
    });
  }

  /** A school's adopted lines keep their amounts: the range bounded them when they were adopted. */
  async deleteFeeRange(actor: Principal, id: string): Promise<void> {
    await this.db.run(async (em) => {
      const before = await this.repo.feeRange(em, id);
      if (!before) throw new NotFoundException();
      await this.repo.deleteFeeRange(em, id);
      await this.recordProvince(em, actor, 'finance_fee_range', id, before, null, 'DELETE');
    });
  }

  async schoolSettings(scope: Scope, query: SchoolSettingsQueryDto): Promise<Page<SchoolFinanceSetting>> {
    let view = scope;
    if (query.unitId) {
      const narrowed = await this.tree.narrow(scope, query.unitId);
      if (!narrowed) throw new NotFoundException();
      view = narrowed;
    }
    const paging = toSqlPaging(query, SETTING_SORT_COLUMNS, 'code');
    const search = query.q?.trim() ? likePattern(query.q.trim()) : undefined;
    return this.db.run(async (em) => {
      const { items, total } = await this.repo.settings(
        em,
        { orgUnitIds: view.all ? null : view.orgUnitIds, search },
        paging,
      );
      return toPage(items, total, paging);
    });
  }

  /** The department sets a school's area; the school's chain records it, as a change of the school's settings. */
  async setArea(scope: Scope, actor: Principal, schoolId: string, area: FeeArea): Promise<SchoolFinanceSetting> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.knownSchool(em, schoolId);
      await this.repo.setArea(em, schoolId, area, actor.userId);
      return this.recordSetting(em, schoolId, before);
    });
  }

  async setting(scope: Scope, schoolId: string): Promise<SchoolFinanceSetting> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.knownSchool(em, schoolId));
  }

  async setBankAccount(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    account: { bankName: string | null; bankAccount: string | null },
  ): Promise<SchoolFinanceSetting> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.knownSchool(em, schoolId);
      await this.repo.setBankAccount(em, schoolId, account, actor.userId);
      return this.recordSetting(em, schoolId, before);
    });
  }

  /**
   * The year a request names: an unknown year in a query answers 404, in a body a field error on `field`.
   * Exported for the schedules' and exceptions' services, which read years the same way.
   */
  async knownYear(em: EntityManager, yearId: string, field?: string): Promise<FinanceYear> {
    const year = await this.repo.year(em, yearId);
    if (year) return year;
    if (field) throw new ValidationProblem([{ field, rule: 'schoolYearUnknown', args: [] }]);
    throw new NotFoundException();
  }

  /** A year whose fee schedules and exceptions may still change: 409 year_closed once the year is closed. */
  async writableYear(em: EntityManager, yearId: string, field?: string): Promise<FinanceYear> {
    const year = await this.knownYear(em, yearId, field);
    if (!isSchoolYearWritable(year.status)) throw new ProblemException(HttpStatus.CONFLICT, 'year_closed', year.code);
    return year;
  }

  private async knownSchool(em: EntityManager, schoolId: string): Promise<SchoolFinanceSetting> {
    const setting = await this.repo.setting(em, schoolId);
    if (!setting) throw new NotFoundException();
    return setting;
  }

  private async recordSetting(
    em: EntityManager,
    schoolId: string,
    before: SchoolFinanceSetting,
  ): Promise<SchoolFinanceSetting> {
    const after = await this.knownSchool(em, schoolId);
    await this.audit.record(em, {
      schoolId,
      entity: 'finance_school_setting',
      entityId: schoolId,
      action: 'UPDATE',
      before,
      after,
    });
    return after;
  }

  private async recordProvince(
    em: EntityManager,
    actor: Principal,
    entity: string,
    entityId: string,
    before: unknown,
    after: unknown,
    action: 'CREATE' | 'UPDATE' | 'DELETE' = before === null ? 'CREATE' : 'UPDATE',
  ): Promise<void> {
    await this.audit.record(em, { schoolId: actor.orgUnitId, entity, entityId, action, before, after });
  }
}

/** One row per level and area: the table's key, said as a field error rather than a database conflict. */
function assertOneLevelEach(levels: TuitionLevelsInput['levels']): void {
  const seen = new Set<string>();
  levels.forEach((l, i) => {
    const key = `${l.schoolLevel}|${l.area}`;
    if (seen.has(key))
      throw new ValidationProblem([{ field: `levels.${i}.area`, rule: 'feeLevelsRepeated', args: [] }]);
    seen.add(key);
  });
}

function assertMinNotAboveMax(range: FeeRangeInput): void {
  if (range.maxAmount < range.minAmount)
    throw new ValidationProblem([{ field: 'maxAmount', rule: 'feeRangeMinAboveMax', args: [] }]);
}

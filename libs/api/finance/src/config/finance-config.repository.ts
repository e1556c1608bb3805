import { Injectable } from '@nestjs/common';
import type { FeeRange, FeeRangeInput, SchoolFinanceSetting, TuitionLevel } from '@emis/contracts';
import { FeeArea, SchoolLevel, SchoolOwnership, SchoolYearStatus } from '@emis/domain';
import { SqlPaging, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** A school year as finance needs it: its code, status and the calendar year it starts in (the fee rules' year). */
export interface FinanceYear {
  id: string;
  code: string;
  status: SchoolYearStatus;
  startYear: number;
}

/** What the fee rules and limits need of a school: its ownership, levels and area. */
export interface SchoolFinanceProfile {
  schoolId: string;
  name: string;
  ownership: SchoolOwnership;
  levels: SchoolLevel[];
  area: FeeArea;
}

type LevelRow = Omit<TuitionLevel, 'monthlyAmount' | 'privateSupportMonthly'> & {
  monthlyAmount: string;
  privateSupportMonthly: string;
};
type RangeRow = Omit<FeeRange, 'minAmount' | 'maxAmount'> & { minAmount: string; maxAmount: string };

/** Tables list levels and areas in the order of the domain's lists, not alphabetically. */
const LEVEL_ORDER = `array_position(array['PRESCHOOL','PRIMARY','LOWER_SECONDARY','UPPER_SECONDARY','CONTINUING_EDUCATION'], school_level)`;
const AREA_ORDER = `array_position(array['URBAN','RURAL','MOUNTAIN','ANY'], area)`;

const RANGE_COLUMNS = `id, school_year_id as "schoolYearId", fee_kind as "feeKind", school_level as "schoolLevel", area,
  billing_unit as "billingUnit", min_amount::text as "minAmount", max_amount::text as "maxAmount",
  name_vi as "nameVi", name_en as "nameEn"`;

const SETTING_COLUMNS = `o.id as "schoolId", o.code as "schoolCode", o.name as "schoolName",
  coalesce(o.ownership, 'PUBLIC') as ownership, o.levels, coalesce(s.area, 'URBAN') as area,
  s.bank_name as "bankName", s.bank_account as "bankAccount"`;

/** Sortable fields of the schools' settings list. */
export const SETTING_SORT_COLUMNS: Record<string, string> = { code: 'o.code', name: 'o.name', area: 'area' };

/**
 * The province's finance reference tables (tuition levels and fee ranges, without row-level security: every school
 * reads them) and the schools' finance settings. School years and schools are read through their owners' views.
 */
@Injectable()
export class FinanceConfigRepository {
  async year(em: EntityManager, id: string): Promise<FinanceYear | undefined> {
    return sqlRow<FinanceYear>(
      em,
      `select id, code, status, extract(year from starts_on)::int as "startYear" from academic_school_year where id = $1`,
      [id],
    );
  }

  async tuitionLevels(em: EntityManager, yearId: string): Promise<TuitionLevel[]> {
    const rows = await sqlRows<LevelRow>(
      em,
      `select school_year_id as "schoolYearId", school_level as "schoolLevel", area,
              monthly_amount::text as "monthlyAmount", private_support_monthly::text as "privateSupportMonthly"
         from finance_tuition_level where school_year_id = $1 order by ${LEVEL_ORDER}, ${AREA_ORDER}`,
      [yearId],
    );
    return rows.map((r) => ({
      ...r,
      monthlyAmount: Number(r.monthlyAmount),
      privateSupportMonthly: Number(r.privateSupportMonthly),
    }));
  }

  /** Replaces the year's whole table (PUT), in the caller's transaction. */
  async replaceTuitionLevels(
    em: EntityManager,
    yearId: string,
    levels: Omit<TuitionLevel, 'schoolYearId'>[],
    userId: string,
  ): Promise<void> {
    await sqlExec(em, `delete from finance_tuition_level where school_year_id = $1`, [yearId]);
    await this.upsertTuitionLevels(em, yearId, levels, userId);
  }

  /** Sets the given levels, keeping the year's other rows (an import of part of the table). */
  async upsertTuitionLevels(
    em: EntityManager,
    yearId: string,
    levels: Omit<TuitionLevel, 'schoolYearId'>[],
    userId: string,
  ): Promise<void> {
    if (levels.length === 0) return;
    // updated_at = excluded.updated_at (the column's default, now()) in every upsert of this file: Citus refuses now()
    // in DO UPDATE SET (docs/scaling.md, "Writing queries that distribute").
    await sqlExec(
      em,
      `insert into finance_tuition_level (school_year_id, school_level, area, monthly_amount, private_support_monthly, updated_by)
       select $1, l, a, m, s, $6 from unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[]) as t(l, a, m, s)
       on conflict (school_year_id, school_level, area) do update
         set monthly_amount = excluded.monthly_amount, private_support_monthly = excluded.private_support_monthly,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [
        yearId,
        levels.map((l) => l.schoolLevel),
        levels.map((l) => l.area),
        levels.map((l) => l.monthlyAmount),
        levels.map((l) => l.privateSupportMonthly),
        userId,
      ],
    );
  }

  async feeRanges(em: EntityManager, yearId: string): Promise<FeeRange[]> {
    const rows = await sqlRows<RangeRow>(
      em,
      `select ${RANGE_COLUMNS} from finance_fee_range where school_year_id = $1
        order by fee_kind, ${LEVEL_ORDER}, ${AREA_ORDER}, billing_unit`,
      [yearId],
    );
    return rows.map(toRange);
  }

  async feeRange(em: EntityManager, id: string): Promise<FeeRange | undefined> {
    const row = await sqlRow<RangeRow>(em, `select ${RANGE_COLUMNS} from finance_fee_range where id = $1`, [id]);
    return row && toRange(row);
  }

  /** Another range of the same year, fee, level and area than `exceptId` (the table's unique key). */
  async rangeTaken(em: EntityManager, range: FeeRangeInput, exceptId: string | null): Promise<boolean> {
    const row = await sqlRow(
      em,
      `select 1 from finance_fee_range where school_year_id = $1 and fee_kind = $2 and school_level = $3 and area = $4
          and id is distinct from $5`,
      [range.schoolYearId, range.feeKind, range.schoolLevel, range.area, exceptId],
    );
    return !!row;
  }

  async insertFeeRange(em: EntityManager, range: FeeRangeInput, userId: string): Promise<FeeRange> {
    const row = await sqlRow<RangeRow>(
      em,
      `insert into finance_fee_range (school_year_id, fee_kind, school_level, area, billing_unit, min_amount, max_amount,
         name_vi, name_en, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning ${RANGE_COLUMNS}`,
      [...rangeValues(range), userId],
    );
    return toRange(row!);
  }

  async updateFeeRange(em: EntityManager, id: string, range: FeeRangeInput, userId: string): Promise<FeeRange> {
    const row = await sqlRow<RangeRow>(
      em,
      `update finance_fee_range set school_year_id = $2, fee_kind = $3, school_level = $4, area = $5, billing_unit = $6,
              min_amount = $7, max_amount = $8, name_vi = $9, name_en = $10, updated_at = now(), updated_by = $11
        where id = $1 returning ${RANGE_COLUMNS}`,
      [id, ...rangeValues(range), userId],
    );
    return toRange(row!);
  }

  async deleteFeeRange(em: EntityManager, id: string): Promise<void> {
    await sqlExec(em, `delete from finance_fee_range where id = $1`, [id]);
  }

  /** Schools under the given org units (null: every school), with their settings; paged. */
  async settings(
    em: EntityManager,
    filter: { orgUnitIds: string[] | null; search?: string },
    paging: SqlPaging,
  ): Promise<{ items: SchoolFinanceSetting[]; total: number }> {
    const where = `o.kind = 'SCHOOL' and ($1::uuid[] is null or o.id = any($1))
      and ($2::text is null or unaccent_vi(o.name) like unaccent_vi($2) or unaccent_vi(o.code) like unaccent_vi($2))`;
    const params = [filter.orgUnitIds, filter.search ?? null];
    const items = await sqlRows<SchoolFinanceSetting>(
      em,
      `select ${SETTING_COLUMNS} from tenancy_org_unit o left join finance_school_setting s on s.school_id = o.id
        where ${where} order by ${paging.orderBy} limit $3 offset $4`,
      [...params, paging.limit, paging.offset],
    );
    const total = await sqlRow<{ n: number }>(
      em,
      `select count(*)::int as n from tenancy_org_unit o where ${where}`,
      params,
    );
    return { items, total: total?.n ?? 0 };
  }

  async setting(em: EntityManager, schoolId: string): Promise<SchoolFinanceSetting | undefined> {
    return sqlRow<SchoolFinanceSetting>(
      em,
      `select ${SETTING_COLUMNS} from tenancy_org_unit o left join finance_school_setting s on s.school_id = o.id
        where o.id = $1 and o.kind = 'SCHOOL'`,
      [schoolId],
    );
  }

  async profile(em: EntityManager, schoolId: string): Promise<SchoolFinanceProfile | undefined> {
    const setting = await this.setting(em, schoolId);
    return (
      setting && {
        schoolId,
        name: setting.schoolName,
        ownership: setting.ownership,
        levels: setting.levels,
        area: setting.area,
      }
    );
  }

  async setArea(em: EntityManager, schoolId: string, area: FeeArea, userId: string): Promise<void> {
    await sqlExec(
      em,
      `insert into finance_school_setting (school_id, area, updated_by) values ($1, $2, $3)
       on conflict (school_id) do update set area = excluded.area, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [schoolId, area, userId],
    );
  }

  async setBankAccount(
    em: EntityManager,
    schoolId: string,
    account: { bankName: string | null; bankAccount: string | null },
    userId: string,
  ): Promise<void> {
    await sqlExec(
      em,
      `insert into finance_school_setting (school_id, bank_name, bank_account, updated_by) values ($1, $2, $3, $4)
       on conflict (school_id) do update set bank_name = excluded.bank_name, bank_account = excluded.bank_account,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [schoolId, account.bankName, account.bankAccount, userId],
    );
  }
}

function toRange(row: RangeRow): FeeRange {
  return { ...row, minAmount: Number(row.minAmount), maxAmount: Number(row.maxAmount) };
}

function rangeValues(r: FeeRangeInput): unknown[] {
  return [
    r.schoolYearId,
    r.feeKind,
    r.schoolLevel,
    r.area,
    r.billingUnit,
    r.minAmount,
    r.maxAmount,
    r.nameVi,
    r.nameEn,
  ];
}

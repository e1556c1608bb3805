import { Injectable } from '@nestjs/common';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import type {
  AssetTotalFact,
  AttendanceFact,
  ClassOutcomeFact,
  ClassSizeFact,
  FinanceBudgetFact,
  FinanceTotalFact,
  HeadcountFact,
  MovementFact,
  PolicyCountFact,
  StaffCountFact,
  SubjectResultFact,
} from '@emis/domain';
import { EntityManager } from 'typeorm';

/** What changed in a school: topic 'grades' with a class id as key, or a whole topic with key ''. */
export interface DirtyMark {
  schoolId: string;
  topic: string;
  key: string;
  since: string;
}

/** A fact table: its columns after school_id, with their SQL types and the row field each comes from. */
interface FactTable<R> {
  table: string;
  columns: readonly (readonly [column: string, type: string, field: keyof R])[];
}

const SUBJECT_RESULT: FactTable<SubjectResultFact> = {
  table: 'reporting.subject_result',
  columns: [
    ['school_year_id', 'uuid', 'schoolYearId'],
    ['period', 'text', 'period'],
    ['class_id', 'uuid', 'classId'],
    ['subject_code', 'text', 'subjectCode'],
    ['grade', 'text', 'grade'],
    ['pupils', 'integer', 'pupils'],
    ['scored', 'integer', 'scored'],
    ['sum_tenths', 'bigint', 'sumTenths'],
    ['b80', 'integer', 'b80'],
    ['b65', 'integer', 'b65'],
    ['b50', 'integer', 'b50'],
    ['b35', 'integer', 'b35'],
    ['b00', 'integer', 'b00'],
    ['rating_d', 'integer', 'ratingD'],
    ['rating_cd', 'integer', 'ratingCd'],
    ['rating_t', 'integer', 'ratingT'],
    ['rating_h', 'integer', 'ratingH'],
    ['rating_c', 'integer', 'ratingC'],
    ['not_passed', 'integer', 'notPassed'],
  ],
};

const CLASS_OUTCOME: FactTable<ClassOutcomeFact> = {
  table: 'reporting.class_outcome',
  columns: [
    ['school_year_id', 'uuid', 'schoolYearId'],
    ['period', 'text', 'period'],
    ['class_id', 'uuid', 'classId'],
    ['measure', 'text', 'measure'],
    ['code', 'text', 'code'],
    ['grade', 'text', 'grade'],
    ['pupils', 'integer', 'pupils'],
  ],
};

const CLASS_SIZE: FactTable<ClassSizeFact> = {
  table: 'reporting.class_size',
  columns: [
    ['school_year_id', 'uuid', 'schoolYearId'],
    ['class_id', 'uuid', 'classId'],
    ['grade', 'text', 'grade'],
    ['name', 'text', 'name'],
    ['pupils', 'integer', 'pupils'],
    ['ceiling', 'integer', 'ceiling'],
  ],
};

const HEADCOUNT: FactTable<HeadcountFact> = {
  table: 'reporting.headcount',
  columns: [
    ['school_year_id', 'uuid', 'schoolYearId'],
    ['class_id', 'uuid', 'classId'],
    ['gender', 'text', 'gender'],
    ['ethnicity', 'text', 'ethnicity'],
    ['disabled', 'boolean', 'disabled'],
    ['grade', 'text', 'grade'],
    ['pupils', 'integer', 'pupils'],
  ],
};

const POLICY_COUNT: FactTable<PolicyCountFact> = {
  table: 'reporting.policy_count',
  columns: [
    ['school_year_id', 'uuid', 'schoolYearId'],
    ['class_id', 'uuid', 'classId'],
    ['policy_group', 'text', 'policyGroup'],
    ['gender', 'text', 'gender'],
    ['grade', 'text', 'grade'],
    ['pupils', 'integer', 'pupils'],
  ],
};

const MOVEMENT: FactTable<MovementFact> = {
  table: 'reporting.movement',
  columns: [
    ['school_year_id', 'uuid', 'schoolYearId'],
    ['grade', 'text', 'grade'],
    ['kind', 'text', 'kind'],
    ['gender', 'text', 'gender'],
    ['pupils', 'integer', 'pupils'],
  ],
};

const ATTENDANCE: FactTable<AttendanceFact> = {
  table: 'reporting.attendance',
  columns: [
    ['school_year_id', 'uuid', 'schoolYearId'],
    ['period', 'text', 'period'],
    ['class_id', 'uuid', 'classId'],
    ['grade', 'text', 'grade'],
    ['recorded', 'integer', 'recorded'],
    ['present', 'integer', 'present'],
    ['excused', 'integer', 'excused'],
    ['unexcused', 'integer', 'unexcused'],
    ['late', 'integer', 'late'],
  ],
};

const STAFF_COUNT: FactTable<StaffCountFact> = {
  table: 'reporting.staff_count',
  columns: [
    ['position', 'text', 'position'],
    ['qualification', 'text', 'qualification'],
    ['contract_type', 'text', 'contractType'],
    ['gender', 'text', 'gender'],
    ['age_band', 'text', 'ageBand'],
    ['staff', 'integer', 'staff'],
  ],
};

const ASSET_TOTAL: FactTable<AssetTotalFact> = {
  table: 'reporting.asset_total',
  columns: [
    ['asset_class', 'text', 'assetClass'],
    ['kind', 'text', 'kind'],
    ['funding_source', 'text', 'fundingSource'],
    ['assets', 'integer', 'assets'],
    ['quantity', 'bigint', 'quantity'],
    ['cost', 'bigint', 'cost'],
    ['accumulated_wear', 'bigint', 'accumulatedWear'],
    ['remaining_value', 'bigint', 'remainingValue'],
  ],
};

const FINANCE_TOTAL: FactTable<FinanceTotalFact> = {
  table: 'reporting.finance_total',
  columns: [
    ['school_year_id', 'uuid', 'schoolYearId'],
    ['pupils', 'integer', 'pupils'],
    ['charges', 'integer', 'charges'],
    ['list_amount', 'bigint', 'listAmount'],
    ['relief_amount', 'bigint', 'reliefAmount'],
    ['support_amount', 'bigint', 'supportAmount'],
    ['reimbursed_amount', 'bigint', 'reimbursedAmount'],
    ['due_amount', 'bigint', 'dueAmount'],
    ['adjusted', 'bigint', 'adjusted'],
    ['paid', 'bigint', 'paid'],
    ['outstanding', 'bigint', 'outstanding'],
  ],
};

const FINANCE_BUDGET: FactTable<FinanceBudgetFact> = {
  table: 'reporting.finance_budget',
  columns: [
    ['fiscal_year', 'integer', 'fiscalYear'],
    ['funding_source', 'text', 'fundingSource'],
    ['spending_group', 'text', 'spendingGroup'],
    ['estimate', 'bigint', 'estimate'],
    ['allocated', 'bigint', 'allocated'],
    ['adjusted', 'bigint', 'adjusted'],
    ['spent', 'bigint', 'spent'],
  ],
};

/** The fact tables a school's whole refresh replaces, by what they hold. */
export const FACT_TABLES = [
  SUBJECT_RESULT.table,
  CLASS_OUTCOME.table,
  CLASS_SIZE.table,
  HEADCOUNT.table,
  POLICY_COUNT.table,
  MOVEMENT.table,
  ATTENDANCE.table,
  STAFF_COUNT.table,
  ASSET_TOTAL.table,
  FINANCE_TOTAL.table,
  FINANCE_BUDGET.table,
] as const;

/**
 * The only writer of the reporting tables. Each method replaces a school's rows of a table (or of some of its classes)
 * in the caller's transaction — delete then one insert of every row as a jsonb array — so a reader sees the old
 * figures or the new ones, never a mix. school_id leads every statement (one Citus shard).
 */
@Injectable()
export class FactsWriter {
  /** The grade facts (subject results and class outcomes) of these classes, or of every class when `classIds` is null. */
  async replaceGrades(
    em: EntityManager,
    schoolId: string,
    classIds: readonly string[] | null,
    subjects: SubjectResultFact[],
    outcomes: ClassOutcomeFact[],
  ): Promise<void> {
    for (const table of [SUBJECT_RESULT.table, CLASS_OUTCOME.table]) {
      if (classIds === null) await sqlExec(em, `delete from ${table} where school_id = $1`, [schoolId]);
      else
        await sqlExec(em, `delete from ${table} where school_id = $1 and class_id = any($2::uuid[])`, [
          schoolId,
          classIds,
        ]);
    }
    await insertRows(em, schoolId, SUBJECT_RESULT, subjects);
    await insertRows(em, schoolId, CLASS_OUTCOME, outcomes);
  }

  replaceClassSizes(em: EntityManager, schoolId: string, rows: ClassSizeFact[]): Promise<void> {
    return replaceRows(em, schoolId, CLASS_SIZE, rows);
  }

  async replacePeople(
    em: EntityManager,
    schoolId: string,
    headcounts: HeadcountFact[],
    policyCounts: PolicyCountFact[],
    movements: MovementFact[],
  ): Promise<void> {
    await replaceRows(em, schoolId, HEADCOUNT, headcounts);
    await replaceRows(em, schoolId, POLICY_COUNT, policyCounts);
    await replaceRows(em, schoolId, MOVEMENT, movements);
  }

  replaceAttendance(em: EntityManager, schoolId: string, rows: AttendanceFact[]): Promise<void> {
    return replaceRows(em, schoolId, ATTENDANCE, rows);
  }

  replaceStaff(em: EntityManager, schoolId: string, rows: StaffCountFact[]): Promise<void> {
    return replaceRows(em, schoolId, STAFF_COUNT, rows);
  }

  replaceAssets(em: EntityManager, schoolId: string, rows: AssetTotalFact[]): Promise<void> {
    return replaceRows(em, schoolId, ASSET_TOTAL, rows);
  }

  async replaceFinance(
    em: EntityManager,
    schoolId: string,
    totals: FinanceTotalFact[],
    budget: FinanceBudgetFact[],
  ): Promise<void> {
    await replaceRows(em, schoolId, FINANCE_TOTAL, totals);
    await replaceRows(em, schoolId, FINANCE_BUDGET, budget);
  }

  /**
   * Records what changed, one statement per batch of events: a mark already there keeps its earlier `since` (the
   * first change not folded in yet), so the sweeper sees how long a school has waited.
   */
  async markDirty(em: EntityManager, marks: readonly DirtyMark[]): Promise<void> {
    if (!marks.length) return;
    await sqlExec(
      em,
      `insert into reporting.dirty (school_id, topic, key, since)
       select school_id, topic, key, min(since)
         from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) as m(school_id, topic, key, since)
        group by school_id, topic, key
       on conflict do nothing`,
      [marks.map((m) => m.schoolId), marks.map((m) => m.topic), marks.map((m) => m.key), marks.map((m) => m.since)],
    );
  }

  /** Takes the school's marks away in the refresh's transaction: they come back if the refresh rolls back. */
  async claimDirty(em: EntityManager, schoolId: string): Promise<{ topic: string; key: string }[]> {
    return sqlRows<{ topic: string; key: string }>(
      em,
      `delete from reporting.dirty where school_id = $1 returning topic, key`,
      [schoolId],
    );
  }

  /** Schools with a mark waiting longer than `seconds` (a job lost between a commit and its send; run province-wide). */
  async waitingSchools(em: EntityManager, seconds: number): Promise<string[]> {
    const rows = await sqlRows<{ school_id: string }>(
      em,
      `select distinct school_id from reporting.dirty where since < now() - make_interval(secs => $1)`,
      [seconds],
    );
    return rows.map((r) => r.school_id);
  }

  /**
   * One refresh of a school at a time (the job, a sweeper's job, the rebuild): a second waits for the first to commit,
   * then reads what it committed, so an older computation never overwrites a newer one.
   */
  async lockSchool(em: EntityManager, schoolId: string): Promise<void> {
    await sqlRows(em, `select pg_advisory_xact_lock(hashtextextended('reporting.refresh:' || $1, 0))`, [schoolId]);
  }

  /** Whether any school has been refreshed yet (run under the province's scope). */
  async anyRefreshed(em: EntityManager): Promise<boolean> {
    return (await sqlRows<{ id: string }>(em, `select school_id as id from reporting.school_state limit 1`)).length > 0;
  }

  /** Every school of the province, through tenancy's view (run under the province's scope). */
  async schoolIds(em: EntityManager): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      em,
      `select id from tenancy_org_unit where kind = 'SCHOOL' order by code`,
    );
    return rows.map((r) => r.id);
  }

  /** Records a refresh of the school: its time, and a version one higher than the last (report caches key on it). */
  async stamp(em: EntityManager, schoolId: string, at: Date): Promise<number> {
    const row = await sqlRow<{ version: string }>(
      em,
      `insert into reporting.school_state (school_id, refreshed_at, version) values ($1, $2, 1)
       on conflict (school_id) do update set refreshed_at = excluded.refreshed_at, version = reporting.school_state.version + 1
       returning version`,
      [schoolId, at],
    );
    return Number(row!.version);
  }
}

async function replaceRows<R>(em: EntityManager, schoolId: string, t: FactTable<R>, rows: R[]): Promise<void> {
  await sqlExec(em, `delete from ${t.table} where school_id = $1`, [schoolId]);
  await insertRows(em, schoolId, t, rows);
}

/** Every row in one statement: the rows travel as one jsonb array, typed back into columns by jsonb_to_recordset. */
async function insertRows<R>(em: EntityManager, schoolId: string, t: FactTable<R>, rows: R[]): Promise<void> {
  if (!rows.length) return;
  const columns = t.columns.map(([c]) => c).join(', ');
  const record = t.columns.map(([c, type]) => `${c} ${type}`).join(', ');
  const json = rows.map((r) => Object.fromEntries(t.columns.map(([c, , field]) => [c, r[field]])));
  await sqlExec(
    em,
    `insert into ${t.table} (school_id, ${columns})
     select $1, ${columns} from jsonb_to_recordset($2::jsonb) as x(${record})
     returning 1`,
    [schoolId, JSON.stringify(json)],
  );
}

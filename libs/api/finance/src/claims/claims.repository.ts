import { Injectable } from '@nestjs/common';
import type { Claim } from '@emis/contracts';
import { ClaimFigures, ClaimStatus, FeeRuleCode, SchoolLevel } from '@emis/domain';
import { sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** The fee period a claim is made for. */
export interface ClaimPeriod {
  id: string;
  schoolYearId: string;
  schoolYearCode: string;
  code: string;
  name: string;
  startsOn: string;
  endsOn: string;
  months: number;
}

/** A charge of the period the state may pay part of, with the class it was charged in. */
export interface ClaimChargeRow {
  studentId: string;
  classId: string;
  rule: FeeRuleCode;
  reliefAmount: number;
  supportAmount: number;
  reimbursedAmount: number;
}

interface ClaimRow {
  id: string;
  school_year_id: string;
  period_id: string;
  period_code: string;
  status: ClaimStatus;
  pupils: number;
  pupil_months: number;
  amount: string;
  lines: Claim['lines'];
  submitted_at: Date | null;
}

const SELECT_CLAIMS = `
  select c.id, c.school_year_id, c.period_id, p.code as period_code, c.status, c.pupils, c.pupil_months, c.amount,
         c.lines, c.submitted_at
    from finance_claim c
    join finance_period p on p.school_id = c.school_id and p.id = c.period_id`;

/** The reimbursement claims (table finance_claim) and what they are computed from: the period's charges. */
@Injectable()
export class ClaimsRepository {
  async period(em: EntityManager, schoolId: string, periodId: string): Promise<ClaimPeriod | undefined> {
    const row = await sqlRow<ClaimPeriod>(
      em,
      `select p.id, p.school_year_id as "schoolYearId", y.code as "schoolYearCode", p.code, p.name,
              to_char(p.starts_on, 'YYYY-MM-DD') as "startsOn", to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn", p.months
         from finance_period p join academic_school_year y on y.id = p.school_year_id
        where p.school_id = $1 and p.id = $2`,
      [schoolId, periodId],
    );
    return row;
  }

  /**
   * The period's charges set by a rule the state pays for (the rule is the one kept in the charge's basis when it was
   * generated; the claim reads the charge as made — later adjustments are between the school and the family).
   */
  async claimedCharges(em: EntityManager, schoolId: string, periodId: string): Promise<ClaimChargeRow[]> {
    const rows = await sqlRows<{
      student_id: string;
      class_id: string;
      rule: FeeRuleCode;
      relief_amount: string;
      support_amount: string;
      reimbursed_amount: string;
    }>(
      em,
      `select student_id, class_id, basis ->> 'rule' as rule, relief_amount, support_amount, reimbursed_amount
         from finance_charge
        where school_id = $1 and period_id = $2
          and basis ->> 'rule' in ('FREE_PUBLIC', 'PRIVATE_SUPPORT', 'EXEMPT', 'REDUCED_70', 'REDUCED_50')`,
      [schoolId, periodId],
    );
    return rows.map((r) => ({
      studentId: r.student_id,
      classId: r.class_id,
      rule: r.rule,
      reliefAmount: Number(r.relief_amount),
      supportAmount: Number(r.support_amount),
      reimbursedAmount: Number(r.reimbursed_amount),
    }));
  }

  /** The province's monthly levels of the year for the school's area (URBAN until the department sets one). */
  async provinceLevels(
    em: EntityManager,
    schoolId: string,
    schoolYearId: string,
  ): Promise<Map<SchoolLevel, { monthlyAmount: number; privateSupportMonthly: number }>> {
    const rows = await sqlRows<{ school_level: SchoolLevel; monthly_amount: string; private_support_monthly: string }>(
      em,
      `select l.school_level, l.monthly_amount, l.private_support_monthly
         from finance_tuition_level l
        where l.school_year_id = $2
          and l.area = coalesce((select s.area from finance_school_setting s where s.school_id = $1), 'URBAN')`,
      [schoolId, schoolYearId],
    );
    return new Map(
      rows.map((r) => [
        r.school_level,
        { monthlyAmount: Number(r.monthly_amount), privateSupportMonthly: Number(r.private_support_monthly) },
      ]),
    );
  }

  async list(em: EntityManager, schoolId: string, schoolYearId: string | undefined): Promise<Claim[]> {
    const rows = await sqlRows<ClaimRow>(
      em,
      `${SELECT_CLAIMS} where c.school_id = $1 and ($2::uuid is null or c.school_year_id = $2)
        order by p.starts_on, p.code`,
      [schoolId, schoolYearId ?? null],
    );
    return rows.map(toClaim);
  }

  async find(em: EntityManager, schoolId: string, id: string, lock = false): Promise<Claim | undefined> {
    const row = await sqlRow<ClaimRow>(
      em,
      `${SELECT_CLAIMS} where c.school_id = $1 and c.id = $2${lock ? ' for update of c' : ''}`,
      [schoolId, id],
    );
    return row ? toClaim(row) : undefined;
  }

  async findByPeriod(em: EntityManager, schoolId: string, periodId: string): Promise<Claim | undefined> {
    const row = await sqlRow<ClaimRow>(
      em,
      `${SELECT_CLAIMS} where c.school_id = $1 and c.period_id = $2 for update of c`,
      [schoolId, periodId],
    );
    return row ? toClaim(row) : undefined;
  }

  /** Writes a draft's figures: a new claim for the period, or the draft's figures again. Answers its id. */
  async saveDraft(em: EntityManager, schoolId: string, period: ClaimPeriod, figures: ClaimFigures): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into finance_claim (school_id, school_year_id, period_id, pupils, pupil_months, amount, lines)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (school_id, period_id) do update
         set pupils = excluded.pupils, pupil_months = excluded.pupil_months, amount = excluded.amount,
             lines = excluded.lines
         where finance_claim.status = 'DRAFT'
       returning id`,
      [
        schoolId,
        period.schoolYearId,
        period.id,
        figures.pupils,
        figures.pupilMonths,
        figures.amount,
        JSON.stringify(figures.lines),
      ],
    );
    if (!row) throw new Error(`the claim of period ${period.id} is no longer a draft`);
    return row.id;
  }

  async markSubmitted(em: EntityManager, schoolId: string, id: string): Promise<void> {
    await sqlRow(
      em,
      `update finance_claim set status = 'SUBMITTED', submitted_at = now(),
              submitted_by = nullif(current_setting('app.user_id', true), '')::uuid
        where school_id = $1 and id = $2 and status = 'DRAFT'`,
      [schoolId, id],
    );
  }
}

function toClaim(r: ClaimRow): Claim {
  return {
    id: r.id,
    schoolYearId: r.school_year_id,
    periodId: r.period_id,
    periodCode: r.period_code,
    status: r.status,
    pupils: r.pupils,
    pupilMonths: r.pupil_months,
    amount: Number(r.amount),
    lines: r.lines,
    submittedAt: r.submitted_at?.toISOString() ?? null,
  };
}

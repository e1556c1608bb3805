import { Injectable } from '@nestjs/common';
import type { ChargeAdjustment, Payment } from '@emis/contracts';
import { FEE_KINDS, formatDocumentNumber } from '@emis/domain';
import type { AdjustmentKind, DocumentSeries, FeeKind, PaymentKind, PaymentMethod, PolicyGroup } from '@emis/domain';
import { sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/**
 * Each charge of the school `school` (an SQL expression) with its adjustments and allocations summed: `adjusted`
 * (signed) and `paid`; what is still owed is due_amount + adjusted − paid.
 */
export const chargeBalancesSql = (school: string) => `
  select c.*, coalesce(a.adjusted, 0)::bigint as adjusted, coalesce(l.paid, 0)::bigint as paid
    from finance_charge c
    left join lateral (select sum(a.amount) as adjusted from finance_charge_adjustment a
                        where a.school_id = ${school} and a.charge_id = c.id) a on true
    left join lateral (select sum(l.amount) as paid from finance_allocation l
                        where l.school_id = ${school} and l.charge_id = c.id) l on true
   where c.school_id = ${school}`;

/** A charge as the lists read it (names of pupils and classes are added from the people context's roster). */
export interface ChargeLine {
  id: string;
  periodId: string;
  periodCode: string;
  periodStartsOn: string;
  periodStatus: 'OPEN' | 'CLOSED';
  studentId: string;
  classId: string;
  feeScheduleId: string;
  feeKind: FeeKind;
  feeName: string;
  listAmount: number;
  reliefPercent: number;
  reliefAmount: number;
  supportAmount: number;
  reimbursedAmount: number;
  dueAmount: number;
  adjusted: number;
  paid: number;
  outstanding: number;
  rule: string;
  policyGroups: PolicyGroup[];
}

interface ChargeRow {
  id: string;
  period_id: string;
  period_code: string;
  period_starts_on: string;
  period_status: 'OPEN' | 'CLOSED';
  student_id: string;
  class_id: string;
  fee_schedule_id: string;
  fee_kind: FeeKind;
  fee_name: string;
  list_amount: string;
  relief_percent: number;
  relief_amount: string;
  support_amount: string;
  reimbursed_amount: string;
  due_amount: string;
  adjusted: string;
  paid: string;
  basis: { rule?: string; policyGroups?: PolicyGroup[] };
}

export interface ChargeFilter {
  periodId?: string;
  schoolYearId?: string;
  classIds?: readonly string[];
  studentIds?: readonly string[];
  chargeId?: string;
  outstanding?: boolean;
}

interface AdjustmentRow {
  id: string;
  charge_id: string;
  kind: AdjustmentKind;
  amount: string;
  reason: string;
  entered_on: string;
  reverses_id: string | null;
  reversed_by: string | null;
  created_at: Date;
}

interface PaymentRow {
  id: string;
  kind: PaymentKind;
  doc_series: DocumentSeries | null;
  doc_year: number | null;
  doc_number: number | null;
  payer_name: string | null;
  paid_on: string;
  method: PaymentMethod;
  bank_reference: string | null;
  amount: string;
  reverses_id: string | null;
  reversed_by_id: string | null;
  note: string | null;
  recorded_at: Date;
  recorded_by: string | null;
  allocations: { chargeId: string; periodCode: string; feeName: string; amount: number }[];
}

/** Debts per pupil: what is still owed over the charges in view, and the oldest period with something unpaid. */
export interface DebtRow {
  studentId: string;
  classId: string;
  outstanding: number;
  oldestPeriod: string;
}

export interface AdjustmentWrite {
  chargeId: string;
  kind: AdjustmentKind;
  amount: number;
  reason: string;
  enteredOn: string;
  reversesId: string | null;
  approvedBy: string | null;
  createdBy: string;
}

/** What pupils owe (finance_charge) and the changes to it (finance_charge_adjustment, insert-only). */
@Injectable()
export class ChargesRepository {
  /** The school's charges matching the filter, in period order; names are the caller's to add. */
  async lines(em: EntityManager, schoolId: string, f: ChargeFilter): Promise<ChargeLine[]> {
    const rows = await sqlRows<ChargeRow>(
      em,
      `select b.id, b.period_id, p.code as period_code, p.starts_on::text as period_starts_on,
              p.status as period_status, b.student_id, b.class_id,
              b.fee_schedule_id, b.fee_kind, s.name as fee_name, b.list_amount::text, b.relief_percent,
              b.relief_amount::text, b.support_amount::text, b.reimbursed_amount::text, b.due_amount::text,
              b.adjusted::text, b.paid::text, b.basis
         from (${chargeBalancesSql('$1')}) b
         join finance_period p on p.school_id = b.school_id and p.id = b.period_id
         join finance_fee_schedule s on s.school_id = b.school_id and s.id = b.fee_schedule_id
        where ($2::uuid is null or b.period_id = $2)
          and ($3::uuid is null or p.school_year_id = $3)
          and ($4::uuid[] is null or b.class_id = any($4))
          and ($5::uuid[] is null or b.student_id = any($5))
          and ($6::uuid is null or b.id = $6)
          and (not $7 or b.due_amount + b.adjusted - b.paid > 0)
        order by p.starts_on, p.code, array_position($8::text[], b.fee_kind), s.name, b.id`,
      [
        schoolId,
        f.periodId ?? null,
        f.schoolYearId ?? null,
        f.classIds ?? null,
        f.studentIds ?? null,
        f.chargeId ?? null,
        f.outstanding ?? false,
        FEE_KINDS,
      ],
    );
    return rows.map(toLine);
  }

  async adjustments(em: EntityManager, schoolId: string, chargeIds: readonly string[]): Promise<ChargeAdjustment[]> {
    if (chargeIds.length === 0) return [];
    const rows = await sqlRows<AdjustmentRow>(
      em,
      `select a.id, a.charge_id, a.kind, a.amount::text, a.reason, a.entered_on::text as entered_on, a.reverses_id,
              (select r.id from finance_charge_adjustment r where r.school_id = a.school_id and r.reverses_id = a.id
                limit 1) as reversed_by, a.created_at
         from finance_charge_adjustment a
        where a.school_id = $1 and a.charge_id = any($2::uuid[])
        order by a.created_at, a.id`,
      [schoolId, chargeIds],
    );
    return rows.map(toAdjustment);
  }

  async adjustment(em: EntityManager, schoolId: string, id: string): Promise<ChargeAdjustment | undefined> {
    const row = await sqlRow<AdjustmentRow>(
      em,
      `select a.id, a.charge_id, a.kind, a.amount::text, a.reason, a.entered_on::text as entered_on, a.reverses_id,
              (select r.id from finance_charge_adjustment r where r.school_id = a.school_id and r.reverses_id = a.id
                limit 1) as reversed_by, a.created_at
         from finance_charge_adjustment a
        where a.school_id = $1 and a.id = $2`,
      [schoolId, id],
    );
    return row && toAdjustment(row);
  }

  /** The pupil's payments, refunds and reversals, oldest first, with how each settles charges. */
  async payments(
    em: EntityManager,
    schoolId: string,
    studentId: string,
  ): Promise<Omit<Payment, 'studentId' | 'studentCode' | 'studentName' | 'className'>[]> {
    const rows = await sqlRows<PaymentRow>(
      em,
      `select p.id, p.kind, p.doc_series, p.doc_year, p.doc_number, p.payer_name, p.paid_on::text as paid_on, p.method,
              p.bank_reference, p.amount::text, p.reverses_id,
              (select r.id from finance_payment r where r.school_id = p.school_id and r.reverses_id = p.id) as reversed_by_id,
              p.note, p.recorded_at, p.recorded_by,
              coalesce((select json_agg(json_build_object('chargeId', l.charge_id, 'periodCode', fp.code,
                                                          'feeName', s.name, 'amount', l.amount) order by fp.starts_on, s.name)
                          from finance_allocation l
                          join finance_charge c on c.school_id = l.school_id and c.id = l.charge_id
                          join finance_period fp on fp.school_id = c.school_id and fp.id = c.period_id
                          join finance_fee_schedule s on s.school_id = c.school_id and s.id = c.fee_schedule_id
                         where l.school_id = p.school_id and l.payment_id = p.id), '[]') as allocations
         from finance_payment p
        where p.school_id = $1 and p.student_id = $2
        order by p.paid_on, p.recorded_at, p.id`,
      [schoolId, studentId],
    );
    return rows.map(toPayment);
  }

  /**
   * Pupils who still owe something over the charges of the filter, with the class of their latest charge; a
   * teacher's list is narrowed to their homeroom classes by `classIds`.
   */
  async debts(
    em: EntityManager,
    schoolId: string,
    periodId: string | undefined,
    classIds: readonly string[] | null,
  ): Promise<DebtRow[]> {
    const rows = await sqlRows<{ student_id: string; class_id: string; outstanding: string; oldest_period: string }>(
      em,
      `select b.student_id,
              (array_agg(b.class_id order by p.starts_on desc))[1] as class_id,
              sum(b.due_amount + b.adjusted - b.paid)::text as outstanding,
              (array_agg(p.code order by p.starts_on, p.code) filter (where b.due_amount + b.adjusted - b.paid > 0))[1]
                as oldest_period
         from (${chargeBalancesSql('$1')}) b
         join finance_period p on p.school_id = b.school_id and p.id = b.period_id
        where ($2::uuid is null or b.period_id = $2) and ($3::uuid[] is null or b.class_id = any($3))
        group by b.student_id
       having sum(b.due_amount + b.adjusted - b.paid) > 0`,
      [schoolId, periodId ?? null, classIds],
    );
    return rows.map((r) => ({
      studentId: r.student_id,
      classId: r.class_id,
      outstanding: Number(r.outstanding),
      oldestPeriod: r.oldest_period,
    }));
  }

  /**
   * Locks the charge's period (charges are insert-only: the API role may not lock their rows), so two adjustments of
   * one charge are checked against each other's result, and none slips in beside a generation or a closing.
   */
  async lockCharge(em: EntityManager, schoolId: string, chargeId: string): Promise<boolean> {
    const row = await sqlRow<{ id: string }>(
      em,
      `select p.id from finance_charge c join finance_period p on p.school_id = c.school_id and p.id = c.period_id
        where c.school_id = $1 and c.id = $2 for update of p`,
      [schoolId, chargeId],
    );
    return Boolean(row);
  }

  async insertAdjustment(em: EntityManager, schoolId: string, a: AdjustmentWrite): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into finance_charge_adjustment
         (school_id, charge_id, kind, amount, reason, entered_on, reverses_id, approved_by, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [schoolId, a.chargeId, a.kind, a.amount, a.reason, a.enteredOn, a.reversesId, a.approvedBy, a.createdBy],
    );
    if (!row) throw new Error(`insert: no id returned for the adjustment of charge ${a.chargeId}`);
    return row.id;
  }
}

function toPayment(r: PaymentRow): Omit<Payment, 'studentId' | 'studentCode' | 'studentName' | 'className'> {
  return {
    id: r.id,
    kind: r.kind,
    documentNumber:
      r.doc_series && r.doc_year && r.doc_number ? formatDocumentNumber(r.doc_series, r.doc_year, r.doc_number) : null,
    docYear: r.doc_year,
    docNumber: r.doc_number,
    payerName: r.payer_name,
    paidOn: r.paid_on,
    method: r.method,
    bankReference: r.bank_reference,
    amount: Number(r.amount),
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id,
    allocations: r.allocations.map((a) => ({ ...a, amount: Number(a.amount) })),
    note: r.note,
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: r.recorded_by,
  };
}

function toLine(r: ChargeRow): ChargeLine {
  const dueAmount = Number(r.due_amount);
  const adjusted = Number(r.adjusted);
  const paid = Number(r.paid);
  return {
    id: r.id,
    periodId: r.period_id,
    periodCode: r.period_code,
    periodStartsOn: r.period_starts_on,
    periodStatus: r.period_status,
    studentId: r.student_id,
    classId: r.class_id,
    feeScheduleId: r.fee_schedule_id,
    feeKind: r.fee_kind,
    feeName: r.fee_name,
    listAmount: Number(r.list_amount),
    reliefPercent: r.relief_percent,
    reliefAmount: Number(r.relief_amount),
    supportAmount: Number(r.support_amount),
    reimbursedAmount: Number(r.reimbursed_amount),
    dueAmount,
    adjusted,
    paid,
    outstanding: dueAmount + adjusted - paid,
    rule: r.basis.rule ?? 'NONE',
    policyGroups: r.basis.policyGroups ?? [],
  };
}

function toAdjustment(r: AdjustmentRow): ChargeAdjustment {
  return {
    id: r.id,
    chargeId: r.charge_id,
    kind: r.kind,
    amount: Number(r.amount),
    reason: r.reason,
    enteredOn: r.entered_on,
    reversesId: r.reverses_id,
    reversedBy: r.reversed_by,
    createdAt: r.created_at.toISOString(),
  };
}

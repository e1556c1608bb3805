import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { TestApp } from './harness';

export interface Allocation {
  chargeId: string;
  amount: number;
}

/**
 * A school's money arranged as the schema owner, the way the payments and spending parts write it — a document number
 * from the school's counter, the document, its allocations, in one transaction — so the books and the reconciliation
 * are tested on ledgers of known content, and a ledger can be broken on purpose (a number lost, a payment settling
 * nothing) in ways the API never allows.
 */
export class LedgerFixture {
  constructor(
    private readonly t: TestApp,
    readonly schoolId: string,
    readonly yearId: string,
  ) {}

  static async create(t: TestApp, schoolId: string): Promise<LedgerFixture> {
    const [{ id }] = await t.owner.query(`select id from school_year order by starts_on desc limit 1`);
    return new LedgerFixture(t, schoolId, id);
  }

  async period(code: string, startsOn: string, endsOn: string, months: number): Promise<string> {
    const [{ id }] = await this.t.owner.query(
      `insert into finance_period (school_id, school_year_id, code, name, starts_on, ends_on, months)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [this.schoolId, this.yearId, code, `Đợt ${code}`, startsOn, endsOn, months],
    );
    return id;
  }

  async fee(name: string, amount: number): Promise<string> {
    const [{ id }] = await this.t.owner.query(
      `insert into finance_fee_schedule (school_id, school_year_id, fee_kind, name, billing_unit, amount, status)
       values ($1, $2, 'MEALS', $3, 'MONTH', $4, 'ADOPTED') returning id`,
      [this.schoolId, this.yearId, name, amount],
    );
    return id;
  }

  /** A charge of `due` (no relief) for the pupil in the class. */
  async charge(c: {
    periodId: string;
    feeId: string;
    studentId: string;
    classId?: string;
    due: number;
  }): Promise<string> {
    const [{ id }] = await this.t.owner.query(
      `insert into finance_charge (school_id, period_id, student_id, class_id, fee_schedule_id, fee_kind, list_amount,
         due_amount) values ($1, $2, $3, $4, $5, 'MEALS', $6, $6) returning id`,
      [this.schoolId, c.periodId, c.studentId, c.classId ?? randomUUID(), c.feeId, c.due],
    );
    return id;
  }

  async adjust(chargeId: string, amount: number, enteredOn: string): Promise<void> {
    await this.t.owner.query(
      `insert into finance_charge_adjustment (school_id, charge_id, kind, amount, reason, entered_on)
       values ($1, $2, 'CORRECTION', $3, 'Điều chỉnh theo số ngày ăn thực tế', $4)`,
      [this.schoolId, chargeId, amount, enteredOn],
    );
  }

  /** A receipt (numbered) settling `allocations`; a BANK one carries `reference`. */
  async payment(p: {
    studentId: string;
    paidOn: string;
    amount: number;
    method?: 'CASH' | 'BANK';
    reference?: string;
    allocations: Allocation[];
  }): Promise<{ id: string; number: number }> {
    return this.t.owner.transaction(async (em) => {
      const number = await this.next(em, 'RECEIPT', Number(p.paidOn.slice(0, 4)));
      const [{ id }] = await em.query(
        `insert into finance_payment (school_id, kind, doc_series, doc_year, doc_number, student_id, paid_on, method,
           bank_reference, amount) values ($1, 'PAYMENT', 'RECEIPT', $2, $3, $4, $5, $6, $7, $8) returning id`,
        [
          this.schoolId,
          p.paidOn.slice(0, 4),
          number,
          p.studentId,
          p.paidOn,
          p.method ?? 'CASH',
          p.reference ?? null,
          p.amount,
        ],
      );
      await this.allocate(em, id, p.allocations);
      return { id, number };
    });
  }

  /** A refund (a VOUCHER number) of part of a payment, taken back off the charges it settled. */
  async refund(r: {
    paymentId: string;
    studentId: string;
    paidOn: string;
    amount: number;
    allocations: Allocation[];
  }): Promise<string> {
    return this.t.owner.transaction(async (em) => {
      const number = await this.next(em, 'VOUCHER', Number(r.paidOn.slice(0, 4)));
      const [{ id }] = await em.query(
        `insert into finance_payment (school_id, kind, doc_series, doc_year, doc_number, student_id, paid_on, method,
           amount, refunds_id) values ($1, 'REFUND', 'VOUCHER', $2, $3, $4, $5, 'CASH', $6, $7) returning id`,
        [this.schoolId, r.paidOn.slice(0, 4), number, r.studentId, r.paidOn, -r.amount, r.paymentId],
      );
      await this.allocate(
        em,
        id,
        r.allocations.map((a) => ({ ...a, amount: -a.amount })),
      );
      return id;
    });
  }

  /** The reversal of a payment: the opposite amount and allocations, no number of its own. */
  async reverse(paymentId: string, paidOn: string): Promise<void> {
    await this.t.owner.transaction(async (em) => {
      const [p] = await em.query(`select * from finance_payment where school_id = $1 and id = $2`, [
        this.schoolId,
        paymentId,
      ]);
      const [{ id }] = await em.query(
        `insert into finance_payment (school_id, kind, student_id, paid_on, method, amount, reverses_id)
         values ($1, 'REVERSAL', $2, $3, $4, $5, $6) returning id`,
        [this.schoolId, p.student_id, paidOn, p.method, -Number(p.amount), paymentId],
      );
      const allocations = await em.query(
        `select charge_id, amount from finance_allocation where school_id = $1 and payment_id = $2`,
        [this.schoolId, paymentId],
      );
      await this.allocate(
        em,
        id,
        allocations.map((a: { charge_id: string; amount: string }) => ({
          chargeId: a.charge_id,
          amount: -Number(a.amount),
        })),
      );
    });
  }

  /** An expense voucher approved by the principal (a VOUCHER number). */
  async expense(e: { spentOn: string; amount: number; method?: 'CASH' | 'BANK'; payee?: string }): Promise<string> {
    return this.t.owner.transaction(async (em) => {
      const number = await this.next(em, 'VOUCHER', Number(e.spentOn.slice(0, 4)));
      const [{ id }] = await em.query(
        `insert into finance_expense (school_id, kind, doc_series, doc_year, doc_number, spent_on, funding_source,
           spending_group, method, amount, payee, description, status, approved_at)
         values ($1, 'EXPENSE', 'VOUCHER', $2, $3, $4, 'FEES', 'GOODS_SERVICES', $5, $6, $7, 'Mua văn phòng phẩm',
           'APPROVED', now()) returning id`,
        [
          this.schoolId,
          e.spentOn.slice(0, 4),
          number,
          e.spentOn,
          e.method ?? 'CASH',
          e.amount,
          e.payee ?? 'Nhà sách Hồng Hà',
        ],
      );
      return id;
    });
  }

  /** A statement with one line per entry, as imported (unmatched unless a payment is named). */
  async bankLine(l: { bookedOn: string; amount: number; reference: string; paymentId?: string }): Promise<string> {
    const [{ id: statementId }] = await this.t.owner.query(
      `insert into finance_bank_statement (school_id, file_name, line_count, total_amount) values ($1, 'sao-ke.xlsx', 1, $2)
       returning id`,
      [this.schoolId, l.amount],
    );
    const [{ id }] = await this.t.owner.query(
      `insert into finance_bank_line (school_id, statement_id, line_no, booked_on, amount, reference, description, status,
         payment_id) values ($1, $2, 2, $3, $4, $5, 'HP', $6, $7) returning id`,
      [
        this.schoolId,
        statementId,
        l.bookedOn,
        l.amount,
        l.reference,
        l.paymentId ? 'MATCHED' : 'UNMATCHED',
        l.paymentId ?? null,
      ],
    );
    return id;
  }

  private async next(em: EntityManager, series: 'RECEIPT' | 'VOUCHER', year: number): Promise<number> {
    const [{ last_number }] = await em.query(
      `insert into finance_counter (school_id, series, year, last_number) values ($1, $2, $3, 1)
       on conflict (school_id, series, year) do update set last_number = finance_counter.last_number + 1
       returning last_number`,
      [this.schoolId, series, year],
    );
    return last_number;
  }

  private async allocate(em: EntityManager, paymentId: string, allocations: Allocation[]): Promise<void> {
    for (const a of allocations) {
      await em.query(
        `insert into finance_allocation (school_id, payment_id, charge_id, amount) values ($1, $2, $3, $4)`,
        [this.schoolId, paymentId, a.chargeId, a.amount],
      );
    }
  }
}

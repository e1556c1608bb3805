import { Injectable } from '@nestjs/common';
import type { Expense, ExpenseInput } from '@emis/contracts';
import { BudgetSource, ExpenseStatus, formatDocumentNumber, PaymentMethod, SpendingGroup } from '@emis/domain';
import { likePattern, sqlExec, sqlRow, sqlRows, SqlPaging } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

interface ExpenseRow {
  id: string;
  kind: 'EXPENSE' | 'REVERSAL';
  doc_year: number | null;
  doc_number: number | null;
  spent_on: string;
  funding_source: BudgetSource;
  spending_group: SpendingGroup;
  method: PaymentMethod;
  amount: string;
  payee: string;
  description: string;
  status: ExpenseStatus;
  reverses_id: string | null;
  reversed_by_id: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  decision_note: string | null;
  attachments: Expense['attachments'];
  version: number;
}

export interface ExpenseFilter {
  from?: string;
  to?: string;
  status?: ExpenseStatus;
  fundingSource?: BudgetSource;
  q?: string;
}

/** The sortable fields of the list and their columns. */
export const EXPENSE_SORT_COLUMNS: Record<string, string> = {
  spentOn: 'e.spent_on',
  amount: 'e.amount',
  payee: 'e.payee',
  documentNumber: 'e.doc_year, e.doc_number',
  status: 'e.status',
};

/** The voucher's columns with its reversal and attachments; `extra` adds columns in front (a list's total). */
const selectExpenses = (extra = '') => `
  select ${extra} e.id, e.kind, e.doc_year, e.doc_number, to_char(e.spent_on, 'YYYY-MM-DD') as spent_on, e.funding_source,
         e.spending_group, e.method, e.amount, e.payee, e.description, e.status, e.reverses_id,
         x.id as reversed_by_id, e.approved_by, e.approved_at, e.decision_note, e.version,
         coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'fileName', a.file_name,
                                                       'contentType', a.content_type, 'size', a.size)
                                    order by a.uploaded_at, a.id)
                     from finance_expense_attachment a
                    where a.school_id = e.school_id and a.expense_id = e.id), '[]') as attachments
    from finance_expense e
    left join finance_expense x on x.school_id = e.school_id and x.reverses_id = e.id`;

/** Expense vouchers (table finance_expense): drafts are edited in place; approved ones only reversed by a new row. */
@Injectable()
export class ExpensesRepository {
  async list(
    em: EntityManager,
    schoolId: string,
    filter: ExpenseFilter,
    paging: SqlPaging | null,
    orderBy: string,
  ): Promise<{ items: Expense[]; total: number }> {
    const params: unknown[] = [schoolId];
    const where = ['e.school_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter.from) add('e.spent_on >= ?', filter.from);
    if (filter.to) add('e.spent_on <= ?', filter.to);
    if (filter.status) add('e.status = ?', filter.status);
    if (filter.fundingSource) add('e.funding_source = ?', filter.fundingSource);
    if (filter.q)
      add(
        `(e.payee ilike ? or e.description ilike ? or
          ('PC-' || e.doc_year || '-' || lpad(e.doc_number::text, 6, '0')) ilike ?)`,
        likePattern(filter.q),
      );
    const limit = paging ? ` limit ${paging.limit} offset ${paging.offset}` : '';
    const rows = await sqlRows<ExpenseRow & { total: string }>(
      em,
      `${selectExpenses('count(*) over () as total,')}
        where ${where.join(' and ')} order by ${orderBy}, e.created_at, e.id${limit}`,
      params,
    );
    return { items: rows.map(toExpense), total: Number(rows[0]?.total ?? 0) };
  }

  /** One voucher; `lock` holds its row for the transaction (an edit, an approval and a reversal take turns). */
  async find(em: EntityManager, schoolId: string, id: string, lock = false): Promise<Expense | undefined> {
    if (lock)
      await sqlRow(em, `select 1 from finance_expense where school_id = $1 and id = $2 for update`, [schoolId, id]);
    const row = await sqlRow<ExpenseRow>(em, `${selectExpenses()} where e.school_id = $1 and e.id = $2`, [
      schoolId,
      id,
    ]);
    return row ? toExpense(row) : undefined;
  }

  async insertDraft(em: EntityManager, schoolId: string, input: ExpenseInput): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into finance_expense (school_id, spent_on, funding_source, spending_group, method, amount, payee,
         description, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, nullif(current_setting('app.user_id', true), '')::uuid)
       returning id`,
      [
        schoolId,
        input.spentOn,
        input.fundingSource,
        input.spendingGroup,
        input.method,
        input.amount,
        input.payee,
        input.description,
      ],
    );
    if (!row) throw new Error('insert: no id returned for an expense voucher');
    return row.id;
  }

  async updateDraft(em: EntityManager, schoolId: string, id: string, input: ExpenseInput): Promise<void> {
    await sqlExec(
      em,
      `update finance_expense
          set spent_on = $3, funding_source = $4, spending_group = $5, method = $6, amount = $7, payee = $8,
              description = $9, version = version + 1
        where school_id = $1 and id = $2 and status = 'DRAFT'`,
      [
        schoolId,
        id,
        input.spentOn,
        input.fundingSource,
        input.spendingGroup,
        input.method,
        input.amount,
        input.payee,
        input.description,
      ],
    );
  }

  /** The principal's decision on a draft: APPROVED with its voucher number, or REJECTED with a note. */
  async decide(
    em: EntityManager,
    schoolId: string,
    id: string,
    decision: { status: 'APPROVED'; year: number; number: number } | { status: 'REJECTED'; note: string | null },
  ): Promise<void> {
    const approved = decision.status === 'APPROVED';
    await sqlExec(
      em,
      `update finance_expense
          set status = $3, doc_series = $4, doc_year = $5, doc_number = $6, decision_note = $7,
              approved_by = nullif(current_setting('app.user_id', true), '')::uuid, approved_at = now(),
              version = version + 1
        where school_id = $1 and id = $2 and status = 'DRAFT'`,
      [
        schoolId,
        id,
        decision.status,
        approved ? 'VOUCHER' : null,
        approved ? decision.year : null,
        approved ? decision.number : null,
        approved ? null : decision.note,
      ],
    );
  }

  /** The reversal of an approved voucher: the opposite amount on enteredOn, approved by who reverses it. */
  async insertReversal(
    em: EntityManager,
    schoolId: string,
    original: Expense,
    enteredOn: string,
    reason: string,
  ): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into finance_expense (school_id, kind, spent_on, funding_source, spending_group, method, amount, payee,
         description, status, reverses_id, approved_by, approved_at, decision_note, created_by)
       values ($1, 'REVERSAL', $2, $3, $4, $5, $6, $7, $8, 'APPROVED', $9,
               nullif(current_setting('app.user_id', true), '')::uuid, now(), $10,
               nullif(current_setting('app.user_id', true), '')::uuid)
       returning id`,
      [
        schoolId,
        enteredOn,
        original.fundingSource,
        original.spendingGroup,
        original.method,
        -original.amount,
        original.payee,
        `Hủy phiếu chi ${original.documentNumber}`,
        original.id,
        reason,
      ],
    );
    if (!row) throw new Error('insert: no id returned for the reversal of an expense voucher');
    return row.id;
  }
}

function toExpense(r: ExpenseRow): Expense {
  return {
    id: r.id,
    kind: r.kind,
    documentNumber:
      r.doc_year !== null && r.doc_number !== null ? formatDocumentNumber('VOUCHER', r.doc_year, r.doc_number) : null,
    spentOn: r.spent_on,
    fundingSource: r.funding_source,
    spendingGroup: r.spending_group,
    method: r.method,
    amount: Number(r.amount),
    payee: r.payee,
    description: r.description,
    status: r.status,
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at?.toISOString() ?? null,
    decisionNote: r.decision_note,
    attachments: r.attachments,
    version: r.version,
  };
}

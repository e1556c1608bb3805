import { Injectable } from '@nestjs/common';
import type { BudgetEntryInput } from '@emis/contracts';
import { BudgetEntryKind, BudgetSource, SpendingGroup } from '@emis/domain';
import { sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { CountedEntry, Spending } from './budget-view';

interface EntryRow {
  id: string;
  fiscal_year: number;
  kind: BudgetEntryKind;
  counts_as: Exclude<BudgetEntryKind, 'REVERSAL'>;
  funding_source: BudgetSource;
  spending_group: SpendingGroup;
  amount: string;
  entered_on: string;
  decision_number: string | null;
  decision_date: string | null;
  note: string | null;
  reverses_id: string | null;
  reversed_by_id: string | null;
  created_at: Date;
}

/** A budget entry to write: what the user gave, or the reversal of an entry. */
export type NewBudgetEntry = Omit<BudgetEntryInput, 'kind'> & { kind: BudgetEntryKind; reversesId?: string };

const SELECT_ENTRIES = `
  select e.id, e.fiscal_year, e.kind, coalesce(r.kind, e.kind) as counts_as, e.funding_source, e.spending_group,
         e.amount, to_char(e.entered_on, 'YYYY-MM-DD') as entered_on, e.decision_number,
         to_char(e.decision_date, 'YYYY-MM-DD') as decision_date, e.note, e.reverses_id, x.id as reversed_by_id,
         e.created_at
    from finance_budget_entry e
    left join finance_budget_entry r on r.school_id = e.school_id and r.id = e.reverses_id
    left join finance_budget_entry x on x.school_id = e.school_id and x.reverses_id = e.id`;

/** The budget's entries (table finance_budget_entry, insert-only) and the spending of approved vouchers. */
@Injectable()
export class BudgetRepository {
  /** Every entry of the fiscal year, in the order they were made. */
  async entries(em: EntityManager, schoolId: string, fiscalYear: number): Promise<CountedEntry[]> {
    const rows = await sqlRows<EntryRow>(
      em,
      `${SELECT_ENTRIES} where e.school_id = $1 and e.fiscal_year = $2 order by e.created_at, e.id`,
      [schoolId, fiscalYear],
    );
    return rows.map(toEntry);
  }

  async find(em: EntityManager, schoolId: string, id: string): Promise<CountedEntry | undefined> {
    const row = await sqlRow<EntryRow>(em, `${SELECT_ENTRIES} where e.school_id = $1 and e.id = $2`, [schoolId, id]);
    return row ? toEntry(row) : undefined;
  }

  async insert(em: EntityManager, schoolId: string, entry: NewBudgetEntry): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into finance_budget_entry (school_id, fiscal_year, kind, funding_source, spending_group, amount,
         entered_on, decision_number, decision_date, note, reverses_id, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, nullif(current_setting('app.user_id', true), '')::uuid)
       returning id`,
      [
        schoolId,
        entry.fiscalYear,
        entry.kind,
        entry.fundingSource,
        entry.spendingGroup,
        entry.amount,
        entry.enteredOn,
        entry.decisionNumber ?? null,
        entry.decisionDate ?? null,
        entry.note ?? null,
        entry.reversesId ?? null,
      ],
    );
    if (!row) throw new Error('insert: no id returned for a budget entry');
    return row.id;
  }

  /**
   * What approved vouchers spent in the calendar year (the fiscal year), per source and group. A voucher's reversal is
   * an approved row of the opposite amount dated when it was reversed, so it lowers the spending of its own year.
   */
  async spending(em: EntityManager, schoolId: string, fiscalYear: number): Promise<Spending[]> {
    const rows = await sqlRows<{ funding_source: BudgetSource; spending_group: SpendingGroup; amount: string }>(
      em,
      `select funding_source, spending_group, sum(amount) as amount
         from finance_expense
        where school_id = $1 and status = 'APPROVED'
          and spent_on >= make_date($2, 1, 1) and spent_on < make_date($2 + 1, 1, 1)
        group by funding_source, spending_group`,
      [schoolId, fiscalYear],
    );
    return rows.map((r) => ({
      fundingSource: r.funding_source,
      spendingGroup: r.spending_group,
      amount: Number(r.amount),
    }));
  }
}

function toEntry(r: EntryRow): CountedEntry {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    kind: r.kind,
    countsAs: r.counts_as,
    fundingSource: r.funding_source,
    spendingGroup: r.spending_group,
    amount: Number(r.amount),
    enteredOn: r.entered_on,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    note: r.note,
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id,
    createdAt: r.created_at.toISOString(),
  };
}

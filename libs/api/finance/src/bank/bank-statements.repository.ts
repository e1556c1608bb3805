import { Injectable } from '@nestjs/common';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import type { BankLineStatus } from '@emis/domain';
import { EntityManager } from 'typeorm';
import type { StatementLine } from './statement-lines';

export interface StatementRecord {
  id: string;
  fileName: string;
  bankAccount: string | null;
  lineCount: number;
  totalAmount: number;
  matched: number;
  unmatched: number;
  importedAt: string;
}

export interface BankLineRecord {
  id: string;
  statementId: string;
  lineNo: number;
  bookedOn: string;
  amount: number;
  reference: string;
  description: string;
  counterparty: string | null;
  status: BankLineStatus;
  paymentId: string | null;
  /** The line's payment was reversed since it was matched: the line may be matched again. */
  paymentReversed: boolean;
}

interface StatementRow {
  id: string;
  file_name: string;
  bank_account: string | null;
  line_count: number;
  total_amount: string;
  matched: number;
  unmatched: number;
  imported_at: Date;
}

interface LineRow {
  id: string;
  statement_id: string;
  line_no: number;
  booked_on: string;
  amount: string;
  reference: string;
  description: string;
  counterparty: string | null;
  status: BankLineStatus;
  payment_id: string | null;
  payment_reversed: boolean;
}

const STATEMENT_COLUMNS = `s.id, s.file_name, s.bank_account, s.line_count, s.total_amount, s.imported_at,
  (select count(*)::int from finance_bank_line l where l.school_id = s.school_id and l.statement_id = s.id
     and l.status = 'MATCHED') as matched,
  (select count(*)::int from finance_bank_line l where l.school_id = s.school_id and l.statement_id = s.id
     and l.status = 'UNMATCHED') as unmatched`;

const LINE_COLUMNS = `l.id, l.statement_id, l.line_no, l.booked_on::text, l.amount, l.reference, l.description,
  l.counterparty, l.status, l.payment_id,
  exists (select 1 from finance_payment r where r.school_id = l.school_id and r.reverses_id = l.payment_id)
    as payment_reversed`;

/** Bank statements and their lines (finance_bank_statement, finance_bank_line). */
@Injectable()
export class BankStatementsRepository {
  /** The references among `references` the school imported before (the bank's references are unique). */
  async knownReferences(em: EntityManager, schoolId: string, references: string[]): Promise<Set<string>> {
    const rows = await sqlRows<{ reference: string }>(
      em,
      `select reference from finance_bank_line where school_id = $1 and reference = any($2)`,
      [schoolId, references],
    );
    return new Set(rows.map((r) => r.reference));
  }

  async insertStatement(
    em: EntityManager,
    schoolId: string,
    s: { fileName: string; bankAccount: string | null; lines: StatementLine[]; userId: string },
  ): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into finance_bank_statement (school_id, file_name, bank_account, line_count, total_amount, imported_by)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [schoolId, s.fileName, s.bankAccount, s.lines.length, s.lines.reduce((sum, l) => sum + l.amount, 0), s.userId],
    );
    if (!row) throw new Error('finance_bank_statement answered no row');
    return row.id;
  }

  /** The lines in one statement per thousand (arrays unnested): a 10,000-line statement is ten round trips. */
  async insertLines(em: EntityManager, schoolId: string, statementId: string, lines: StatementLine[]): Promise<void> {
    for (let at = 0; at < lines.length; at += 1000) {
      const chunk = lines.slice(at, at + 1000);
      await sqlRows(
        em,
        `insert into finance_bank_line (school_id, statement_id, line_no, booked_on, amount, reference, description,
           counterparty)
         select $1, $2, * from unnest($3::int[], $4::date[], $5::bigint[], $6::text[], $7::text[], $8::text[])
         returning 1`,
        [
          schoolId,
          statementId,
          chunk.map((l) => l.row),
          chunk.map((l) => l.bookedOn),
          chunk.map((l) => l.amount),
          chunk.map((l) => l.reference),
          chunk.map((l) => l.description),
          chunk.map((l) => l.counterparty),
        ],
      );
    }
  }

  async statement(em: EntityManager, schoolId: string, id: string): Promise<StatementRecord | undefined> {
    const row = await sqlRow<StatementRow>(
      em,
      `select ${STATEMENT_COLUMNS} from finance_bank_statement s where s.school_id = $1 and s.id = $2`,
      [schoolId, id],
    );
    return row ? toStatement(row) : undefined;
  }

  async statements(em: EntityManager, schoolId: string): Promise<StatementRecord[]> {
    const rows = await sqlRows<StatementRow>(
      em,
      `select ${STATEMENT_COLUMNS} from finance_bank_statement s where s.school_id = $1 order by s.imported_at desc`,
      [schoolId],
    );
    return rows.map(toStatement);
  }

  async lines(
    em: EntityManager,
    schoolId: string,
    f: { status?: BankLineStatus; statementId?: string },
    page: { limit: number; offset: number },
  ): Promise<{ items: BankLineRecord[]; total: number }> {
    const where = `l.school_id = $1 and ($2::text is null or l.status = $2) and ($3::uuid is null or l.statement_id = $3)`;
    const params = [schoolId, f.status ?? null, f.statementId ?? null];
    const total = await sqlRow<{ n: number }>(
      em,
      `select count(*)::int as n from finance_bank_line l where ${where}`,
      params,
    );
    const rows = await sqlRows<LineRow>(
      em,
      `select ${LINE_COLUMNS} from finance_bank_line l where ${where}
        order by l.booked_on desc, l.statement_id, l.line_no limit $4 offset $5`,
      [...params, page.limit, page.offset],
    );
    return { items: rows.map(toLine), total: total?.n ?? 0 };
  }

  /** The statement's new lines, in file order, as inserted. */
  async linesOf(em: EntityManager, schoolId: string, statementId: string): Promise<BankLineRecord[]> {
    const rows = await sqlRows<LineRow>(
      em,
      `select ${LINE_COLUMNS} from finance_bank_line l where l.school_id = $1 and l.statement_id = $2 order by l.line_no`,
      [schoolId, statementId],
    );
    return rows.map(toLine);
  }

  /** One line, locked for the rest of the transaction (two people matching it take turns). */
  async lockLine(em: EntityManager, schoolId: string, id: string): Promise<BankLineRecord | undefined> {
    const row = await sqlRow<LineRow>(
      em,
      `select ${LINE_COLUMNS} from finance_bank_line l where l.school_id = $1 and l.id = $2 for update of l`,
      [schoolId, id],
    );
    return row ? toLine(row) : undefined;
  }

  async markMatched(em: EntityManager, schoolId: string, id: string, paymentId: string, userId: string): Promise<void> {
    await sqlRows(
      em,
      `update finance_bank_line set status = 'MATCHED', payment_id = $3, matched_by = $4, matched_at = now()
        where school_id = $1 and id = $2`,
      [schoolId, id, paymentId, userId],
    );
  }

  async markIgnored(em: EntityManager, schoolId: string, id: string, note: string, userId: string): Promise<void> {
    await sqlRows(
      em,
      `update finance_bank_line set status = 'IGNORED', payment_id = null, note = $3, matched_by = $4, matched_at = now()
        where school_id = $1 and id = $2`,
      [schoolId, id, note, userId],
    );
  }

  /**
   * BANK receipts recorded by hand with one of `references` as their bank reference, standing (not reversed) and on
   * no line yet: a statement line with that reference and amount is that receipt, not a new one.
   */
  async receiptsByReference(
    em: EntityManager,
    schoolId: string,
    references: string[],
  ): Promise<Map<string, { id: string; amount: number }>> {
    const rows = await sqlRows<{ id: string; bank_reference: string; amount: string }>(
      em,
      `select p.id, p.bank_reference, p.amount from finance_payment p
        where p.school_id = $1 and p.kind = 'PAYMENT' and p.method = 'BANK' and p.bank_reference = any($2)
          and not exists (select 1 from finance_payment r where r.school_id = p.school_id and r.reverses_id = p.id)
          and not exists (select 1 from finance_bank_line l where l.school_id = p.school_id and l.payment_id = p.id)`,
      [schoolId, references],
    );
    return new Map(rows.map((r) => [r.bank_reference, { id: r.id, amount: Number(r.amount) }]));
  }

  /**
   * Runs `work` under a savepoint: when it throws an error `refused` accepts, its writes are rolled back and null is
   * answered, and the transaction goes on; any other error is thrown on.
   */
  async underSavepoint<T>(
    em: EntityManager,
    work: () => Promise<T>,
    refused: (error: unknown) => boolean,
  ): Promise<T | null> {
    await sqlExec(em, 'savepoint bank_line_receipt');
    try {
      const result = await work();
      await sqlExec(em, 'release savepoint bank_line_receipt');
      return result;
    } catch (error) {
      if (!refused(error)) throw error;
      await sqlExec(em, 'rollback to savepoint bank_line_receipt');
      return null;
    }
  }

  /** The pupils with a fee account at the school (a charge), and what each still owes (after every payment). */
  async payingPupils(em: EntityManager, schoolId: string): Promise<Map<string, number>> {
    const rows = await sqlRows<{ student_id: string; outstanding: string }>(
      em,
      `select c.student_id,
              sum(c.due_amount)
              + coalesce(sum((select sum(j.amount) from finance_charge_adjustment j
                               where j.school_id = c.school_id and j.charge_id = c.id)), 0)
              - coalesce(sum((select sum(a.amount) from finance_allocation a
                               where a.school_id = c.school_id and a.charge_id = c.id)), 0) as outstanding
         from finance_charge c where c.school_id = $1 group by c.student_id`,
      [schoolId],
    );
    return new Map(rows.map((r) => [r.student_id, Number(r.outstanding)]));
  }
}

function toStatement(r: StatementRow): StatementRecord {
  return {
    id: r.id,
    fileName: r.file_name,
    bankAccount: r.bank_account,
    lineCount: r.line_count,
    totalAmount: Number(r.total_amount),
    matched: r.matched,
    unmatched: r.unmatched,
    importedAt: r.imported_at.toISOString(),
  };
}

function toLine(r: LineRow): BankLineRecord {
  return {
    id: r.id,
    statementId: r.statement_id,
    lineNo: r.line_no,
    bookedOn: r.booked_on,
    amount: Number(r.amount),
    reference: r.reference,
    description: r.description,
    counterparty: r.counterparty,
    status: r.status,
    paymentId: r.payment_id,
    paymentReversed: r.payment_reversed,
  };
}

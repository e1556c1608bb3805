import { Injectable } from '@nestjs/common';
import { sqlExec, sqlRow } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** A file kept with a voucher: what the download needs to name and type it, and its bytes. */
export interface ExpenseFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Invoices and receipts kept with an expense voucher (table finance_expense_attachment; bytes in the database). */
@Injectable()
export class ExpenseAttachmentsRepository {
  async content(em: EntityManager, schoolId: string, expenseId: string, id: string): Promise<ExpenseFile | undefined> {
    const row = await sqlRow<{ file_name: string; content_type: string; content: Buffer }>(
      em,
      `select file_name, content_type, content from finance_expense_attachment
        where school_id = $1 and expense_id = $2 and id = $3`,
      [schoolId, expenseId, id],
    );
    return row ? { fileName: row.file_name, contentType: row.content_type, content: row.content } : undefined;
  }

  async insert(em: EntityManager, schoolId: string, expenseId: string, file: ExpenseFile): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into finance_expense_attachment (school_id, expense_id, file_name, content_type, size, content,
         uploaded_by)
       values ($1, $2, $3, $4, $5, $6, nullif(current_setting('app.user_id', true), '')::uuid)
       returning id`,
      [schoolId, expenseId, file.fileName, file.contentType, file.content.length, file.content],
    );
    if (!row) throw new Error(`insert: no id returned for an attachment of expense ${expenseId}`);
    return row.id;
  }

  async delete(em: EntityManager, schoolId: string, expenseId: string, id: string): Promise<number> {
    return sqlExec(em, `delete from finance_expense_attachment where school_id = $1 and expense_id = $2 and id = $3`, [
      schoolId,
      expenseId,
      id,
    ]);
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import type { Expense } from '@emis/contracts';
import { attachmentFileErrors, detectAttachmentType, storedFileName, UploadedAttachment } from '@emis/api/assets';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { ExpenseAttachmentsRepository, ExpenseFile } from './expense-attachments.repository';
import { ExpensesService } from './expenses.service';

type AttachmentInfo = Expense['attachments'][number];

/**
 * Invoices and receipts kept with a draft voucher, checked as an asset's are (the type read from the file's first
 * bytes, 5 MB at most). Once the voucher is approved its papers are what the principal signed: they stay as they are.
 * Each upload and removal is an audit row (name, type and size; never the bytes) in the same transaction.
 */
@Injectable()
export class ExpenseAttachmentsService {
  constructor(
    private readonly attachments: ExpenseAttachmentsRepository,
    private readonly expenses: ExpensesService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async upload(
    scope: Scope,
    schoolId: string,
    expenseId: string,
    file: UploadedAttachment | undefined,
  ): Promise<AttachmentInfo> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.expenses.draft(em, schoolId, expenseId);
      const errors = attachmentFileErrors(file);
      const type = file && detectAttachmentType(file.buffer);
      if (errors.length || !file || !type) throw new ValidationProblem(errors);
      const stored = { fileName: storedFileName(file.originalname, type), contentType: type, content: file.buffer };
      const id = await this.attachments.insert(em, schoolId, expenseId, stored);
      const after = { id, fileName: stored.fileName, contentType: type, size: file.buffer.length };
      await this.audit.record(em, {
        schoolId,
        entity: 'finance_expense_attachment',
        entityId: id,
        action: 'CREATE',
        after: { expenseId, ...after },
      });
      return after;
    });
  }

  async download(scope: Scope, schoolId: string, expenseId: string, id: string): Promise<ExpenseFile> {
    assertInScope(scope, schoolId);
    const file = await this.db.run((em) => this.attachments.content(em, schoolId, expenseId, id));
    if (!file) throw new NotFoundException();
    return file;
  }

  async remove(scope: Scope, schoolId: string, expenseId: string, id: string): Promise<void> {
    assertInScope(scope, schoolId);
    await this.db.run(async (em) => {
      const voucher = await this.expenses.draft(em, schoolId, expenseId);
      const before = voucher.attachments.find((a) => a.id === id);
      if (!before) throw new NotFoundException();
      await this.attachments.delete(em, schoolId, expenseId, id);
      await this.audit.record(em, {
        schoolId,
        entity: 'finance_expense_attachment',
        entityId: id,
        action: 'DELETE',
        before: { expenseId, ...before },
      });
    });
  }
}

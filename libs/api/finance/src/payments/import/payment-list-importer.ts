import { Injectable, OnModuleInit } from '@nestjs/common';
import { foldVietnamese, formatDocumentNumber, PaymentMethod, todayInVietnam } from '@emis/domain';
import { PupilRoster } from '@emis/api/people';
import { assertInScope, Scope, ValidationProblem } from '@emis/api/platform';
import {
  buildTemplate,
  CellErrors,
  Download,
  FieldReader,
  ImportCounts,
  ImportFailure,
  Importer,
  ImportJobContext,
  ImportLayout,
  ImportRegistry,
  SheetRow,
} from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import { MAX_DONG } from '../../finance-fields';
import { PaymentRecord, PaymentsRepository } from '../payments.repository';
import { PaymentsService } from '../payments.service';
import { PAYMENT_LIST_LAYOUT, PAYMENT_LIST_MAX_ROWS, PAYMENT_METHOD_LABELS } from './payment-list.layout';

interface PaymentRow {
  row: number;
  code: string;
  fullName: string | null;
  paidOn: string;
  amount: number;
  method: PaymentMethod;
  bankReference: string | null;
  payerName: string | null;
  note: string | null;
  /** Set by checkRows: the pupil the code names. */
  studentId?: string;
}

/** How far back a pupil's enrolment is looked for: a family may settle last year's debt. */
const ENROLLED_WITHIN_DAYS = 400;

/**
 * Imports a collection list (kind FINANCE_PAYMENTS) through the one import runner: every row is checked first — the
 * pupil's code, the name if given, the date (not in the future), the amount against what the pupil owes (all of
 * the pupil's rows together), a bank reference for a transfer, and the rows already recorded (the same pupil, day,
 * amount and method, or the same bank reference) so that a list uploaded twice adds nothing — and any wrong cell
 * fails the file with the bad cells marked. Then each row is recorded as a payment in the runner's one transaction,
 * numbered in order, settling the pupil's oldest charges first.
 */
@Injectable()
export class PaymentListImporter implements Importer<ImportLayout, PaymentRow>, OnModuleInit {
  readonly kind = 'FINANCE_PAYMENTS';
  readonly permission = 'finance.manage';
  readonly maxRows = PAYMENT_LIST_MAX_ROWS;
  readonly headerRow = 1;
  readonly messages = {
    noRows: 'Tệp không có dòng nộp tiền nào dưới dòng tiêu đề',
    tooManyRows: `Tệp có quá nhiều dòng: mỗi lần nhập tối đa ${PAYMENT_LIST_MAX_ROWS} dòng nộp tiền`,
  };

  constructor(
    private readonly registry: ImportRegistry,
    private readonly roster: PupilRoster,
    private readonly repo: PaymentsRepository,
    private readonly payments: PaymentsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async template(scope: Scope, schoolId: string): Promise<Download> {
    assertInScope(scope, schoolId);
    return { fileName: PAYMENT_LIST_LAYOUT.templateFileName, file: await buildTemplate(PAYMENT_LIST_LAYOUT, []) };
  }

  async open(): Promise<ImportLayout> {
    return PAYMENT_LIST_LAYOUT;
  }

  layout(): ImportLayout {
    return PAYMENT_LIST_LAYOUT;
  }

  readRow(source: SheetRow, errors: CellErrors): PaymentRow | null {
    const f = new FieldReader(source, errors);
    const code = f.text('code', true);
    const fullName = f.text('fullName');
    const paidOn = f.date('paidOn', true);
    if (paidOn && paidOn > todayInVietnam()) f.fail('paidOn', 'Ngày nộp không được sau ngày hôm nay');
    if (paidOn && paidOn < '2000-01-01') f.fail('paidOn', 'Ngày nộp không được trước năm 2000');
    const amount = f.number('amount', { min: 1, max: MAX_DONG, decimals: 0 });
    if (amount === null && !f.has('amount')) f.fail('amount', 'Nhập số tiền nộp');
    const method = f.choice('method', PAYMENT_METHOD_LABELS, true);
    const bankReference = f.text('bankReference');
    if (method === 'BANK' && !bankReference)
      f.fail('bankReference', 'Nhập mã giao dịch của ngân hàng khi chuyển khoản');
    const payerName = f.text('payerName');
    const note = f.text('note');
    if (!code || !paidOn || amount === null || !method || errors.hasRow(source.row)) return null;
    return {
      row: source.row,
      code,
      fullName,
      paidOn,
      amount,
      method,
      bankReference: method === 'BANK' ? bankReference : null,
      payerName,
      note,
    };
  }

  async checkRows(
    em: EntityManager,
    job: ImportJobContext,
    rows: PaymentRow[],
    _layout: ImportLayout,
    errors: CellErrors,
  ): Promise<void> {
    await this.matchPupils(em, job.schoolId, rows, errors);
    const placed = rows.filter((r) => r.studentId && !errors.hasRow(r.row));
    const ids = [...new Set(placed.map((r) => r.studentId as string))];
    const references = placed.flatMap((r) => (r.bankReference ? [r.bankReference] : []));
    const standing = await this.repo.standingPayments(em, job.schoolId, ids, references);
    markRecorded(placed, standing, errors);
    markOverpaid(
      placed.filter((r) => !errors.hasRow(r.row)),
      await this.repo.outstandingOf(em, job.schoolId, ids),
      errors,
    );
  }

  async commit(em: EntityManager, job: ImportJobContext, rows: PaymentRow[]): Promise<ImportCounts> {
    for (const r of rows) {
      if (!r.studentId) throw new Error(`row ${r.row} reached the commit without its pupil`);
      try {
        await this.payments.recordIn(
          em,
          job.schoolId,
          {
            studentId: r.studentId,
            paidOn: r.paidOn,
            method: r.method,
            bankReference: r.bankReference,
            amount: r.amount,
            payerName: r.payerName,
            note: r.note,
          },
          job.actor,
        );
      } catch (error) {
        // What the pupil owes changed between the check and the commit (another payment): nothing is written.
        if (error instanceof ValidationProblem)
          throw new ImportFailure(`Dòng ${r.row}: số tiền vượt quá số học sinh còn nợ; không có dòng nào được ghi.`);
        throw error;
      }
    }
    return { created: rows.length, updated: 0, unchanged: 0 };
  }

  /** Pupils by code among those enrolled in the school within the window of the list's dates. */
  private async matchPupils(em: EntityManager, schoolId: string, rows: PaymentRow[], errors: CellErrors) {
    const dates = rows.map((r) => r.paidOn).sort();
    if (dates.length === 0) return;
    const from = shiftDays(dates[0], -ENROLLED_WITHIN_DAYS);
    const pupils = await this.roster.enrolled(em, schoolId, from, dates[dates.length - 1]);
    const byCode = new Map(pupils.map((p) => [p.code, p]));
    for (const r of rows) {
      const pupil = byCode.get(r.code.trim());
      if (!pupil) {
        errors.at(r.row, 'code', 'Không có học sinh mang mã này trong trường');
        continue;
      }
      if (r.fullName && foldVietnamese(r.fullName) !== foldVietnamese(pupil.fullName)) {
        errors.at(r.row, 'fullName', `Họ tên không khớp: mã này là của học sinh ${pupil.fullName}`);
        continue;
      }
      r.studentId = pupil.studentId;
    }
  }
}

/** A row the school already has a receipt for: the same pupil, day, amount and method, or the same bank reference. */
function markRecorded(rows: PaymentRow[], standing: PaymentRecord[], errors: CellErrors): void {
  const number = (p: PaymentRecord) =>
    p.docSeries && p.docYear && p.docNumber ? formatDocumentNumber(p.docSeries, p.docYear, p.docNumber) : '';
  for (const r of rows) {
    const byReference = r.bankReference ? standing.find((p) => p.bankReference === r.bankReference) : undefined;
    if (byReference) {
      errors.at(r.row, 'bankReference', `Giao dịch này đã được ghi ở phiếu thu ${number(byReference)}`);
      continue;
    }
    const same = standing.find(
      (p) => p.studentId === r.studentId && p.paidOn === r.paidOn && p.amount === r.amount && p.method === r.method,
    );
    if (same) errors.at(r.row, 'amount', `Đã có phiếu thu ${number(same)} của học sinh này cùng ngày, cùng số tiền`);
  }
}

/** Rows of a pupil adding up to more than the pupil owes: the row that crosses the line, and those after it. */
function markOverpaid(rows: PaymentRow[], outstanding: Map<string, number>, errors: CellErrors): void {
  const left = new Map(outstanding);
  for (const r of rows) {
    const owed = left.get(r.studentId as string) ?? 0;
    if (r.amount > owed) {
      errors.at(r.row, 'amount', `Vượt quá số học sinh còn nợ (${owed.toLocaleString('vi-VN')} đ)`);
      continue;
    }
    left.set(r.studentId as string, owed - r.amount);
  }
}

function shiftDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

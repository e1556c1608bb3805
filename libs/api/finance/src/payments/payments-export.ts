import { Injectable } from '@nestjs/common';
import type { Payment } from '@emis/contracts';
import { assertInScope, ExportColumn, Scope, streamXlsx, TenantDb } from '@emis/api/platform';
import { SchoolsService } from '@emis/api/tenancy';
import type { Response } from 'express';
import { PaymentExportQueryDto } from './payments.dto';
import { PAYMENT_METHOD_LABELS } from './import/payment-list.layout';
import { PaymentsService } from './payments.service';

const KIND_LABELS: Record<Payment['kind'], string> = { PAYMENT: 'Thu', REFUND: 'Hoàn trả', REVERSAL: 'Huỷ' };

/**
 * The payments of a date range as a workbook, oldest first: one row per receipt, refund or reversal, signed as the
 * ledger holds them (a refund or a reversal of a receipt is negative), so the amount column adds up to what the
 * school kept.
 */
const COLUMNS: ExportColumn<Payment>[] = [
  { header: 'Số phiếu', width: 16, value: (p) => p.documentNumber ?? '' },
  { header: 'Loại', width: 10, value: (p) => KIND_LABELS[p.kind] },
  { header: 'Ngày', width: 12, value: (p) => p.paidOn.split('-').reverse().join('/') },
  { header: 'Mã học sinh', width: 16, value: (p) => p.studentCode },
  { header: 'Họ và tên', width: 26, value: (p) => p.studentName },
  { header: 'Lớp', width: 8, value: (p) => p.className ?? '' },
  { header: 'Người nộp / nhận', width: 22, value: (p) => p.payerName ?? '' },
  { header: 'Hình thức', width: 14, value: (p) => PAYMENT_METHOD_LABELS[p.method] },
  { header: 'Mã giao dịch', width: 18, value: (p) => p.bankReference ?? '' },
  { header: 'Số tiền', width: 14, value: (p) => p.amount },
  {
    header: 'Khoản thu',
    width: 40,
    value: (p) =>
      p.allocations.map((a) => `${a.periodCode} ${a.feeName}: ${a.amount.toLocaleString('vi-VN')}`).join('; '),
  },
  { header: 'Ghi chú', width: 26, value: (p) => p.note ?? '' },
  { header: 'Đã huỷ', width: 8, value: (p) => (p.reversedById ? 'x' : '') },
];

@Injectable()
export class PaymentsExport {
  constructor(
    private readonly db: TenantDb,
    private readonly payments: PaymentsService,
    private readonly schools: SchoolsService,
  ) {}

  async stream(res: Response, scope: Scope, schoolId: string, query: PaymentExportQueryDto): Promise<void> {
    assertInScope(scope, schoolId);
    const rows = await this.db.run((em) => this.payments.all(em, schoolId, query));
    const range = [query.from, query.to].filter(Boolean).join('_');
    const heading = await this.schools.printedHeading(scope, schoolId, 'BẢNG KÊ THU, HOÀN TRẢ CÁC KHOẢN THU');
    await streamXlsx(res, `thu-chi-hoc-phi${range ? `-${range}` : ''}.xlsx`, 'Thu tiền', COLUMNS, rows, {
      heading,
      signatures: true,
    });
  }
}

import type { FeeSchedule } from '@emis/contracts';
import { GRADE_LEVELS } from '@emis/domain';
import { ExportColumn } from '@emis/api/platform';
import { ImportLayout } from '@emis/api/spreadsheets';
import { BILLING_UNIT_VI, FEE_KIND_VI, FEE_SCHEDULE_STATUS_VI, MONEY_GUIDE } from '../finance-words';

/**
 * A school's fee schedules of a year in Excel: one layout for the export and the import, so an exported year, edited
 * and uploaded back, is read by the very headers it was written with. The status column is written, never read.
 */

export const YES_NO: Record<'YES' | 'NO', string> = { YES: 'Có', NO: 'Không' };

/** A school has a few dozen lines a year; the bound keeps a wrong file from being read at all. */
export const FEE_SCHEDULES_MAX_ROWS = 500;

export const FEE_SCHEDULES_LAYOUT: ImportLayout = {
  kind: 'FINANCE_FEE_SCHEDULES',
  sheetName: 'Khoản thu',
  templateFileName: 'khoan-thu.xlsx',
  guideTitle: 'Các khoản thu của trường trong năm học',
  columns: [
    {
      key: 'feeKind',
      header: 'Loại khoản thu',
      kind: 'text',
      required: true,
      width: 22,
      choices: Object.values(FEE_KIND_VI),
      guide: `Một trong: ${Object.values(FEE_KIND_VI).join(', ')}.`,
      example: FEE_KIND_VI.MEALS,
    },
    {
      key: 'name',
      header: 'Tên khoản thu',
      kind: 'text',
      required: true,
      width: 30,
      maxLength: 200,
      guide: 'Tên in trên phiếu thu. Khoản thu đã có cùng loại và cùng tên được cập nhật nếu còn là dự thảo.',
      example: 'Tiền ăn bán trú',
    },
    {
      key: 'billingUnit',
      header: 'Đơn vị tính',
      kind: 'text',
      required: true,
      width: 12,
      choices: Object.values(BILLING_UNIT_VI),
      guide: `Một trong: ${Object.values(BILLING_UNIT_VI).join(', ')}. Học phí trường công lập thu theo tháng.`,
      example: BILLING_UNIT_VI.MONTH,
    },
    {
      key: 'amount',
      header: 'Mức thu (đồng)',
      kind: 'number',
      required: true,
      width: 16,
      guide: `${MONEY_GUIDE} Mức cho một đơn vị tính (một tháng, một học kì…).`,
      example: '450000',
    },
    {
      key: 'grades',
      header: 'Khối lớp',
      kind: 'text',
      required: false,
      width: 14,
      maxLength: 100,
      guide: `Các khối áp dụng, cách nhau bằng dấu phẩy (${GRADE_LEVELS.join(', ')}); để trống là mọi khối.`,
      example: '6, 7',
    },
    {
      key: 'voluntary',
      header: 'Tự nguyện',
      kind: 'text',
      required: false,
      width: 10,
      choices: Object.values(YES_NO),
      guide: 'Có: khoản đóng góp tự nguyện. Để trống là Không (trừ loại Đóng góp tự nguyện).',
      example: YES_NO.NO,
    },
    {
      key: 'decisionNumber',
      header: 'Số quyết định',
      kind: 'text',
      required: false,
      width: 16,
      maxLength: 100,
      guide: 'Số văn bản phê duyệt khoản thu, nếu đã có.',
      example: '15/QĐ-THCS',
    },
    {
      key: 'status',
      header: 'Trạng thái',
      kind: 'text',
      required: false,
      width: 12,
      mayBeMissing: true,
      notRead: true,
      guide: 'Chỉ để xem: khoản thu nhập vào luôn là dự thảo, áp dụng trên màn hình.',
      example: FEE_SCHEDULE_STATUS_VI.DRAFT,
    },
  ],
};

export const FEE_SCHEDULE_EXPORT_COLUMNS: ExportColumn<FeeSchedule>[] = [
  { header: 'Loại khoản thu', width: 22, value: (s) => FEE_KIND_VI[s.feeKind] },
  { header: 'Tên khoản thu', width: 30, value: (s) => s.name },
  { header: 'Đơn vị tính', width: 12, value: (s) => BILLING_UNIT_VI[s.billingUnit] },
  { header: 'Mức thu (đồng)', width: 16, value: (s) => s.amount },
  { header: 'Khối lớp', width: 14, value: (s) => s.grades.join(', ') },
  { header: 'Tự nguyện', width: 10, value: (s) => (s.voluntary ? YES_NO.YES : YES_NO.NO) },
  { header: 'Số quyết định', width: 16, value: (s) => s.decisionNumber },
  { header: 'Trạng thái', width: 12, value: (s) => FEE_SCHEDULE_STATUS_VI[s.status] },
];

export function feeSchedulesFileName(yearCode: string): string {
  return `khoan-thu-${yearCode}.xlsx`;
}

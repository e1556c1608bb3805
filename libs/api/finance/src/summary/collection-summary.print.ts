import { BookColumn, PrintedBook } from '@emis/api/assets';
import type { CollectionSummary, CollectionSummaryRow } from '@emis/contracts';

const REDUCED = 'Miễn, giảm, hỗ trợ';

const FIRST_COLUMN: Record<CollectionSummary['by'], string> = { class: 'Lớp', grade: 'Khối', period: 'Đợt thu' };

function columns(by: CollectionSummary['by']): BookColumn[] {
  return [
    { header: FIRST_COLUMN[by], format: 'text', width: 22 },
    { header: 'Số học sinh', format: 'quantity', width: 9 },
    { header: 'Phải thu theo mức', format: 'money', width: 15 },
    { header: 'Miễn, giảm', group: REDUCED, format: 'money', width: 14 },
    { header: 'Hỗ trợ (tư thục)', group: REDUCED, format: 'money', width: 14 },
    { header: 'Nhà nước cấp bù', group: REDUCED, format: 'money', width: 14 },
    { header: 'Phải nộp', format: 'money', width: 15 },
    { header: 'Điều chỉnh', format: 'money', width: 13 },
    { header: 'Đã thu', format: 'money', width: 15 },
    { header: 'Còn phải thu', format: 'money', width: 15 },
  ];
}

function cells(row: CollectionSummaryRow) {
  return [
    row.label,
    row.pupils,
    row.listAmount,
    row.reliefAmount,
    row.supportAmount,
    row.reimbursedAmount,
    row.due,
    row.adjusted,
    row.paid,
    row.outstanding,
  ];
}

/** The collection summary as the school prints it: one line per class, grade or period, and the total. */
export function printedSummary(
  unitName: string,
  schoolYear: string,
  periodName: string | null,
  summary: CollectionSummary,
): PrintedBook {
  return {
    fileName: `tong-hop-thu-${summary.by}-${schoolYear}`,
    unitName,
    formNumber: '',
    formNote: '',
    title: 'BẢNG TỔNG HỢP TÌNH HÌNH THU',
    subtitle: periodName ? `${periodName} — năm học ${schoolYear}` : `Năm học ${schoolYear}`,
    columns: columns(summary.by),
    lines: [...summary.rows.map((r) => ({ cells: cells(r) })), { kind: 'total', cells: cells(summary.total) }],
  };
}

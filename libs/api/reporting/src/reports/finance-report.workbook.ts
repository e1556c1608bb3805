import type { FinanceBudgetSourceRow, FinanceFigures, FinanceReport, FinanceReportRow } from '@emis/contracts';
import { ExportColumn } from '@emis/api/platform';
import { BUDGET_SOURCE_LABELS } from '@emis/domain';
import { build, BuiltSheet, Cell, ReportSheet } from './report-workbook';

type Column<T> = ExportColumn<T> & { en: string };

/** The figures of a row, in whole đồng (numbers, so the department can sum them in the sheet). */
function figureColumns<T extends FinanceFigures>(): Column<T>[] {
  return [
    { header: 'Học sinh có khoản thu', en: 'Pupils charged', width: 14, value: (r) => r.pupils },
    { header: 'Theo mức thu (đồng)', en: 'At the listed fee (VND)', width: 18, value: (r) => r.listAmount },
    { header: 'Miễn, giảm (đồng)', en: 'Exempted, reduced (VND)', width: 18, value: (r) => r.reliefAmount },
    { header: 'Hỗ trợ (đồng)', en: 'Support (VND)', width: 16, value: (r) => r.supportAmount },
    {
      header: 'Nhà nước cấp bù (đồng)',
      en: 'Reimbursed by the state (VND)',
      width: 18,
      value: (r) => r.reimbursedAmount,
    },
    { header: 'Phải thu (đồng)', en: 'Due (VND)', width: 18, value: (r) => r.due },
    { header: 'Đã thu (đồng)', en: 'Paid (VND)', width: 18, value: (r) => r.paid },
    { header: 'Còn nợ (đồng)', en: 'Outstanding (VND)', width: 18, value: (r) => r.outstanding },
    { header: 'Dự toán được giao (đồng)', en: 'Budget available (VND)', width: 20, value: (r) => r.budgetAvailable },
    { header: 'Đã chi (đồng)', en: 'Spent (VND)', width: 18, value: (r) => r.spent },
  ];
}

function infoSheet(report: FinanceReport): ReportSheet<[string, string, Cell]> {
  return {
    title: 'Thông tin',
    columns: [
      { header: 'Mục', en: 'Item', width: 28, value: (r) => r[0] },
      { header: 'Giá trị', en: 'Value', width: 40, value: (r) => r[2] },
    ],
    rows: [
      ['Báo cáo', 'Report', `Tài chính — ${report.unit.name}`],
      ['Năm học (khoản thu)', 'School year (dues)', report.filter.yearCode],
      ['Năm ngân sách (dự toán, chi)', 'Fiscal year (budget, spending)', report.filter.fiscalYear],
      ['Cấp học', 'Level', report.filter.level ?? 'Tất cả'],
      ['Loại hình', 'Ownership', report.filter.ownership ?? 'Tất cả'],
      ['Theo cây tổ chức ngày', 'Org tree as of', report.filter.asOf],
      ['Số liệu đến', 'Figures as of', report.freshness.dataAsOf],
    ],
  };
}

function unitRowsSheet(title: string, rows: FinanceReportRow[], withParent: boolean): ReportSheet<FinanceReportRow> {
  return {
    title,
    columns: [
      { header: 'Mã', en: 'Code', width: 14, value: (r) => r.code },
      { header: 'Tên', en: 'Name', width: 34, value: (r) => r.name },
      ...(withParent
        ? [{ header: 'Trực thuộc', en: 'Under', width: 26, value: (r: FinanceReportRow) => r.parentName }]
        : []),
      { header: 'Số trường', en: 'Schools', width: 10, value: (r) => r.schools },
      ...figureColumns<FinanceReportRow>(),
    ],
    rows,
  };
}

function sourceSheet(rows: FinanceBudgetSourceRow[]): ReportSheet<FinanceBudgetSourceRow> {
  return {
    title: 'Theo nguồn kinh phí',
    columns: [
      {
        header: 'Nguồn kinh phí',
        en: 'Funding source',
        width: 34,
        value: (r) => BUDGET_SOURCE_LABELS[r.fundingSource].vi,
      },
      { header: 'Dự toán đề nghị (đồng)', en: 'Estimate (VND)', width: 20, value: (r) => r.estimate },
      { header: 'Được giao (đồng)', en: 'Allocated (VND)', width: 20, value: (r) => r.allocated },
      { header: 'Điều chỉnh (đồng)', en: 'Adjusted (VND)', width: 18, value: (r) => r.adjusted },
      { header: 'Được sử dụng (đồng)', en: 'Available (VND)', width: 20, value: (r) => r.available },
      { header: 'Đã chi (đồng)', en: 'Spent (VND)', width: 18, value: (r) => r.spent },
      { header: 'Còn lại (đồng)', en: 'Remaining (VND)', width: 18, value: (r) => r.remaining },
    ],
    rows,
  };
}

/**
 * The finance workbook: the filter, the totals, the budget by funding source, the units or schools directly under
 * the unit, and every school. Vietnamese headers first, English beneath.
 */
export function financeWorkbook(report: FinanceReport): BuiltSheet[] {
  const total: FinanceReportRow = {
    ...report.total,
    orgUnitId: report.unit.id,
    code: report.unit.code,
    name: report.unit.name,
    kind: report.unit.kind,
  };
  return [
    build(infoSheet(report)),
    build(unitRowsSheet('Tổng hợp', [total], false)),
    build(sourceSheet(report.bySource)),
    build(unitRowsSheet('Đơn vị trực thuộc', report.rows, false)),
    build(unitRowsSheet('Trường', report.schools, true)),
  ];
}

import type { Budget, BudgetRow } from '@emis/contracts';
import { BUDGET_SOURCE_LABELS, BUDGET_SOURCES, SPENDING_GROUP_LABELS } from '@emis/domain';
import type { BookColumn, BookLine, PrintedBook } from '@emis/api/assets';

type Figures = Omit<BudgetRow, 'fundingSource' | 'spendingGroup'>;

const COLUMNS: BookColumn[] = [
  { header: 'Nguồn kinh phí, nhóm chi', format: 'text', width: 36 },
  { header: 'Dự toán đơn vị lập', group: 'Dự toán', format: 'money', width: 16 },
  { header: 'Được giao', group: 'Dự toán', format: 'money', width: 16 },
  { header: 'Điều chỉnh', group: 'Dự toán', format: 'money', width: 16 },
  { header: 'Được sử dụng', group: 'Dự toán', format: 'money', width: 16 },
  { header: 'Đã chi', group: 'Thực hiện', format: 'money', width: 16 },
  { header: 'Còn lại', group: 'Thực hiện', format: 'money', width: 16 },
  { header: 'Tỷ lệ thực hiện (%)', group: 'Thực hiện', format: 'rate', width: 10 },
];

/**
 * The budget's execution as the school prints and signs it: per funding source a heading, its spending groups and a
 * subtotal, then the total; the same table in Excel and PDF (the printed book of the assets context).
 */
export function budgetExecutionBook(unitName: string, budget: Budget): PrintedBook {
  const lines: BookLine[] = [];
  for (const source of BUDGET_SOURCES) {
    const rows = budget.rows.filter((r) => r.fundingSource === source);
    if (!rows.length) continue;
    lines.push({ kind: 'group', cells: [BUDGET_SOURCE_LABELS[source].vi, ...COLUMNS.slice(1).map(() => null)] });
    for (const row of rows) lines.push({ cells: cells(`– ${SPENDING_GROUP_LABELS[row.spendingGroup].vi}`, row) });
    lines.push({ kind: 'subtotal', cells: cells('Cộng nguồn', sum(rows)) });
  }
  lines.push({ kind: 'total', cells: cells('Tổng cộng', budget.total) });
  return {
    fileName: `thuc-hien-du-toan-${budget.fiscalYear}`,
    unitName,
    formNumber: '',
    formNote: '',
    title: 'BÁO CÁO TÌNH HÌNH THỰC HIỆN DỰ TOÁN',
    subtitle: `Năm ${budget.fiscalYear}`,
    columns: COLUMNS,
    lines,
  };
}

function cells(label: string, f: Figures): BookLine['cells'] {
  return [label, f.estimate, f.allocated, f.adjusted, f.available, f.spent, f.remaining, executionRate(f)];
}

function sum(rows: Figures[]): Figures {
  const total = { estimate: 0, allocated: 0, adjusted: 0, available: 0, spent: 0, remaining: 0 };
  for (const r of rows) for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += r[key];
  return total;
}

/**
 * What was spent of what may be spent, in per cent with one decimal, rounded half up; none when nothing may be spent.
 * Taken in BigInt: spent × 1000 leaves the exact range of a JavaScript number for budgets above 9·10^12 đồng.
 */
export function executionRate(f: Pick<Figures, 'available' | 'spent'>): number | null {
  if (f.available <= 0) return null;
  const perMille = (BigInt(f.spent) * 2000n + BigInt(f.available)) / (2n * BigInt(f.available));
  return Number(perMille) / 10;
}

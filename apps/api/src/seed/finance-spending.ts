import { BudgetSource, PaymentMethod, SpendingGroup } from '@emis/domain';
import { FinanceSeedSchool } from './finance-dues';
import {
  ADJUSTMENT_PERCENT,
  BUDGET_PER_PUPIL,
  DEMO_FEES,
  DEMO_FISCAL_YEAR,
  ESTIMATE_ABOVE_PERCENT,
  PRIVATE_TUITION,
} from './finance-plan';
import { addRow, FinanceTableRows } from './finance-rows';
import { SeededRandom } from './seeded-random';

/** An expense voucher before its number (numbers follow the dates, shared with the refunds). */
export interface DrawnExpense {
  id: string;
  spentOn: string;
  source: BudgetSource;
  group: SpendingGroup;
  method: PaymentMethod;
  amount: number;
  payee: string;
  description: string;
  status: 'DRAFT' | 'APPROVED' | 'REJECTED';
  /** Approved, then reversed by a REVERSAL voucher. */
  reversedOn?: string;
  decisionNote?: string;
}

/** What the budget gives a school for the year, per source and group. */
interface BudgetLine {
  source: BudgetSource;
  group: SpendingGroup;
  allocated: number;
}

/** Months of 2026 up to the demo's today (November). */
const MONTHS = Array.from({ length: 11 }, (_, i) => i + 1);
const day = (month: number, d: number) =>
  `${DEMO_FISCAL_YEAR}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A public school's budget: the state's regular budget for personnel and for goods and services, and a project's for
 * assets, sized by its pupils. A private school receives no allocation: its estimate is what its fee brings in.
 */
function budgetLines(school: FinanceSeedSchool): BudgetLine[] {
  const pupils = school.pupils.length;
  if (school.ownership === 'PUBLIC')
    return BUDGET_PER_PUPIL.map((b) => ({ source: b.source, group: b.group, allocated: pupils * b.perPupil }));
  const feeYear = pupils * PRIVATE_TUITION[school.levels[0]] * 9;
  return [
    { source: 'TUITION', group: 'PERSONNEL', allocated: Math.floor((feeYear * 60) / 100) },
    { source: 'TUITION', group: 'GOODS_SERVICES', allocated: Math.floor((feeYear * 25) / 100) },
  ];
}

/**
 * The fiscal year's budget entries: the school's estimate in January (a little above what it gets), the department's
 * allocation (public schools), a mid-year adjustment of goods and services, and an adjustment entered twice by
 * mistake with the reversal of the second.
 */
export function budgetRows(rng: SeededRandom, school: FinanceSeedSchool, out: FinanceTableRows, now: Date | string) {
  const entry = (kind: string, b: BudgetLine, amount: number, on: string, extra: Record<string, unknown> = {}) => {
    const id = rng.uuid();
    addRow(out, 'finance_budget_entry', {
      school_id: school.id,
      id,
      fiscal_year: DEMO_FISCAL_YEAR,
      kind,
      funding_source: b.source,
      spending_group: b.group,
      amount,
      entered_on: on,
      created_at: now,
      ...extra,
    });
    return id;
  };
  const lines = budgetLines(school);
  const isPublic = school.ownership === 'PUBLIC';
  for (const b of lines) {
    entry('ESTIMATE', b, roundMillion((b.allocated * (100 + ESTIMATE_ABOVE_PERCENT)) / 100), day(1, 5), {
      note: 'Dự toán thu, chi năm 2026',
    });
    if (isPublic)
      entry('ALLOCATION', b, b.allocated, day(1, 20), {
        decision_number: '125/QĐ-SGDĐT',
        decision_date: day(1, 15),
        note: 'Giao dự toán ngân sách năm 2026',
      });
  }
  const goods = lines.find((b) => b.group === 'GOODS_SERVICES');
  if (isPublic && goods) {
    const extra = roundMillion((goods.allocated * ADJUSTMENT_PERCENT) / 100);
    const decision = { decision_number: '842/QĐ-SGDĐT', decision_date: day(7, 1) };
    entry('ADJUSTMENT', goods, extra, day(7, 3), { ...decision, note: 'Bổ sung kinh phí chi thường xuyên' });
    const twice = entry('ADJUSTMENT', goods, extra, day(7, 3), {
      ...decision,
      note: 'Bổ sung kinh phí chi thường xuyên',
    });
    entry('REVERSAL', goods, -extra, day(7, 4), { reverses_id: twice, note: 'Nhập trùng quyết định 842/QĐ-SGDĐT' });
  }
  return lines;
}

function roundMillion(amount: number): number {
  return Math.floor(amount / 1_000_000) * 1_000_000;
}

/**
 * The year's vouchers: salaries each month (bank), electricity and water (bank), office supplies (cash), the meals
 * suppliers of the semester from the meals collected (bank), a project's computers (bank); one voucher approved and
 * then reversed, one rejected, and one waiting for the principal.
 */
export function drawExpenses(rng: SeededRandom, school: FinanceSeedSchool, lines: BudgetLine[]): DrawnExpense[] {
  const expenses: DrawnExpense[] = [];
  const add = (e: Omit<DrawnExpense, 'id'>) => expenses.push({ id: rng.uuid(), ...e });
  const personnel = lines.find((b) => b.group === 'PERSONNEL');
  const goods = lines.find((b) => b.group === 'GOODS_SERVICES');
  const assets = lines.find((b) => b.group === 'ASSETS');
  for (const month of MONTHS) {
    if (personnel)
      add({
        spentOn: day(month, 5),
        source: personnel.source,
        group: 'PERSONNEL',
        method: 'BANK',
        amount: Math.floor(personnel.allocated / 12),
        payee: 'Cán bộ, giáo viên, nhân viên',
        description: `Chi lương và phụ cấp tháng ${month}/2026`,
        status: 'APPROVED',
      });
    if (goods)
      add({
        spentOn: day(month, 12),
        source: goods.source,
        group: 'GOODS_SERVICES',
        method: 'BANK',
        amount: Math.floor((goods.allocated * rng.int(50, 70)) / 100 / 12),
        payee: 'Công ty Điện lực Hưng Yên',
        description: `Tiền điện, nước tháng ${month}/2026`,
        status: 'APPROVED',
      });
    add({
      spentOn: day(month, 18),
      source: goods?.source ?? 'STATE_REGULAR',
      group: 'GOODS_SERVICES',
      method: 'CASH',
      amount: rng.int(8, 25) * 100_000,
      payee: 'Cửa hàng văn phòng phẩm Hồng Hà',
      description: `Văn phòng phẩm tháng ${month}/2026`,
      status: 'APPROVED',
    });
  }
  const meals = DEMO_FEES.find((f) => f.feeKind === 'MEALS')!;
  const eaters = school.levels.some((l) => meals.levels.includes(l)) ? school.pupils.length : 0;
  for (const month of eaters ? [9, 10] : [])
    add({
      spentOn: day(month + 1, 3),
      source: 'FEES',
      group: 'GOODS_SERVICES',
      method: 'BANK',
      amount: Math.floor((eaters * meals.adopted * 70) / 100),
      payee: 'Công ty TNHH Thực phẩm sạch Phố Hiến',
      description: `Thanh toán tiền thực phẩm bán trú tháng ${month}/2026`,
      status: 'APPROVED',
    });
  if (assets)
    add({
      spentOn: day(8, 14),
      source: assets.source,
      group: 'ASSETS',
      method: 'BANK',
      amount: Math.floor((assets.allocated * 70) / 100),
      payee: 'Công ty Cổ phần Thiết bị giáo dục Hưng Yên',
      description: 'Mua sắm máy tính phòng tin học',
      status: 'APPROVED',
    });
  add({
    spentOn: day(10, 20),
    source: goods?.source ?? 'STATE_REGULAR',
    group: 'GOODS_SERVICES',
    method: 'BANK',
    amount: 4_500_000,
    payee: 'Công ty TNHH In Hưng Yên',
    description: 'In giấy khen cuối học kì (chi trùng, đã huỷ)',
    status: 'APPROVED',
    reversedOn: day(10, 22),
  });
  add({
    spentOn: day(11, 10),
    source: goods?.source ?? 'STATE_REGULAR',
    group: 'OTHER',
    method: 'CASH',
    amount: 3_000_000,
    payee: 'Đoàn giáo viên',
    description: 'Chi tiếp khách ngày Nhà giáo Việt Nam',
    status: 'REJECTED',
    decisionNote: 'Không có trong quy chế chi tiêu nội bộ',
  });
  add({
    spentOn: day(11, 24),
    source: goods?.source ?? 'STATE_REGULAR',
    group: 'GOODS_SERVICES',
    method: 'BANK',
    amount: 12_800_000,
    payee: 'Công ty TNHH Điện máy Hưng Yên',
    description: 'Sửa chữa điều hoà phòng học',
    status: 'DRAFT',
  });
  return expenses;
}

/** Writes the vouchers: the approved ones with the numbers `vouchers` gave them, and their reversals unnumbered. */
export function writeExpenses(
  rng: SeededRandom,
  school: FinanceSeedSchool,
  expenses: DrawnExpense[],
  vouchers: Map<string, number>,
  out: FinanceTableRows,
  now: Date | string,
): void {
  for (const e of expenses) {
    const number = vouchers.get(e.id) ?? null;
    const row = {
      school_id: school.id,
      spent_on: e.spentOn,
      funding_source: e.source,
      spending_group: e.group,
      method: e.method,
      payee: e.payee,
      status: e.status,
      created_at: now,
    };
    addRow(out, 'finance_expense', {
      ...row,
      id: e.id,
      kind: 'EXPENSE',
      doc_series: number ? 'VOUCHER' : null,
      doc_year: number ? DEMO_FISCAL_YEAR : null,
      doc_number: number,
      amount: e.amount,
      description: e.description,
      approved_at: e.status === 'APPROVED' ? now : null,
      decision_note: e.decisionNote ?? null,
    });
    if (e.reversedOn)
      addRow(out, 'finance_expense', {
        ...row,
        id: rng.uuid(),
        kind: 'REVERSAL',
        spent_on: e.reversedOn,
        amount: -e.amount,
        description: `Huỷ phiếu chi: ${e.description}`,
        status: 'APPROVED',
        reverses_id: e.id,
        approved_at: now,
      });
  }
}

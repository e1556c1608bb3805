import { MatrixEntry } from './types';

/** finance.read: the department, units, and the school's administrator and accountant. */
export const FINANCE_READERS = [
  'DEPARTMENT_ADMIN',
  'DEPARTMENT_OFFICER',
  'UNIT_OFFICER',
  'SCHOOL_ADMIN',
  'ACCOUNTANT',
] as const;
/** finance.manage: the school's administrator and accountant. */
export const FINANCE_KEEPERS = ['SCHOOL_ADMIN', 'ACCOUNTANT'] as const;
/** finance.approve: the school's administrator (the principal). */
export const FINANCE_APPROVERS = ['SCHOOL_ADMIN'] as const;
/** finance.debtors: the school's administrator and accountant, and teachers (their homeroom classes only). */
export const FINANCE_DEBTOR_READERS = ['SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER'] as const;
/** finance.allocate: the department's administrator and officers, and unit officers. */
export const FINANCE_ALLOCATORS = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'] as const;
/** finance.configure: the department's administrator. */
export const FINANCE_CONFIGURERS = ['DEPARTMENT_ADMIN'] as const;

/** Part D: the range the books and the reconciliation are asked for (the autumn of the seed's year). */
const BOOK_RANGE = { from: '2025-09-01', to: '2025-12-31' };

/**
 * The finance context's operations (see types.ts for what an entry declares). Each part of the context keeps its
 * entries in its own block, under its heading.
 */
export const FINANCE: Record<string, MatrixEntry> = {
  // — part A: rules and schedules —
  // The province's tables are written by the department only; samples name the fixture's open year. {id} is the
  // school's id: no fee range, schedule or exception has it, so a call past the permission check answers 404.
  'GET /api/finance-config/tuition-levels': {
    roles: FINANCE_READERS,
    provinceWide: true,
    sample: (f) => ({ query: { schoolYearId: f.yearId } }),
  },
  'PUT /api/finance-config/tuition-levels': {
    roles: FINANCE_CONFIGURERS,
    provinceWide: true,
    sample: (f) => ({
      body: {
        schoolYearId: f.yearId,
        levels: [{ schoolLevel: 'LOWER_SECONDARY', area: 'URBAN', monthlyAmount: 300_000, privateSupportMonthly: 0 }],
      },
    }),
  },
  'GET /api/finance-config/tuition-levels/export.xlsx': {
    roles: FINANCE_READERS,
    provinceWide: true,
    sample: (f) => ({ query: { schoolYearId: f.yearId } }),
  },
  'POST /api/finance-config/tuition-levels/import': {
    roles: FINANCE_CONFIGURERS,
    provinceWide: true,
    sample: (f) => ({ query: { schoolYearId: f.yearId } }),
  },
  'GET /api/finance-config/fee-ranges': {
    roles: FINANCE_READERS,
    provinceWide: true,
    sample: (f) => ({ query: { schoolYearId: f.yearId } }),
  },
  'POST /api/finance-config/fee-ranges': {
    roles: FINANCE_CONFIGURERS,
    provinceWide: true,
    // Minimum above maximum: refused (400) past the permission check, so the sweep leaves no range behind.
    sample: (f) => ({
      body: {
        schoolYearId: f.yearId,
        feeKind: 'MEALS',
        schoolLevel: 'LOWER_SECONDARY',
        area: 'ANY',
        billingUnit: 'MONTH',
        minAmount: 2,
        maxAmount: 1,
        nameVi: 'Tiền ăn',
        nameEn: 'Meals',
      },
    }),
  },
  'PATCH /api/finance-config/fee-ranges/{id}': { roles: FINANCE_CONFIGURERS, provinceWide: true },
  'DELETE /api/finance-config/fee-ranges/{id}': { roles: FINANCE_CONFIGURERS, provinceWide: true },
  'GET /api/finance-config/schools': { roles: FINANCE_READERS, provinceWide: true },
  'PUT /api/finance-config/schools/{schoolId}': {
    roles: FINANCE_CONFIGURERS,
    sample: () => ({ body: { area: 'URBAN' } }),
  },
  'GET /api/schools/{schoolId}/finance-setting': { roles: FINANCE_READERS },
  'PUT /api/schools/{schoolId}/finance-setting': {
    roles: FINANCE_KEEPERS,
    sample: () => ({ body: { bankName: 'Agribank', bankAccount: '5100205123456' } }),
  },
  'GET /api/schools/{schoolId}/fee-schedules': {
    roles: FINANCE_READERS,
    sample: (f) => ({ query: { schoolYearId: f.yearId } }),
  },
  'POST /api/schools/{schoolId}/fee-schedules': {
    roles: FINANCE_KEEPERS,
    sample: (f) => ({
      body: {
        schoolYearId: f.yearId,
        feeKind: 'MEALS',
        name: 'Tiền ăn bán trú',
        billingUnit: 'MONTH',
        amount: 450_000,
      },
    }),
  },
  'POST /api/schools/{schoolId}/fee-schedules/adopt-province': {
    roles: FINANCE_KEEPERS,
    sample: (f) => ({ body: { schoolYearId: f.yearId } }),
  },
  'GET /api/schools/{schoolId}/fee-schedules/export.xlsx': {
    roles: FINANCE_READERS,
    sample: (f) => ({ query: { schoolYearId: f.yearId } }),
  },
  // No file: refused (400) past the permission check.
  'POST /api/schools/{schoolId}/fee-schedules/import': {
    roles: FINANCE_KEEPERS,
    sample: (f) => ({ query: { schoolYearId: f.yearId } }),
  },
  'PATCH /api/schools/{schoolId}/fee-schedules/{id}': {
    roles: FINANCE_KEEPERS,
    sample: () => ({ body: { amount: 1, version: 1 } }),
  },
  'POST /api/schools/{schoolId}/fee-schedules/{id}/adopt': {
    roles: FINANCE_KEEPERS,
    sample: () => ({ body: { decisionNumber: '15/QĐ-THCS', adoptedOn: '2025-08-25' } }),
  },
  'POST /api/schools/{schoolId}/fee-schedules/{id}/withdraw': { roles: FINANCE_KEEPERS },
  'GET /api/schools/{schoolId}/fee-exceptions': {
    roles: FINANCE_READERS,
    sample: (f) => ({ query: { schoolYearId: f.yearId, status: 'PENDING' } }),
  },
  'POST /api/schools/{schoolId}/fee-exceptions': {
    roles: FINANCE_KEEPERS,
    sample: (f) => ({
      body: {
        schoolYearId: f.yearId,
        studentId: f.studentId,
        feeKind: 'MEALS',
        percent: 50,
        reason: 'Hoàn cảnh khó khăn',
      },
    }),
  },
  'POST /api/schools/{schoolId}/fee-exceptions/{id}/approve': {
    roles: FINANCE_APPROVERS,
    sample: () => ({ body: { note: 'Đồng ý' } }),
  },
  'POST /api/schools/{schoolId}/fee-exceptions/{id}/reject': {
    roles: FINANCE_APPROVERS,
    sample: () => ({ body: { note: 'Chưa đủ hồ sơ' } }),
  },

  // — part B: periods and charges —
  // {periodId}, {chargeId} and {adjustmentId} are fresh ids (404 past the permission check), and the samples that would
  // write are refused by validation after it: the sweep generates, closes and adjusts nothing of the demo school.
  'GET /api/schools/{schoolId}/fee-periods': {
    roles: FINANCE_READERS,
    sample: (f) => ({ query: { schoolYearId: f.yearId } }),
  },
  'POST /api/schools/{schoolId}/fee-periods': {
    roles: FINANCE_KEEPERS,
    sample: (f) => ({
      body: {
        schoolYearId: f.yearId,
        code: 'SWEEP',
        name: 'Ngoài năm học',
        startsOn: '2000-01-01',
        endsOn: '2000-01-31',
        months: 1,
      },
    }),
  },
  'POST /api/schools/{schoolId}/fee-periods/propose': {
    roles: FINANCE_KEEPERS,
    sample: (f) => ({ body: { schoolYearId: f.periodId } }),
  },
  'POST /api/schools/{schoolId}/fee-periods/{periodId}/close': { roles: FINANCE_APPROVERS },
  'POST /api/schools/{schoolId}/fee-periods/{periodId}/generate': {
    roles: FINANCE_KEEPERS,
    sample: () => ({ body: { dryRun: true } }),
  },
  'GET /api/schools/{schoolId}/fee-periods/{periodId}/generation': { roles: FINANCE_READERS },
  'GET /api/schools/{schoolId}/charges': {
    roles: FINANCE_READERS,
    sample: (f) => ({ query: { periodId: f.periodId, outstanding: 'true', q: 'nguyen' } }),
  },
  'GET /api/schools/{schoolId}/students/{studentId}/fee-account': { roles: FINANCE_READERS },
  'POST /api/schools/{schoolId}/charges/{chargeId}/adjustments': {
    roles: FINANCE_KEEPERS,
    sample: (f) => ({ body: { kind: 'CORRECTION', amount: -10_000, reason: 'Nhập nhầm', enteredOn: f.date } }),
  },
  'POST /api/schools/{schoolId}/charge-adjustments/{adjustmentId}/reverse': {
    roles: FINANCE_KEEPERS,
    sample: () => ({ body: { reason: 'Nhập nhầm' } }),
  },
  'GET /api/schools/{schoolId}/debtors': { roles: FINANCE_DEBTOR_READERS },
  'GET /api/schools/{schoolId}/debtors/export.xlsx': { roles: FINANCE_DEBTOR_READERS },
  'GET /api/schools/{schoolId}/debtors.pdf': { roles: FINANCE_DEBTOR_READERS },

  // — part C: payments —
  'GET /api/schools/{schoolId}/payments': {
    roles: FINANCE_READERS,
    sample: (f) => ({ query: { from: '2025-09-01', to: f.date, method: 'CASH', q: 'nguyen' } }),
  },
  // A pupil of no charge: refused (400, over-payment) after the permission check, so the sweep writes no receipt.
  'POST /api/schools/{schoolId}/payments': {
    roles: FINANCE_KEEPERS,
    sample: (f) => ({ body: { studentId: f.studentId, paidOn: '2025-09-15', method: 'CASH', amount: 1_000_000_000 } }),
  },
  'GET /api/schools/{schoolId}/payments/export.xlsx': {
    roles: FINANCE_READERS,
    sample: () => ({ query: { from: '2025-09-01', to: '2025-12-31' } }),
  },
  // {id} is the fixture's school id, no payment's: 404 past the permission check.
  'GET /api/schools/{schoolId}/payments/{id}': { roles: FINANCE_READERS },
  'POST /api/schools/{schoolId}/payments/{id}/refund': {
    roles: FINANCE_KEEPERS,
    sample: () => ({ body: { amount: 100_000, paidOn: '2025-10-01', method: 'CASH', reason: 'Hoàn tiền ăn' } }),
  },
  'POST /api/schools/{schoolId}/payments/{id}/reverse': {
    roles: FINANCE_KEEPERS,
    sample: () => ({ body: { reason: 'Nhập nhầm học sinh' } }),
  },
  'GET /api/schools/{schoolId}/payments/{id}/receipt.pdf': { roles: FINANCE_READERS },
  'GET /api/schools/{schoolId}/payments/{id}/receipt-link': { roles: FINANCE_KEEPERS },
  // A forged token: 404, like an unknown receipt.
  'GET /api/finance-receipts/{token}': { roles: 'public', provinceWide: true },
  'GET /api/schools/{schoolId}/imports/templates/payments.xlsx': { roles: FINANCE_KEEPERS },
  'POST /api/schools/{schoolId}/imports/payments': { roles: FINANCE_KEEPERS },

  // — part D: bank, books and reconciliation —
  // An upload without a file is refused (400) past the permission check; {lineId} is an inventory line's id (404).
  'POST /api/schools/{schoolId}/bank-statements': { roles: FINANCE_KEEPERS },
  'GET /api/schools/{schoolId}/bank-statements': { roles: FINANCE_READERS },
  'GET /api/schools/{schoolId}/bank-lines': {
    roles: FINANCE_READERS,
    sample: () => ({ query: { status: 'UNMATCHED' } }),
  },
  'POST /api/schools/{schoolId}/bank-lines/{lineId}/match': {
    roles: FINANCE_KEEPERS,
    sample: (f) => ({ body: { studentId: f.studentId } }),
  },
  'POST /api/schools/{schoolId}/bank-lines/{lineId}/ignore': {
    roles: FINANCE_KEEPERS,
    sample: () => ({ body: { note: 'Phí quản lý tài khoản' } }),
  },
  'GET /api/schools/{schoolId}/books/opening-balances': {
    roles: FINANCE_READERS,
    sample: () => ({ query: { fiscalYear: '2025' } }),
  },
  'PUT /api/schools/{schoolId}/books/opening-balances': {
    roles: FINANCE_KEEPERS,
    sample: () => ({ body: { fiscalYear: 2025, cash: 0, bank: 0 } }),
  },
  'GET /api/schools/{schoolId}/books/cash': { roles: FINANCE_READERS, sample: () => ({ query: BOOK_RANGE }) },
  'GET /api/schools/{schoolId}/books/bank': { roles: FINANCE_READERS, sample: () => ({ query: BOOK_RANGE }) },
  'GET /api/schools/{schoolId}/books/cash.xlsx': { roles: FINANCE_READERS, sample: () => ({ query: BOOK_RANGE }) },
  'GET /api/schools/{schoolId}/books/cash.pdf': { roles: FINANCE_READERS, sample: () => ({ query: BOOK_RANGE }) },
  'GET /api/schools/{schoolId}/books/bank.xlsx': { roles: FINANCE_READERS, sample: () => ({ query: BOOK_RANGE }) },
  'GET /api/schools/{schoolId}/books/bank.pdf': { roles: FINANCE_READERS, sample: () => ({ query: BOOK_RANGE }) },
  'GET /api/schools/{schoolId}/collection-summary': {
    roles: FINANCE_READERS,
    sample: (f) => ({ query: { schoolYearId: f.yearId, by: 'grade' } }),
  },
  'GET /api/schools/{schoolId}/collection-summary.xlsx': {
    roles: FINANCE_READERS,
    sample: (f) => ({ query: { schoolYearId: f.yearId } }),
  },
  'GET /api/schools/{schoolId}/collection-summary.pdf': {
    roles: FINANCE_READERS,
    sample: (f) => ({ query: { schoolYearId: f.yearId, by: 'period' } }),
  },
  'GET /api/schools/{schoolId}/reconciliation': { roles: FINANCE_READERS, sample: () => ({ query: BOOK_RANGE }) },
  'GET /api/schools/{schoolId}/finance-months': { roles: FINANCE_READERS },
  // {month} is a month to come: refused (409, not ended) past the permission check, so the sweep closes nothing.
  'POST /api/schools/{schoolId}/finance-months/{month}/close': { roles: FINANCE_APPROVERS },

  // — part E: budget, spending and the claim —
  // {id} is the fixture's school id: no entry, voucher or claim has it, so an allowed call answers 404 past the
  // permission check.
  'GET /api/schools/{schoolId}/budget': { roles: FINANCE_READERS, sample: () => ({ query: { fiscalYear: '2025' } }) },
  // The route lets finance.read in; an estimate is then the school's own (finance.manage).
  'POST /api/schools/{schoolId}/budget/entries': {
    roles: FINANCE_KEEPERS,
    sample: () => ({
      body: {
        fiscalYear: 2025,
        kind: 'ESTIMATE',
        fundingSource: 'STATE_REGULAR',
        spendingGroup: 'GOODS_SERVICES',
        amount: 1,
        enteredOn: '2025-01-06',
      },
    }),
  },
  'POST /api/schools/{schoolId}/budget/entries/{id}/reverse': {
    roles: FINANCE_READERS,
    sample: () => ({ body: { reason: 'Nhập nhầm' } }),
  },
  'GET /api/schools/{schoolId}/budget/execution.xlsx': {
    roles: FINANCE_READERS,
    sample: () => ({ query: { fiscalYear: '2025' } }),
  },
  'GET /api/schools/{schoolId}/budget/execution.pdf': {
    roles: FINANCE_READERS,
    sample: () => ({ query: { fiscalYear: '2025' } }),
  },
  'GET /api/schools/{schoolId}/expenses': {
    roles: FINANCE_READERS,
    sample: () => ({ query: { status: 'APPROVED', fundingSource: 'STATE_REGULAR', q: 'văn phòng', sort: '-amount' } }),
  },
  'POST /api/schools/{schoolId}/expenses': {
    roles: FINANCE_KEEPERS,
    sample: () => ({
      body: {
        spentOn: '2025-10-20',
        fundingSource: 'STATE_REGULAR',
        spendingGroup: 'GOODS_SERVICES',
        method: 'CASH',
        amount: 1,
        payee: 'Nhà sách Hưng Yên',
        description: 'Mua sổ sách',
      },
    }),
  },
  'GET /api/schools/{schoolId}/expenses/{id}': { roles: FINANCE_READERS },
  'GET /api/schools/{schoolId}/expenses/{id}/voucher.pdf': { roles: FINANCE_READERS },
  'PATCH /api/schools/{schoolId}/expenses/{id}': { roles: FINANCE_KEEPERS, sample: () => ({ body: { version: 1 } }) },
  'POST /api/schools/{schoolId}/expenses/{id}/approve': { roles: FINANCE_APPROVERS },
  'POST /api/schools/{schoolId}/expenses/{id}/reject': {
    roles: FINANCE_APPROVERS,
    sample: () => ({ body: { note: 'Thiếu hóa đơn' } }),
  },
  'POST /api/schools/{schoolId}/expenses/{id}/reverse': {
    roles: FINANCE_APPROVERS,
    sample: () => ({ body: { reason: 'Chi trùng', enteredOn: '2025-11-03' } }),
  },
  'POST /api/schools/{schoolId}/expenses/{id}/attachments': { roles: FINANCE_KEEPERS },
  'GET /api/schools/{schoolId}/expenses/{id}/attachments/{attachmentId}': { roles: FINANCE_READERS },
  'DELETE /api/schools/{schoolId}/expenses/{id}/attachments/{attachmentId}': { roles: FINANCE_KEEPERS },
  'GET /api/schools/{schoolId}/claims': { roles: FINANCE_READERS },
  // A fresh period id: 404 past the permission check.
  'POST /api/schools/{schoolId}/claims': {
    roles: FINANCE_KEEPERS,
    sample: () => ({ body: { periodId: '00000000-0000-4000-8000-000000000000' } }),
  },
  'POST /api/schools/{schoolId}/claims/{id}/submit': { roles: FINANCE_APPROVERS },
  'GET /api/schools/{schoolId}/claims/{id}.xlsx': { roles: FINANCE_READERS },
  'GET /api/schools/{schoolId}/claims/{id}.pdf': { roles: FINANCE_READERS },

  // — part H: reporting —
};

/**
 * The vocabulary of school finance (docs/domain/finance.md). Money is whole đồng: integers everywhere, never
 * fractions; every amount fits a JavaScript number (< 2^53), products that could exceed it are taken with BigInt.
 */

/** Where a school's money comes from (nguồn kinh phí): the state budget (regular and project), tuition, other approved fees and contributions, aid and donations. */
export const BUDGET_SOURCES = ['STATE_REGULAR', 'STATE_PROJECT', 'TUITION', 'FEES', 'AID'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

/** What it is spent on (nhóm chi). */
export const SPENDING_GROUPS = ['PERSONNEL', 'GOODS_SERVICES', 'ASSETS', 'OTHER'] as const;
export type SpendingGroup = (typeof SPENDING_GROUPS)[number];

/** Budget entries: the school's estimate, the allocations it receives, adjustments, and reversals of any of them. */
export const BUDGET_ENTRY_KINDS = ['ESTIMATE', 'ALLOCATION', 'ADJUSTMENT', 'REVERSAL'] as const;
export type BudgetEntryKind = (typeof BUDGET_ENTRY_KINDS)[number];

/** The fees a school collects: tuition, and the other approved collections and voluntary contributions. */
export const FEE_KINDS = [
  'TUITION',
  'MEALS',
  'BOARDING',
  'EXTRA_LESSONS',
  'HEALTH_INSURANCE',
  'SERVICE',
  'VOLUNTARY',
] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
/** The fees other than tuition, whose range the province sets. */
export type OtherFeeKind = Exclude<FeeKind, 'TUITION'>;

/** How a fee is billed: per month of the period, per semester, per year, or once. */
export const BILLING_UNITS = ['MONTH', 'SEMESTER', 'YEAR', 'ONCE'] as const;
export type BillingUnit = (typeof BILLING_UNITS)[number];

/** The areas the province's tuition levels differ by (thành thị, nông thôn, vùng dân tộc thiểu số và miền núi). */
export const FEE_AREAS = ['URBAN', 'RURAL', 'MOUNTAIN'] as const;
export type FeeArea = (typeof FEE_AREAS)[number];

export const FEE_SCHEDULE_STATUSES = ['DRAFT', 'ADOPTED', 'WITHDRAWN'] as const;
export type FeeScheduleStatus = (typeof FEE_SCHEDULE_STATUSES)[number];

export const EXCEPTION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

export const PERIOD_STATUSES = ['OPEN', 'CLOSED'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const ADJUSTMENT_KINDS = ['WAIVER', 'CORRECTION', 'REVERSAL'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

export const PAYMENT_KINDS = ['PAYMENT', 'REFUND', 'REVERSAL'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const PAYMENT_METHODS = ['CASH', 'BANK'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Numbered documents: receipts (phiếu thu) and vouchers (phiếu chi), numbered per school, series and year. */
export const DOCUMENT_SERIES = ['RECEIPT', 'VOUCHER'] as const;
export type DocumentSeries = (typeof DOCUMENT_SERIES)[number];

export const BANK_LINE_STATUSES = ['UNMATCHED', 'MATCHED', 'IGNORED'] as const;
export type BankLineStatus = (typeof BANK_LINE_STATUSES)[number];

export const EXPENSE_STATUSES = ['DRAFT', 'APPROVED', 'REJECTED'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

export const CLAIM_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CASH_ACCOUNTS = ['CASH', 'BANK'] as const;
export type CashAccount = (typeof CASH_ACCOUNTS)[number];

/** Attachments of an expense voucher: the same types and limit as an asset's (ATTACHMENT_TYPES, ATTACHMENT_MAX_BYTES). */

const SERIES_PREFIX: Record<DocumentSeries, string> = { RECEIPT: 'PT', VOUCHER: 'PC' };

/** How a receipt or voucher number is printed: PT (phiếu thu) or PC (phiếu chi), the year, six digits. */
export function formatDocumentNumber(series: DocumentSeries, year: number, n: number): string {
  return `${SERIES_PREFIX[series]}-${year}-${String(n).padStart(6, '0')}`;
}

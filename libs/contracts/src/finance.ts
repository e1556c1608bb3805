import type {
  AdjustmentKind,
  BankLineStatus,
  BillingUnit,
  BudgetEntryKind,
  BudgetSource,
  CashAccount,
  ClaimStatus,
  ExceptionStatus,
  ExpenseStatus,
  FeeArea,
  FeeKind,
  FeeScheduleStatus,
  OtherFeeKind,
  PaymentKind,
  PaymentMethod,
  PeriodStatus,
  PolicyGroup,
  SchoolLevel,
  SchoolOwnership,
  SpendingGroup,
  OrgUnitKind,
} from '@emis/domain';
import type { Freshness, OrgPathItem } from './reporting';

/**
 * School finance (docs/domain/finance.md). Every path below is under /api/schools/:schoolId unless it starts with
 * /api/finance-config (the province's settings) or /api/finance-receipts (the public receipt link).
 * Money is whole đồng, sent as a JSON number. Dates are ISO 'YYYY-MM-DD'.
 * Lists answer Page<T> (libs/contracts/src/paging.ts) with page, pageSize and q where they can grow long.
 */

// ————————————————————————————————————————— the province (part A) —————————————————————————————————————————

/**
 * The province's tuition level and private-school support per school year, level and area.
 * GET /api/finance-config/tuition-levels?schoolYearId= → TuitionLevel[]; PUT the same path {schoolYearId, levels}
 * replaces the year's table (finance.configure). GET …/tuition-levels/export.xlsx?schoolYearId= (imports back);
 * POST …/tuition-levels/import?schoolYearId= (multipart file) → 202 ImportJob of kind FINANCE_TUITION_LEVELS, a job of
 * the department's own org unit, followed at /api/schools/{the department's id}/imports/{jobId}.
 */
export interface TuitionLevel {
  schoolYearId: string;
  schoolLevel: SchoolLevel;
  area: FeeArea;
  /** The monthly tuition level: charged before 2025-26; from 2025-26 what the state reimburses a public school. */
  monthlyAmount: number;
  /** The province's monthly support for a pupil of a private school (capped at the school's fee). */
  privateSupportMonthly: number;
}

export interface TuitionLevelsInput {
  schoolYearId: string;
  levels: Omit<TuitionLevel, 'schoolYearId'>[];
}

/**
 * Other approved fees a school may adopt, with their range.
 * GET /api/finance-config/fee-ranges?schoolYearId= → FeeRange[]; POST → FeeRange; PATCH/DELETE …/fee-ranges/:id.
 */
export interface FeeRange {
  id: string;
  schoolYearId: string;
  feeKind: OtherFeeKind;
  schoolLevel: SchoolLevel;
  /** 'ANY': every area. */
  area: FeeArea | 'ANY';
  billingUnit: BillingUnit;
  minAmount: number;
  maxAmount: number;
  nameVi: string;
  nameEn: string;
}

export type FeeRangeInput = Omit<FeeRange, 'id'>;

/**
 * A school's finance settings. GET /api/finance-config/schools?unitId=&q=&page= → Page<SchoolFinanceSetting>
 * (the department sets areas); PUT /api/finance-config/schools/:schoolId {area} (finance.configure).
 * GET/PUT …/finance-setting {bankName, bankAccount} (the school's own, finance.manage).
 */
export interface SchoolFinanceSetting {
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  ownership: SchoolOwnership;
  levels: SchoolLevel[];
  area: FeeArea;
  bankName: string | null;
  bankAccount: string | null;
}

// ————————————————————————————————————— fee schedules and exceptions (part A) —————————————————————————————————————

/**
 * A school's fee schedule for a year. GET …/fee-schedules?schoolYearId= → FeeSchedule[]; POST → FeeSchedule;
 * PATCH …/fee-schedules/:id (DRAFT only, with version); POST …/fee-schedules/:id/adopt {decisionNumber, adoptedOn};
 * POST …/fee-schedules/:id/withdraw. POST …/fee-schedules/adopt-province {schoolYearId}: creates the tuition
 * schedule from the province's level (public) and one draft per applicable range at its minimum.
 * GET …/fee-schedules/export.xlsx?schoolYearId= (the template: the year's lines not withdrawn, importing back);
 * POST …/fee-schedules/import?schoolYearId= (multipart file) → 202 ImportJob of kind FINANCE_FEE_SCHEDULES, followed at
 * …/imports/{jobId}: every row checked first; new kind and name → draft, a draft → updated, an adopted line unchanged.
 */
export interface FeeSchedule {
  id: string;
  schoolYearId: string;
  feeKind: FeeKind;
  name: string;
  billingUnit: BillingUnit;
  amount: number;
  /** Grade codes it applies to; empty: every grade. */
  grades: string[];
  voluntary: boolean;
  decisionNumber: string | null;
  status: FeeScheduleStatus;
  adoptedOn: string | null;
  /** The province's range it must stay within (other fees), or the province's tuition level (tuition); null if none. */
  allowed: { minAmount: number; maxAmount: number } | null;
  version: number;
}

export interface FeeScheduleInput {
  schoolYearId: string;
  feeKind: FeeKind;
  name: string;
  billingUnit: BillingUnit;
  amount: number;
  grades?: string[];
  voluntary?: boolean;
  decisionNumber?: string | null;
}

export interface FeeScheduleUpdate extends Partial<Omit<FeeScheduleInput, 'schoolYearId' | 'feeKind'>> {
  version: number;
}

/**
 * A manual exemption or reduction. GET …/fee-exceptions?schoolYearId=&status= → FeeException[];
 * POST {studentId, schoolYearId, feeKind, percent, reason} (finance.manage) → PENDING;
 * POST …/fee-exceptions/:id/approve | /reject {note} (finance.approve). Applied by the next generation of charges.
 */
export interface FeeException {
  id: string;
  schoolYearId: string;
  studentId: string;
  studentCode: string;
  studentName: string;
  feeKind: FeeKind;
  percent: number;
  reason: string;
  status: ExceptionStatus;
  /** The full names of who asked and who decided. */
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface FeeExceptionInput {
  schoolYearId: string;
  studentId: string;
  feeKind: FeeKind;
  percent: number;
  reason: string;
}

// ———————————————————————————————————————— periods and charges (part B) ————————————————————————————————————————

/**
 * A fee period. GET …/fee-periods?schoolYearId= → FeePeriod[]; POST FeePeriodInput; POST …/fee-periods/:id/close.
 * POST …/fee-periods/propose {schoolYearId}: creates HK1 and HK2 from the school year's semesters if missing.
 */
export interface FeePeriod {
  id: string;
  schoolYearId: string;
  code: string;
  name: string;
  startsOn: string;
  endsOn: string;
  months: number;
  dueOn: string | null;
  status: PeriodStatus;
  /** Totals over the period's charges (after adjustments). */
  totals: { pupils: number; due: number; paid: number; outstanding: number };
}

export interface FeePeriodInput {
  schoolYearId: string;
  code: string;
  name: string;
  startsOn: string;
  endsOn: string;
  months: number;
  dueOn?: string | null;
}

/**
 * Generating what pupils owe for a period, in one step for the school: POST …/fee-periods/:id/generate
 * {dryRun?: boolean} → ChargeGeneration. Idempotent: a pupil already charged for a schedule is not charged twice;
 * a changed amount becomes a CORRECTION adjustment. Long runs answer 202 with a job to poll:
 * GET …/fee-periods/:id/generation → ChargeGeneration.
 */
export interface ChargeGeneration {
  periodId: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  pupils: number;
  /** Pupils worked through so far (the progress of a background run; = pupils once DONE). */
  processed: number;
  created: number;
  corrected: number;
  unchanged: number;
  /** Sums over the created and corrected charges. */
  listAmount: number;
  reliefAmount: number;
  supportAmount: number;
  reimbursedAmount: number;
  dueAmount: number;
  message: string | null;
}

/**
 * One pupil's charge. GET …/charges?periodId=&classId=&studentId=&outstanding=true&q=&page= → Page<Charge>.
 */
export interface Charge {
  id: string;
  periodId: string;
  studentId: string;
  studentCode: string;
  studentName: string;
  classId: string;
  className: string;
  feeScheduleId: string;
  feeKind: FeeKind;
  feeName: string;
  listAmount: number;
  reliefPercent: number;
  reliefAmount: number;
  supportAmount: number;
  reimbursedAmount: number;
  dueAmount: number;
  /** Sum of adjustments (signed). */
  adjusted: number;
  paid: number;
  /** dueAmount + adjusted − paid. */
  outstanding: number;
  /** The rule that set the relief, support or reimbursement, as a code of FEE_RULE_CODES (part A), and its words. */
  rule: string;
  policyGroups: PolicyGroup[];
}

/**
 * A pupil's account: every charge, adjustment and payment. GET …/students/:studentId/fee-account?schoolYearId=.
 */
export interface FeeAccount {
  studentId: string;
  studentCode: string;
  studentName: string;
  className: string | null;
  /** The code a family writes in a bank transfer so the statement matches (docs/domain/finance.md). */
  paymentCode: string;
  charges: Charge[];
  adjustments: ChargeAdjustment[];
  payments: Payment[];
  totals: { due: number; adjusted: number; paid: number; outstanding: number };
}

/**
 * POST …/charges/:chargeId/adjustments {kind: 'WAIVER'|'CORRECTION', amount, reason, enteredOn} (waiver: finance.approve)
 * → ChargeAdjustment; POST …/charge-adjustments/:id/reverse {reason} → the REVERSAL adjustment.
 */
export interface ChargeAdjustment {
  id: string;
  chargeId: string;
  kind: AdjustmentKind;
  amount: number;
  reason: string;
  enteredOn: string;
  reversesId: string | null;
  reversedBy: string | null;
  createdAt: string;
}

export interface ChargeAdjustmentInput {
  kind: 'WAIVER' | 'CORRECTION';
  amount: number;
  reason: string;
  enteredOn: string;
}

/**
 * The debtor list of a class for its homeroom teacher (finance.debtors: a teacher sees only their homeroom classes).
 * GET …/debtors?classId=&periodId= → Debtor[]; GET …/debtors/export.xlsx and …/debtors.pdf (printable).
 */
export interface Debtor {
  studentId: string;
  studentCode: string;
  studentName: string;
  classId: string;
  className: string;
  outstanding: number;
  /** The oldest unpaid period's code. */
  oldestPeriod: string;
  guardianPhone: string | null;
}

// —————————————————————————————————————————————— payments (part C) ——————————————————————————————————————————————

/**
 * GET …/payments?from=&to=&method=&studentId=&q=&page= → Page<Payment>.
 * POST …/payments PaymentInput → Payment (a receipt numbered in the school's RECEIPT series of paidOn's year);
 * POST …/payments/:id/refund {amount, paidOn, method, bankReference?, reason} → the REFUND (a VOUCHER number);
 * POST …/payments/:id/reverse {reason} → the REVERSAL (no number; the original keeps its number, marked reversed).
 * GET …/payments/:id/receipt.pdf (A5, Vietnamese); GET …/payments/:id/receipt-link → {url, expiresAt};
 * GET /api/finance-receipts/:token (no sign-in; the token is signed and names the school and the payment).
 * GET …/payments/export.xlsx; import kind FINANCE_PAYMENTS (a collection list from Excel: every row checked first).
 */
export interface Payment {
  id: string;
  kind: PaymentKind;
  /** formatDocumentNumber: e.g. 'PT-2025-000123' for receipts, 'PC-2025-000012' for refunds; null for reversals. */
  documentNumber: string | null;
  docYear: number | null;
  docNumber: number | null;
  studentId: string;
  studentCode: string;
  studentName: string;
  className: string | null;
  payerName: string | null;
  paidOn: string;
  method: PaymentMethod;
  bankReference: string | null;
  amount: number;
  reversesId: string | null;
  reversedById: string | null;
  allocations: { chargeId: string; periodCode: string; feeName: string; amount: number }[];
  note: string | null;
  recordedAt: string;
  recordedBy: string | null;
}

export interface PaymentInput {
  studentId: string;
  paidOn: string;
  method: PaymentMethod;
  bankReference?: string | null;
  amount: number;
  payerName?: string | null;
  note?: string | null;
  /** Which charges it settles; omitted: the oldest outstanding charges first. Over-payment is refused. */
  allocations?: { chargeId: string; amount: number }[];
}

export interface RefundInput {
  amount: number;
  paidOn: string;
  method: PaymentMethod;
  bankReference?: string | null;
  reason: string;
}

export interface ReceiptLink {
  url: string;
  expiresAt: string;
}

// ——————————————————————————————————————— bank, books and reconciliation (part D) ———————————————————————————————————————

/**
 * Bank statements. POST …/bank-statements (multipart: file .xlsx or .csv) → BankStatementImport (every line checked
 * first; errors by row and column, nothing written when any); GET …/bank-statements → BankStatement[];
 * GET …/bank-lines?status=&statementId=&page= → Page<BankLine>;
 * POST …/bank-lines/:id/match {studentId, allocations?} → BankLine (a BANK payment is recorded with the line's
 * reference); POST …/bank-lines/:id/ignore {note}.
 */
export interface BankStatement {
  id: string;
  fileName: string;
  bankAccount: string | null;
  lineCount: number;
  totalAmount: number;
  matched: number;
  unmatched: number;
  importedAt: string;
}

export interface BankStatementImport {
  statement: BankStatement | null;
  /** Lines skipped because their bank reference was imported before. */
  duplicates: number;
  matched: number;
  unmatched: number;
  errors: { row: number; column: string; message: string }[];
}

export interface BankLine {
  id: string;
  statementId: string;
  lineNo: number;
  bookedOn: string;
  amount: number;
  reference: string;
  description: string;
  counterparty: string | null;
  status: BankLineStatus;
  paymentId: string | null;
  /** For unmatched lines: pupils whose payment code or name the description resembles. */
  suggestions: { studentId: string; studentCode: string; studentName: string; outstanding: number }[];
}

/**
 * The cash book (sổ quỹ tiền mặt) and the bank book (sổ tiền gửi): GET …/books/cash?from=&to= and
 * …/books/bank?from=&to= → CashBook; …/books/cash.xlsx|.pdf, …/books/bank.xlsx|.pdf.
 */
export interface CashBook {
  account: CashAccount;
  from: string;
  to: string;
  opening: number;
  rows: {
    date: string;
    documentNumber: string | null;
    description: string;
    receipt: number;
    spending: number;
    balance: number;
  }[];
  totalIn: number;
  totalOut: number;
  closing: number;
}

/**
 * The collection summary: GET …/collection-summary?schoolYearId=&periodId=&by=class|grade|period → CollectionSummary;
 * …/collection-summary.xlsx|.pdf.
 */
export interface CollectionSummary {
  by: 'class' | 'grade' | 'period';
  rows: CollectionSummaryRow[];
  total: CollectionSummaryRow;
}

export interface CollectionSummaryRow {
  key: string;
  label: string;
  pupils: number;
  listAmount: number;
  reliefAmount: number;
  supportAmount: number;
  reimbursedAmount: number;
  due: number;
  adjusted: number;
  paid: number;
  outstanding: number;
}

/**
 * The reconciliation of a school's money: GET …/reconciliation?from=&to= → Reconciliation. Each check is an
 * equation whose sides are computed independently; a difference ≠ 0 is shown with the rows that cause it.
 */
export interface Reconciliation {
  from: string;
  to: string;
  checks: ReconciliationCheck[];
  balanced: boolean;
}

/**
 * The checks, in the order the page shows them (part D; their words in Vietnamese and English are the API's
 * messages and the web's i18n):
 * RECEIPTS_NUMBERED   receipt numbers issued by the counters of the range's years = receipts that hold one (counts);
 * VOUCHERS_NUMBERED   voucher numbers issued = refunds and expense vouchers that hold one (counts);
 * PAYMENTS_ALLOCATED  Σ payments, refunds and reversals of the range = Σ their allocations to charges;
 * BANK_RECEIPTS_MATCHED  Σ bank receipts of the range (not reversed) = Σ the statement lines matched to them;
 * BANK_LINES_RECORDED Σ money in on the statements of the range (lines not set aside) = Σ lines matched to a receipt;
 * CASH_BOOK, BANK_BOOK the book's closing balance = the opening recorded for the year of `to` (or carried) + in − out
 *                     since 1 January of that year;
 * OUTSTANDING         Σ due + Σ adjustments − Σ received (payment side) = Σ each charge's outstanding, at `to`;
 * NO_CHARGE_OVERPAID  Σ each charge's outstanding = Σ of it counting only what is still owed (nothing settled twice).
 */
export const RECONCILIATION_CHECKS = [
  'RECEIPTS_NUMBERED',
  'VOUCHERS_NUMBERED',
  'PAYMENTS_ALLOCATED',
  'BANK_RECEIPTS_MATCHED',
  'BANK_LINES_RECORDED',
  'CASH_BOOK',
  'BANK_BOOK',
  'OUTSTANDING',
  'NO_CHARGE_OVERPAID',
] as const;
export type ReconciliationCheckCode = (typeof RECONCILIATION_CHECKS)[number];

export interface ReconciliationCheck {
  code: ReconciliationCheckCode;
  left: number;
  right: number;
  /** left − right. */
  difference: number;
  /** The rows behind a difference (at most 20): a missing number, a payment, a bank line, a charge, an opening. */
  causes: ReconciliationCause[];
}

export interface ReconciliationCause {
  kind: 'NUMBER' | 'PAYMENT' | 'BANK_LINE' | 'CHARGE' | 'OPENING';
  /** The row's id (a payment, a bank line, a charge), null for a number or an opening balance. */
  id: string | null;
  /** What it is, in Vietnamese: a document number, a bank reference, a pupil. */
  label: string;
  /** How much it puts on one side and not the other (a count for the numbering checks). */
  amount: number;
}

/**
 * Closed months: GET …/finance-months → FinanceMonth[] (every month from the school's first dated entry to the current
 * one); POST …/finance-months/:month/close (finance.approve; :month is yyyy-MM) → FinanceMonth. Months close in order
 * and once ended (409 finance_month_not_ended, finance_month_already_closed, finance_month_earlier_open {month}).
 */
export interface FinanceMonth {
  /** yyyy-MM. */
  month: string;
  closedAt: string | null;
}

// Added by part D:

/**
 * The balances of the cash box and the bank account on 1 January of a fiscal year, which the books open with.
 * GET …/books/opening-balances?fiscalYear= → OpeningBalances (null: none recorded, the balance is carried from the
 * year before); PUT …/books/opening-balances OpeningBalancesInput (finance.manage; 409 once January is closed).
 */
export interface OpeningBalances {
  fiscalYear: number;
  cash: number | null;
  bank: number | null;
}

export interface OpeningBalancesInput {
  fiscalYear: number;
  cash: number;
  bank: number;
}

// ———————————————————————————————————————— budget, spending and the claim (part E) ————————————————————————————————————————

/**
 * GET …/budget?fiscalYear= → Budget; POST …/budget/entries BudgetEntryInput (ESTIMATE, ADJUSTMENT: finance.manage;
 * ALLOCATION: finance.allocate, the department or the school's unit) → BudgetEntry; POST …/budget/entries/:id/reverse
 * {reason}. GET …/budget/execution.xlsx|.pdf?fiscalYear=.
 */
export interface BudgetEntry {
  id: string;
  fiscalYear: number;
  kind: BudgetEntryKind;
  fundingSource: BudgetSource;
  spendingGroup: SpendingGroup;
  amount: number;
  enteredOn: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  note: string | null;
  reversesId: string | null;
  reversedById: string | null;
  createdAt: string;
}

export interface BudgetEntryInput {
  fiscalYear: number;
  kind: 'ESTIMATE' | 'ALLOCATION' | 'ADJUSTMENT';
  fundingSource: BudgetSource;
  spendingGroup: SpendingGroup;
  amount: number;
  enteredOn: string;
  decisionNumber?: string | null;
  decisionDate?: string | null;
  note?: string | null;
}

/** Estimate, allocations, adjustments and execution (approved vouchers) per source × group, and their totals. */
export interface Budget {
  fiscalYear: number;
  rows: BudgetRow[];
  total: Omit<BudgetRow, 'fundingSource' | 'spendingGroup'>;
  entries: BudgetEntry[];
}

export interface BudgetRow {
  fundingSource: BudgetSource;
  spendingGroup: SpendingGroup;
  estimate: number;
  allocated: number;
  adjusted: number;
  /** allocated + adjusted. */
  available: number;
  spent: number;
  remaining: number;
}

/**
 * Expense vouchers. GET …/expenses?from=&to=&status=&fundingSource=&q=&page= → Page<Expense>; POST ExpenseInput →
 * DRAFT; PATCH …/expenses/:id (DRAFT, version); POST …/expenses/:id/approve (finance.approve: numbered in the VOUCHER
 * series) | /reject {note}; POST …/expenses/:id/reverse {reason, enteredOn}; attachments:
 * POST …/expenses/:id/attachments (multipart), GET/DELETE …/expenses/:id/attachments/:attachmentId;
 * GET …/expenses/:id/voucher.pdf.
 */
export interface Expense {
  id: string;
  kind: 'EXPENSE' | 'REVERSAL';
  documentNumber: string | null;
  spentOn: string;
  fundingSource: BudgetSource;
  spendingGroup: SpendingGroup;
  method: PaymentMethod;
  amount: number;
  payee: string;
  description: string;
  status: ExpenseStatus;
  reversesId: string | null;
  reversedById: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  decisionNote: string | null;
  attachments: { id: string; fileName: string; contentType: string; size: number }[];
  version: number;
}

export interface ExpenseInput {
  spentOn: string;
  fundingSource: BudgetSource;
  spendingGroup: SpendingGroup;
  method: PaymentMethod;
  amount: number;
  payee: string;
  description: string;
}

export interface ExpenseUpdate extends Partial<ExpenseInput> {
  version: number;
}

/**
 * The reimbursement claim of a fee period: POST …/claims {periodId} → Claim (DRAFT, recomputed while DRAFT);
 * GET …/claims?schoolYearId= → Claim[]; POST …/claims/:id/submit (finance.approve); GET …/claims/:id.xlsx|.pdf.
 */
export interface Claim {
  id: string;
  schoolYearId: string;
  periodId: string;
  periodCode: string;
  status: ClaimStatus;
  pupils: number;
  pupilMonths: number;
  amount: number;
  /** By grade: pupils, months, the province's monthly level and the amount. */
  lines: { grade: string; pupils: number; months: number; monthlyLevel: number; amount: number }[];
  submittedAt: string | null;
}

// ————————————————————————————————————————— the department's view (part H) —————————————————————————————————————————

/**
 * The finance of the department, a unit or a school through the reporting read model, in whole đồng:
 * GET /api/reports/finance/:orgUnitId?yearId=&fiscalYear=&level=&ownership=&asOf= → FinanceReport (finance.read,
 * within the caller's scope; the units or schools under it drill down), GET …/export.xlsx the same as a workbook.
 * The paths follow the other reports' (/api/reports/assets/:orgUnitId). Dues and collection are the school year's
 * (`yearId`, default the open year); budget and spending the fiscal year's (`fiscalYear`, default the calendar year
 * the school year starts in). No figure is withheld: they are sums of money, not counts of a few pupils.
 */
export interface FinanceReportQuery {
  yearId?: string;
  fiscalYear?: number;
  level?: SchoolLevel;
  ownership?: SchoolOwnership;
  asOf?: string;
}

export interface FinanceReportFilter {
  orgUnitId: string;
  yearId: string;
  yearCode: string;
  fiscalYear: number;
  level: SchoolLevel | null;
  ownership: SchoolOwnership | null;
  asOf: string;
}

/** The figures of a school or a sum of schools. */
export interface FinanceFigures {
  /** Pupils charged in the school year. */
  pupils: number;
  listAmount: number;
  reliefAmount: number;
  supportAmount: number;
  reimbursedAmount: number;
  /** What families owe after adjustments: due as generated + adjustments. */
  due: number;
  paid: number;
  /** due − paid. */
  outstanding: number;
  /** The fiscal year's allocations + adjustments (the school's estimate is its request, not money available). */
  budgetAvailable: number;
  /** Approved expense vouchers of the fiscal year, net of reversals. */
  spent: number;
}

export interface FinanceReportRow extends FinanceFigures {
  orgUnitId: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  schools: number;
  /** A school's own parent on `asOf`. */
  parentName?: string | null;
}

/** The fiscal year's budget of one funding source, summed over the report's schools. */
export interface FinanceBudgetSourceRow {
  fundingSource: BudgetSource;
  estimate: number;
  allocated: number;
  adjusted: number;
  available: number;
  spent: number;
  remaining: number;
}

export interface FinanceReport {
  unit: { id: string; code: string; name: string; kind: OrgUnitKind };
  path: OrgPathItem[];
  filter: FinanceReportFilter;
  freshness: Freshness;
  total: FinanceFigures & { schools: number };
  bySource: FinanceBudgetSourceRow[];
  /** The units or schools directly under the unit on `asOf` (the drill-down); empty for a school. */
  rows: FinanceReportRow[];
  /** Every school of the report, by name. */
  schools: FinanceReportRow[];
}

export * from './finance.module';
export { FINANCE_MESSAGES } from './messages';
/** The event other contexts may subscribe to (the reporting read model's finance totals). */
export { FINANCE_CHANGED } from './finance-events';
/** For reporting: the school's dues, collection and budget (the read model's port). */
export { FinanceFacts } from './facts/finance-facts';
/** The signed token of a receipt link, as the public route checks it (a family opens one receipt, no account). */
export { ReceiptLinks } from './receipts/receipt-link';
/** The payment list's statements, for the spec that checks their plans at scale. */
export { paymentListStatements } from './payments/payments.repository';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateFinance1764700000000 } from './migrations/1764700000000-CreateFinance';
export { LimitLiveFeeLines1764700000100 } from './migrations/1764700000100-LimitLiveFeeLines';
export { LinkRefundsToPayments1764700000300 } from './migrations/1764700000300-LinkRefundsToPayments';
export { CreateChargeRuns1764700000200 } from './migrations/1764700000200-CreateChargeRuns';

import { Module } from '@nestjs/common';
import { AcademicModule } from '@emis/api/academic';
import { PeopleModule } from '@emis/api/people';
import { SpreadsheetsModule } from '@emis/api/spreadsheets';
import { BudgetController } from './budget/budget.controller';
import { BudgetRepository } from './budget/budget.repository';
import { BudgetService } from './budget/budget.service';
import { BudgetPrintsService } from './budget/budget-prints.service';
import { ClaimsController } from './claims/claims.controller';
import { ClaimsRepository } from './claims/claims.repository';
import { ClaimsService } from './claims/claims.service';
import { FinanceConfigController, SchoolFinanceSettingController } from './config/finance-config.controller';
import { FinanceConfigRepository } from './config/finance-config.repository';
import { FinanceConfigService } from './config/finance-config.service';
import { TuitionLevelsImporter } from './config/tuition-levels.importer';
import { DocumentNumbers } from './documents/document-numbers.repository';
import { ChargeGenerationRepository } from './dues/charge-generation.repository';
import { ChargeGenerationService } from './dues/charge-generation.service';
import { ChargeGenerator } from './dues/charge-generator';
import { ChargeRunQueue } from './dues/charge-run.queue';
import { ChargeRunner } from './dues/charge-runner';
import { ChargesController } from './dues/charges.controller';
import { ChargesRepository } from './dues/charges.repository';
import { ChargesService } from './dues/charges.service';
import { DebtorsService } from './dues/debtors.service';
import { FeePeriodsController } from './dues/fee-periods.controller';
import { FeePeriodsRepository } from './dues/fee-periods.repository';
import { FeePeriodsService } from './dues/fee-periods.service';
import { FinanceFacts } from './facts/finance-facts';
import { FinanceFactsRepository } from './facts/finance-facts.repository';
import { FeeExceptionsController } from './fees/fee-exceptions.controller';
import { FeeExceptionsRepository } from './fees/fee-exceptions.repository';
import { FeeExceptionsService } from './fees/fee-exceptions.service';
import { FeeSchedulesController } from './fees/fee-schedules.controller';
import { FeeSchedulesImporter } from './fees/fee-schedules.importer';
import { FeeSchedulesRepository } from './fees/fee-schedules.repository';
import { FeeSchedulesService } from './fees/fee-schedules.service';
import { FinanceEvents } from './finance-events';
import { BankStatementsController } from './bank/bank-statements.controller';
import { BankStatementsRepository } from './bank/bank-statements.repository';
import { BankStatementsService } from './bank/bank-statements.service';
import { PayingPupils } from './bank/paying-pupils';
import { BooksController } from './ledger/books.controller';
import { BooksService } from './ledger/books.service';
import { CashMovementsRepository } from './ledger/cash-movements.repository';
import { PupilLabels } from './ledger/pupil-labels';
import { FinanceMonthsController } from './months/finance-months.controller';
import { FinanceMonthsRepository } from './months/finance-months.repository';
import { FinanceMonthsService } from './months/finance-months.service';
import { ReconciliationController } from './reconciliation/reconciliation.controller';
import { ReconciliationRepository } from './reconciliation/reconciliation.repository';
import { ReconciliationService } from './reconciliation/reconciliation.service';
import { CollectionSummaryController } from './summary/collection-summary.controller';
import { CollectionSummaryRepository } from './summary/collection-summary.repository';
import { CollectionSummaryService } from './summary/collection-summary.service';
import { PaymentListImporter } from './payments/import/payment-list-importer';
import { PaymentFilesController } from './payments/payment-files.controller';
import { PaymentViews } from './payments/payment-views';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsExport } from './payments/payments-export';
import { PaymentsRepository } from './payments/payments.repository';
import { PaymentsService } from './payments/payments.service';
import { PublicReceiptsController, ReceiptsController } from './receipts/receipts.controller';
import { ReceiptsService } from './receipts/receipts.service';
import { ExpenseAttachmentsRepository } from './spending/expense-attachments.repository';
import { ExpenseAttachmentsService } from './spending/expense-attachments.service';
import { ExpensesController } from './spending/expenses.controller';
import { ExpensesRepository } from './spending/expenses.repository';
import { ExpensesService } from './spending/expenses.service';

/**
 * School finance (docs/domain/finance.md): the province's tuition levels and fee ranges, each school's fee schedules,
 * what pupils owe with exemptions, reductions, support and the state's reimbursement, payments with numbered
 * receipts, bank statements, the budget and its execution, expense vouchers, the books and their reconciliation.
 * Pupils and their policy groups are read only through the people context's port (PupilRoster).
 */
@Module({
  imports: [PeopleModule, AcademicModule, SpreadsheetsModule],
  controllers: [
    // — part A: the province's settings, fee schedules and exceptions —
    FinanceConfigController,
    SchoolFinanceSettingController,
    FeeSchedulesController,
    FeeExceptionsController,
    // — part B: periods and charges —
    FeePeriodsController,
    ChargesController,
    // — part D: bank, books and reconciliation —
    BankStatementsController,
    BooksController,
    CollectionSummaryController,
    ReconciliationController,
    FinanceMonthsController,
    // — part E: budget, spending and the claim —
    BudgetController,
    ExpensesController,
    ClaimsController,
    // — part C: payments (the files first: payments/export.xlsx must match before payments/:id) —
    PaymentFilesController,
    PaymentsController,
    ReceiptsController,
    PublicReceiptsController,
  ],
  providers: [
    FinanceEvents,
    DocumentNumbers,
    // — part A: the province's settings, fee schedules and exceptions —
    FinanceConfigRepository,
    FinanceConfigService,
    TuitionLevelsImporter,
    FeeSchedulesRepository,
    FeeSchedulesService,
    FeeSchedulesImporter,
    FeeExceptionsRepository,
    FeeExceptionsService,
    // — part B: periods and charges —
    FeePeriodsRepository,
    FeePeriodsService,
    ChargeGenerationRepository,
    ChargeGenerator,
    ChargeRunner,
    ChargeRunQueue,
    ChargeGenerationService,
    ChargesRepository,
    ChargesService,
    DebtorsService,
    // — part D: bank, books and reconciliation —
    FinanceMonthsRepository,
    FinanceMonthsService,
    CashMovementsRepository,
    PupilLabels,
    BooksService,
    CollectionSummaryRepository,
    CollectionSummaryService,
    ReconciliationRepository,
    ReconciliationService,
    BankStatementsRepository,
    PayingPupils,
    BankStatementsService,
    // — part E: budget, spending and the claim —
    BudgetRepository,
    BudgetService,
    BudgetPrintsService,
    ExpensesRepository,
    ExpensesService,
    ExpenseAttachmentsRepository,
    ExpenseAttachmentsService,
    ClaimsRepository,
    ClaimsService,
    // — part C: payments —
    PaymentsRepository,
    PaymentViews,
    PaymentsService,
    PaymentsExport,
    PaymentListImporter,
    ReceiptsService,
    // — part H: the reporting read model's port —
    FinanceFactsRepository,
    FinanceFacts,
  ],
  exports: [FinanceFacts],
})
export class FinanceModule {}

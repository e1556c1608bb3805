export * from './reporting.module';
// For tests and the benchmark: the report cache's counters, the reporting connection's name.
export { ReportCache } from './reports/report-cache';
export { REPORTING_APPLICATION_NAME } from './reports/reporting-db';
export { REPORTING_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateReportingFacts1764500000000 } from './migrations/1764500000000-CreateReportingFacts';
export { CreateStatisticalReports1764500000100 } from './migrations/1764500000100-CreateStatisticalReports';
/** For the app: the full rebuild (CLI `reporting:rebuild`, after the demo seed). */
export { FactsRefresher } from './facts/facts-refresher';
export { CreateReportJobs1764500000200 } from './migrations/1764500000200-CreateReportJobs';
export { CreateAssetTotals1764600000600 } from './migrations/1764600000600-CreateAssetTotals';
export { CreateFinanceTotals1764700000700 } from './migrations/1764700000700-CreateFinanceTotals';

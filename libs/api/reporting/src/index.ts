export * from './reporting.module';
export { REPORTING_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateReportingFacts1764500000000 } from './migrations/1764500000000-CreateReportingFacts';
/** For the app: the full rebuild (CLI `reporting:rebuild`, after the demo seed). */
export { FactsRefresher } from './facts/facts-refresher';

export { REPORTING_ROUTES } from './reporting.routes';
/** The caller's report dashboard, which the app also shows on its home page for the roles that read reports. */
export { ReportsHomePage } from './feature-home/reports-home.page';

export { REPORTING_ROUTES } from './reporting.routes';

export { FINANCE_ROUTES } from './finance.routes';

export { SCHOOLS_ROUTES, AUDIT_ROUTES } from './schools.routes';

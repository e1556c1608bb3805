export { STAFF_ROUTES } from './staff.routes';

export { CLASSES_ROUTES, CALENDAR_ROUTES } from './academic.routes';

export { CLASSES_ROUTES, CALENDAR_ROUTES } from './academic.routes';
export { AcademicApi } from './data-access/academic.api';

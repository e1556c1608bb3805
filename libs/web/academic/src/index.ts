export { CLASSES_ROUTES, CALENDAR_ROUTES } from './academic.routes';
export { AcademicApi, toParams } from './data-access/academic.api';

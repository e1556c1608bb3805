export { STUDENTS_ROUTES } from './students.routes';

export { GRADING_ROUTES } from './grading.routes';

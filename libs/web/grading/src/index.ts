export { GRADING_ROUTES } from './grading.routes';
// The home page's gradebook panel (issue 16); the app loads it from this library's lazy chunk (HOME_PANELS).
export { SchoolHomePanel } from './feature-home/school-home.panel';

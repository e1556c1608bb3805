export { STUDENTS_ROUTES } from './students.routes';
export { ImportPanelComponent } from './ui/import-panel.component';

export { CLASSES_ROUTES, CALENDAR_ROUTES } from './academic.routes';
// Shared list and dialog pieces, also used by the staff pages (until a web/ui library exists).
export { ColumnChoice, type ColumnOption } from './ui/column-choice';
export { ColumnChooserComponent } from './ui/column-chooser.component';
export { ConfirmDialogComponent } from './ui/confirm-dialog.component';
export { PaginatorComponent } from './ui/paginator.component';
export { saveBlob } from './data-access/blob-download';
export { AcademicApi, toParams } from './data-access/academic.api';

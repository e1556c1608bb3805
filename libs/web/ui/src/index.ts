// Shared presentational pieces of the web feature libraries: they take inputs, emit outputs and know no feature.
export { PaginatorComponent, PAGE_SIZES } from './paginator/paginator.component';
export { ColumnChoice, type ColumnOption } from './columns/column-choice';
export { ColumnChooserComponent } from './columns/column-chooser.component';
export { DialogComponent } from './dialog/dialog.component';
export { ConfirmDialogComponent } from './dialog/confirm-dialog.component';
export { ExportReasonDialogComponent } from './dialog/export-reason-dialog.component';
export { saveBlob, saveDownload } from './download/file-download';
export { showPdf } from './download/pdf-window';
export { formatDong, parseDong, groupDong, type ParsedDong } from './money/dong';
export { DongPipe } from './money/dong.pipe';
export { DongInputDirective } from './money/dong-input.directive';
export { FieldMessageComponent } from './form/field-message.component';
export { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_MEGABYTES, attachmentRefusal } from './form/attachment-check';
export { formatEmisDate, type DateStyle } from './format/date-format';
export { formatEmisNumber } from './format/number-format';
export { EmisDatePipe, EmisNumberPipe } from './format/format.pipes';
export { ChartComponent } from './charts/chart.component';
export {
  buildChartOption,
  chartTable,
  formatChartValue,
  NO_VALUE,
  type ChartData,
  type ChartKind,
  type ChartReferenceLine,
  type ChartSeries,
  type ChartTable,
} from './charts/chart-option';
export { PrintHeadingComponent, PrintSignaturesComponent, type PrintIssuer } from './print/print-heading.component';
export { NameCaseDirective } from './form/name-case.directive';
export { DateInputDirective } from './format/date-input.directive';
export { displayToIso, isoToDisplay, maskDateTyping, type TypedDate } from './format/date-input';
export { UNSAVED_DIALOG_GUARD, type UnsavedDialogGuard } from './dialog/unsaved-dialog-guard';
export { ParsedTextInput, type ParsedText } from './form/parsed-text-input';
export { draftChanged } from './dialog/unsaved-dialog-guard';

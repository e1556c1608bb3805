import {
  CellApiModule,
  CellPosition,
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  FocusGridInnerElementParams,
  GridOptions,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  ScrollApiModule,
  TabToNextCellParams,
  TextEditorModule,
  themeQuartz,
  TooltipModule,
} from 'ag-grid-community';
import { GridRow } from './sheet-model';

// Only what the sheet uses: AG Grid 33+ ships every feature as a module, and the clipboard is Enterprise (see grid-paste).
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  TextEditorModule,
  TooltipModule,
  CellStyleModule,
  CellApiModule,
  RenderApiModule,
  RowApiModule,
  ColumnApiModule,
  ScrollApiModule,
]);

/** The house look on AG Grid's theming API: the app's font, blue accent and borders. */
export const GRID_THEME = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  accentColor: '#0b57a4',
  borderColor: '#dde3ec',
  headerBackgroundColor: '#f1f4f8',
  headerFontWeight: 600,
  wrapperBorderRadius: 8,
  cellHorizontalPadding: 10,
});

/** The keyboard hooks the options hand to AG Grid (grid-keys). */
export interface GridOptionHooks {
  tabToNextCell(params: TabToNextCellParams<GridRow>): CellPosition | boolean;
  focusFirstCell(): boolean;
}

/** Excel's habits on AG Grid: Enter moves down, a click elsewhere ends the edit, Tab walks the cells that take input. */
export function gradeGridOptions(hooks: GridOptionHooks): GridOptions<GridRow> {
  return {
    getRowId: (p) => p.data.studentId,
    enterNavigatesVertically: true,
    enterNavigatesVerticallyAfterEdit: true,
    stopEditingWhenCellsLoseFocus: true,
    rowHeight: 36,
    headerHeight: 40,
    tooltipShowDelay: 200,
    suppressMovableColumns: true,
    tabToNextCell: (params) => hooks.tabToNextCell(params),
    focusGridInnerElement: (params: FocusGridInnerElementParams<GridRow>) =>
      !params.fromBottom && hooks.focusFirstCell(),
    defaultColDef: { sortable: false, resizable: true, suppressHeaderMenuButton: true },
  };
}

/**
 * Printing lays every row out (AG Grid draws only the rows in view otherwise): on the browser's print events, and on
 * the print media query for a print preview or a PDF made by a headless browser. Returns what stops listening.
 */
export function followPrinting(layout: (print: boolean) => void): () => void {
  const printing = window.matchMedia('print');
  const onPrintMedia = (event: MediaQueryListEvent) => layout(event.matches);
  const beforePrint = () => layout(true);
  const afterPrint = () => layout(false);
  printing.addEventListener('change', onPrintMedia);
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  return () => {
    printing.removeEventListener('change', onPrintMedia);
    window.removeEventListener('beforeprint', beforePrint);
    window.removeEventListener('afterprint', afterPrint);
  };
}

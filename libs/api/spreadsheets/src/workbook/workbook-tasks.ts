import ExcelJS from 'exceljs';
import type { HeaderRow } from '../importer';
import { CellErrors, LocatedError } from './cell-errors';
import { errorWorkbook } from './error-workbook';
import { ImportFailure, NOT_A_WORKBOOK } from './import-failure';
import { ImportLayout } from './layout';
import { dataSheet, findHeaderRow, headerTexts, mapColumns, readRows, SheetRow } from './sheet-reader';

/**
 * What the workbook worker does with an uploaded file (workbook-worker.ts runs these; WorkbookParser on the API's
 * side sends them): everything that makes exceljs build the file's objects, so that only plain data, bounded by
 * the limits of the pre-scan, ever reaches the API's event loop.
 */
export type WorkbookTask =
  | { kind: 'readSheet'; file: Uint8Array; layout: ImportLayout; headerRow: HeaderRow; maxRows: number }
  | { kind: 'errorWorkbook'; file: Uint8Array; errors: LocatedError[]; headerRow: number }
  | { kind: 'readCells'; file: Uint8Array };

/** The data sheet of an import as plain data: its columns, rows and the cell problems found reading them. */
export interface SheetRead {
  headerRow: number;
  /** Layout key → the sheet's column (a user may reorder the columns). */
  columns: [string, { col: number; header: string }][];
  headers: string[];
  /** Rows 1–20, columns 1–10 of every other sheet, as text (an export's hidden identity sheet is among them). */
  otherSheets: Record<string, string[][]>;
  /** Rows below the header row; when over `maxRows` no row is read. */
  dataRows: number;
  rows: SheetRow[];
  /** Merged cells, formulas, Excel error values, over-long text: found reading the rows. */
  cellErrors: LocatedError[];
}

/** A cell of a sheet read whole (a bank statement): text, a number, a date, a formula's saved result, or nothing. */
export type PlainCell = string | number | boolean | Date | null;

const OTHER_SHEET_ROWS = 20;
const OTHER_SHEET_COLS = 10;

export async function runWorkbookTask(task: WorkbookTask): Promise<SheetRead | Uint8Array | PlainCell[][]> {
  const workbook = await loadWorkbook(task.file);
  switch (task.kind) {
    case 'readSheet':
      return readSheet(workbook, task.layout, task.headerRow, task.maxRows);
    case 'errorWorkbook':
      return annotated(workbook, task.errors, task.headerRow);
    case 'readCells':
      return readCells(dataSheet(workbook));
  }
}

async function loadWorkbook(file: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // Data validations are skipped: exceljs expands each range cell by cell, which a hostile range makes endless.
    await workbook.xlsx.load(Buffer.from(file.buffer, file.byteOffset, file.byteLength) as unknown as ArrayBuffer, {
      ignoreNodes: ['dataValidations'],
    });
  } catch {
    throw new ImportFailure(NOT_A_WORKBOOK);
  }
  return workbook;
}

function readSheet(workbook: ExcelJS.Workbook, layout: ImportLayout, header: HeaderRow, maxRows: number): SheetRead {
  const sheet = dataSheet(workbook);
  const headerRow = typeof header === 'number' ? header : findHeaderRow(sheet, header.anchor, header.notFound);
  const columns = mapColumns(sheet, layout, headerRow);
  const dataRows = Math.max(0, sheet.actualRowCount - headerRow);
  const errors = new CellErrors(new Map([...columns].map(([key, c]) => [key, { col: c.col, header: c.header }])));
  const rows = dataRows > maxRows ? [] : [...readRows(sheet, columns, errors, headerRow)];
  return {
    headerRow,
    columns: [...columns].map(([key, c]) => [key, { col: c.col, header: c.header }]),
    headers: headerTexts(sheet, headerRow),
    otherSheets: Object.fromEntries(workbook.worksheets.slice(1).map((ws) => [ws.name, topLeftTexts(ws)])),
    dataRows,
    rows,
    cellErrors: errors.all(),
  };
}

function topLeftTexts(sheet: ExcelJS.Worksheet): string[][] {
  return Array.from({ length: OTHER_SHEET_ROWS }, (_, r) =>
    Array.from({ length: OTHER_SHEET_COLS }, (_, c) => sheet.findRow(r + 1)?.findCell(c + 1)?.text ?? ''),
  );
}

/**
 * The uploaded workbook handed back with its errors marked, stripped first of whatever could reach out of it once
 * opened: every hyperlink (file://, javascript:, any), every defined name (a name can hide a formula or an external
 * reference) and every external reference (exceljs does not write external-link parts back, and formulas, which
 * could name another workbook, become inert text in errorWorkbook).
 */
async function annotated(workbook: ExcelJS.Workbook, errors: LocatedError[], headerRow: number): Promise<Uint8Array> {
  stripOutwardLinks(workbook);
  return errorWorkbook(workbook, dataSheet(workbook), errors, headerRow);
}

export function stripOutwardLinks(workbook: ExcelJS.Workbook): void {
  workbook.definedNames.model = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Hyperlink) cell.value = (cell.value as ExcelJS.CellHyperlinkValue).text;
      }),
    );
    for (const image of sheet.getImages()) delete (image.range as { hyperlinks?: unknown }).hyperlinks;
  }
}

/** Every row of the sheet, row i of the answer being the sheet's row i + 1, each cell's value without formatting. */
function readCells(sheet: ExcelJS.Worksheet): PlainCell[][] {
  const rows: PlainCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: PlainCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = plainCell(cell.value)));
    rows[r - 1] = Array.from(cells, (v) => v ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** A formula gives the result Excel saved with it (never evaluated here); rich text and links their text. */
function plainCell(value: ExcelJS.CellValue): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined || typeof value.result === 'object' ? null : value.result;
  if ('hyperlink' in value) return String(value.text ?? '');
  return null;
}

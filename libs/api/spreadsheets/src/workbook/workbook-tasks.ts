import ExcelJS from 'exceljs';
import type { HeaderRow } from '../importer';
import { CellErrors, LocatedError } from './cell-errors';
import { errorWorkbook } from './error-workbook';
import { ImportFailure, NOT_A_WORKBOOK } from './import-failure';
import { ImportLayout } from './layout';
import {
  dataSheet,
  headerTextsOfRow,
  mapColumnsOfRow,
  readableColumns,
  readSheetRow,
  rowHasHeader,
  RowView,
  SheetColumn,
  SheetRow,
} from './sheet-reader';
import { readCellFormats, readSharedStrings, readSheetRows, SheetContext } from './streamed-sheet';
import { centralDirectory, inspectXlsx, MergedRange, sheetList, ZipEntry } from './zip-guard';

/**
 * What the workbook worker does with an uploaded file (workbook-worker.ts runs these; WorkbookParser on the API's
 * side sends them): everything that parses the file's XML or makes exceljs build its objects, so that only plain
 * data, bounded by the limits of the pre-scan, ever reaches the API's event loop.
 */
export type WorkbookTask =
  | {
      kind: 'readSheet';
      file: Uint8Array;
      layout: ImportLayout;
      headerRow: HeaderRow;
      maxRows: number;
      /** The message of a file over maxRows (the kind's wording). */
      tooManyRows: string;
      /** Rows per chunk sent to the runner. */
      chunkRows: number;
    }
  | { kind: 'errorWorkbook'; file: Uint8Array; errors: LocatedError[]; headerRow: number }
  | { kind: 'readCells'; file: Uint8Array };

/**
 * What the streamed read of a data sheet sends the runner on its way, each chunk acknowledged before the worker reads
 * on (so neither thread ever holds the file's rows): the header first, then the rows in chunks.
 */
export type SheetChunk =
  | {
      kind: 'head';
      headerRow: number;
      /** The pre-scan's count of the sheet's rows below the header (blank formatted rows included): a first total. */
      estimatedRows: number;
      /** Layout key → the sheet's column (a user may reorder the columns). */
      columns: [string, { col: number; header: string }][];
      headers: string[];
    }
  | {
      kind: 'rows';
      rows: SheetRow[];
      /** Merged cells, formulas, Excel error values, over-long text: found reading these rows. */
      cellErrors: LocatedError[];
    };

/** The data sheet of an import once streamed through, as plain data (its rows went by in chunks). */
export interface SheetRead {
  headerRow: number;
  /** Layout key → the sheet's column (a user may reorder the columns). */
  columns: [string, { col: number; header: string }][];
  headers: string[];
  /** Rows 1–20, columns 1–10 of every other sheet, as text (an export's hidden identity sheet is among them). */
  otherSheets: Record<string, string[][]>;
  /** Rows below the header row holding a value. */
  dataRows: number;
}

/** Sends a chunk to the runner and resolves once the runner has taken it in. */
export type SendChunk = (chunk: SheetChunk) => Promise<void>;

/** A cell of a sheet read whole (a bank statement): text, a number, a date, a formula's saved result, or nothing. */
export type PlainCell = string | number | boolean | Date | null;

const OTHER_SHEET_ROWS = 20;
const OTHER_SHEET_COLS = 10;

export async function runWorkbookTask(
  task: WorkbookTask,
  send: SendChunk,
): Promise<SheetRead | Uint8Array | PlainCell[][]> {
  if (task.kind === 'readSheet') return streamSheet(task, send);
  const workbook = await loadWorkbook(task.file);
  switch (task.kind) {
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

/**
 * Reads the data sheet row by row straight from its XML (streamed-sheet.ts; docs/adr/province-scale-imports.md),
 * after the pre-scan, here in the worker rather than on the API's thread (the upload passed it at the door too): the
 * worker's memory holds the shared strings (as bytes), the cell formats, one chunk of rows and the merged cells,
 * whatever the file's length. The header row is the fixed one or the first of the top 30 holding the anchor, as in
 * a loaded workbook; a cell in a merged range (listed after the rows in the file, so learnt by the pre-scan) is
 * reported as merged.
 */
async function streamSheet(task: Extract<WorkbookTask, { kind: 'readSheet' }>, send: SendChunk): Promise<SheetRead> {
  const file = Buffer.from(task.file.buffer, task.file.byteOffset, task.file.byteLength);
  const list = await sheetList(file);
  const parts = new Map(centralDirectory(file).map((e) => [e.name, e]));
  // A workbook whose list of sheets could not be read: its worksheet parts, in the order of their names.
  const sheets = list.sheets.length
    ? list.sheets
    : [...parts.keys()]
        .filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map((part) => ({ part, name: /([^/]+)\.xml$/.exec(part)![1] }));
  const inspected = await inspectXlsx(file, task.maxRows, sheets[0]?.part);
  if (!sheets.length) throw new ImportFailure('Tệp Excel không có trang tính nào');
  const context: SheetContext = {
    strings: await readSharedStrings(file, parts.get('xl/sharedStrings.xml')),
    formats: await readCellFormats(file, parts.get('xl/styles.xml')),
    date1904: list.date1904,
  };
  const merged = mergedCells(inspected.merges);
  const read = await streamDataSheet(file, parts.get(sheets[0].part)!, context, task, merged, inspected.rows, send);
  const otherSheets: Record<string, string[][]> = {};
  for (const sheet of sheets.slice(1)) otherSheets[sheet.name] = await topLeft(file, parts.get(sheet.part)!, context);
  return { ...read, otherSheets };
}

async function streamDataSheet(
  file: Buffer,
  part: ZipEntry,
  context: SheetContext,
  task: Extract<WorkbookTask, { kind: 'readSheet' }>,
  merged: Set<number>,
  sheetRows: number,
  send: SendChunk,
): Promise<Omit<SheetRead, 'otherSheets'>> {
  const fixed = typeof task.headerRow === 'number' ? task.headerRow : undefined;
  const anchor = typeof task.headerRow === 'number' ? undefined : task.headerRow;
  let header: { row: number; columns: Map<string, SheetColumn>; headers: string[] } | undefined;
  let readable: [string, SheetColumn][] = [];
  let errors = new CellErrors(new Map());
  let rows: SheetRow[] = [];
  let dataRows = 0;
  const isMerged = (r: number) => (_cell: unknown, col: number) => merged.has(cellKey(r, col));
  const flush = async () => {
    if (!rows.length && !errors.count) return;
    await send({ kind: 'rows', rows, cellErrors: errors.all() });
    rows = [];
    errors = new CellErrors(errors.columnMap());
  };
  const open = async (row: RowView | undefined, r: number) => {
    const columns = mapColumnsOfRow(row, task.layout);
    const found = { row: r, columns, headers: headerTextsOfRow(row) };
    readable = readableColumns(columns);
    errors = new CellErrors(new Map([...columns].map(([key, c]) => [key, { col: c.col, header: c.header }])));
    const estimatedRows = Math.max(0, sheetRows - r);
    await send({ kind: 'head', headerRow: r, estimatedRows, columns: plainColumns(columns), headers: found.headers });
    return found;
  };
  await readSheetRows(file, part, context, async (batch) => {
    for (const row of batch) {
      const r = row.number;
      if (!header) {
        if (fixed !== undefined && r >= fixed) header = await open(r === fixed ? row : undefined, fixed);
        else if (anchor && r <= 30 && rowHasHeader(row, anchor.anchor)) header = await open(row, r);
        else if (anchor && r > 30) throw new ImportFailure(anchor.notFound);
        if (!header || r === header.row) continue;
      }
      if (!row.hasValues) continue;
      if (++dataRows > task.maxRows) throw new ImportFailure(task.tooManyRows);
      const sheetRow = readSheetRow(row, r, readable, errors, isMerged(r));
      if (sheetRow) rows.push(sheetRow);
      if (rows.length >= task.chunkRows) await flush();
    }
    return true;
  });
  if (!header) {
    if (anchor) throw new ImportFailure(anchor.notFound);
    header = await open(undefined, fixed ?? 1);
  }
  await flush();
  return {
    headerRow: header.row,
    columns: plainColumns(header.columns),
    headers: header.headers,
    dataRows,
  };
}

function plainColumns(columns: Map<string, SheetColumn>): [string, { col: number; header: string }][] {
  return [...columns].map(([key, c]) => [key, { col: c.col, header: c.header }]);
}

/** The cells of merged ranges, by cellKey (at most UPLOAD_LIMITS.mergedCells of them: the pre-scan refused more). */
function mergedCells(ranges: MergedRange[]): Set<number> {
  const cells = new Set<number>();
  for (const m of ranges)
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) cells.add(cellKey(r, c));
  return cells;
}

function cellKey(row: number, col: number): number {
  // Excel's last column is 16,384.
  return row * 16_384 + col;
}

/** Rows 1–20, columns 1–10 of a sheet, as text (its reading stops past row 20). */
async function topLeft(file: Buffer, part: ZipEntry, context: SheetContext): Promise<string[][]> {
  const cells = Array.from({ length: OTHER_SHEET_ROWS }, () => Array.from({ length: OTHER_SHEET_COLS }, () => ''));
  await readSheetRows(file, part, context, (batch) => {
    for (const row of batch) {
      if (row.number > OTHER_SHEET_ROWS) return false;
      for (let c = 1; c <= OTHER_SHEET_COLS; c++) cells[row.number - 1][c - 1] = row.findCell(c)?.text ?? '';
    }
    return true;
  });
  return cells;
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

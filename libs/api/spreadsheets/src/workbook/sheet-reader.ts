import { isDate } from 'node:util/types';
import ExcelJS from 'exceljs';
import { CellErrors } from './cell-errors';
import { ImportFailure } from './import-failure';
import { ERROR_SUMMARY_HEADER, ImportColumn, ImportLayout } from './layout';
import { tooManyRows } from './zip-guard';

export type CellValue = string | number | Date | boolean;

/** One data row as read: the layout key of each non-empty cell and its value (text trimmed and NFC-normalised). */
export interface SheetRow {
  row: number;
  values: Map<string, CellValue>;
  /** Keys of cells already reported (merged, formula, too long…): not read, and not reported again. */
  flagged: Set<string>;
}

/** What the readers use of a cell: exceljs's loaded cells have it, and so have the streamed reader's. */
export interface CellView {
  readonly value: ExcelJS.CellValue;
  readonly type: ExcelJS.ValueType;
  readonly text: string;
}

/** What the readers use of a row (its cells by column; eachCell: the cells holding a value, left to right). */
export interface RowView {
  findCell(col: number): CellView | undefined;
  eachCell(callback: (cell: CellView, col: number) => void): void;
}

export interface SheetColumn {
  col: number;
  header: string;
  layout: ImportColumn;
}

export const FORMULA_NOT_ALLOWED = 'Công thức không được phép; hãy nhập giá trị';
const DEFAULT_MAX_LENGTH = 500;

/** The data sheet: the first worksheet (the template's guide and lists come after it). */
export function dataSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFailure('Tệp Excel không có trang tính nào');
  return sheet;
}

/**
 * Finds each template column by its header in row `headerRow` (1 for the lists; a gradebook sheet has a title block
 * above it), in any order; a missing column fails the whole file.
 */
export function mapColumns(sheet: ExcelJS.Worksheet, layout: ImportLayout, headerRow = 1): Map<string, SheetColumn> {
  return mapColumnsOfRow(sheet.findRow(headerRow), layout);
}

/** mapColumns on the header row itself (the streamed reader has no sheet to look rows up in). */
export function mapColumnsOfRow(header: RowView | undefined, layout: ImportLayout): Map<string, SheetColumn> {
  const found = new Map<string, number>();
  header?.eachCell((cell, col) => {
    const text = headerKey(cell.text);
    if (text && !found.has(text)) found.set(text, col);
  });
  const columns = new Map<string, SheetColumn>();
  const missing: string[] = [];
  for (const layoutColumn of layout.columns) {
    const col = found.get(headerKey(layoutColumn.header));
    if (col) columns.set(layoutColumn.key, { col, header: layoutColumn.header, layout: layoutColumn });
    else if (!layoutColumn.mayBeMissing) missing.push(layoutColumn.header);
  }
  if (missing.length) {
    throw new ImportFailure(
      `Tệp không đúng mẫu: thiếu cột ${missing.map((h) => `"${h}"`).join(', ')}. Hãy tải mẫu của hệ thống và giữ nguyên dòng tiêu đề.`,
    );
  }
  return columns;
}

/** The first of the top `within` rows with a cell reading `anchor`; a file without one fails with `notFound`. */
export function findHeaderRow(sheet: ExcelJS.Worksheet, anchor: string, notFound: string, within = 30): number {
  for (let r = 1; r <= Math.min(within, sheet.rowCount); r++) if (rowHasHeader(sheet.findRow(r), anchor)) return r;
  throw new ImportFailure(notFound);
}

/** Whether a row holds a cell reading `anchor` (the header row of a sheet with a title block above it). */
export function rowHasHeader(row: RowView | undefined, anchor: string): boolean {
  const wanted = headerKey(anchor);
  let found = false;
  row?.eachCell((cell) => (found ||= headerKey(cell.text) === wanted));
  return found;
}

/** The texts of the header row, without the summary column an earlier error workbook added. */
export function headerTexts(sheet: ExcelJS.Worksheet, headerRow: number): string[] {
  return headerTextsOfRow(sheet.findRow(headerRow));
}

export function headerTextsOfRow(header: RowView | undefined): string[] {
  const texts: string[] = [];
  header?.eachCell((cell) => {
    const text = cell.text.trim();
    if (text && headerKey(text) !== headerKey(ERROR_SUMMARY_HEADER)) texts.push(text);
  });
  return texts;
}

/** Refuses a file with more data rows than one import takes, before any row is read. */
export function assertRowLimit(
  sheet: ExcelJS.Worksheet,
  maxRows: number,
  headerRow = 1,
  message = tooManyRows(maxRows),
): number {
  const dataRows = Math.max(0, sheet.actualRowCount - headerRow);
  if (dataRows > maxRows) throw new ImportFailure(message);
  return dataRows;
}

/**
 * The non-empty data rows, with cell-level problems recorded in `errors`: merged cells, formulas (never
 * evaluated), text that a spreadsheet would take for a formula, Excel error values and over-long text.
 */
export function* readRows(
  sheet: ExcelJS.Worksheet,
  columns: Map<string, SheetColumn>,
  errors: CellErrors,
  headerRow = 1,
): Generator<SheetRow> {
  const readable = readableColumns(columns);
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    const read =
      row && readSheetRow(row, r, readable, errors, (cell) => (cell as ExcelJS.Cell | undefined)?.isMerged === true);
    if (read) yield read;
  }
}

export function readableColumns(columns: Map<string, SheetColumn>): [string, SheetColumn][] {
  return [...columns.entries()].filter(([, column]) => !column.layout.notRead);
}

/**
 * One data row (`r`: its number in the sheet), or undefined when none of its read columns holds anything. `merged`
 * answers whether a cell is part of a merged range: the loaded workbook knows it per cell, the streamed reader from
 * the sheet's merge list read beforehand (mergedCells).
 */
export function readSheetRow(
  row: RowView,
  r: number,
  readable: [string, SheetColumn][],
  errors: CellErrors,
  merged: (cell: CellView | undefined, col: number) => boolean,
): SheetRow | undefined {
  const values = new Map<string, CellValue>();
  const flagged = new Set<string>();
  for (const [key, column] of readable) {
    const cell = row.findCell(column.col);
    const isMerged = merged(cell, column.col);
    if (!cell && !isMerged) continue;
    const problem = isMerged ? MERGED_CELL : cellProblem(cell!);
    const value = problem ? undefined : plainValue(cell!.value);
    const textProblem =
      problem ?? (typeof value === 'string' ? (formulaLike(value) ?? lengthProblem(value, column.layout)) : undefined);
    if (textProblem) {
      errors.atColumn(r, column.col, column.header, textProblem);
      flagged.add(key);
    } else if (value !== undefined) values.set(key, value);
  }
  return values.size || flagged.size ? { row: r, values, flagged } : undefined;
}

const MERGED_CELL = 'Ô đang được gộp (merge) với ô khác; hãy bỏ gộp và nhập giá trị vào từng ô';

function cellProblem(cell: CellView): string | undefined {
  if (cell.type === ExcelJS.ValueType.Formula) return FORMULA_NOT_ALLOWED;
  const value = cell.value as unknown;
  if (value && typeof value === 'object' && 'error' in value)
    return 'Ô chứa giá trị lỗi của Excel (ví dụ #N/A); hãy nhập giá trị';
  return undefined;
}

function plainValue(value: ExcelJS.CellValue): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean' || isDate(value)) return value;
  let text: string;
  if (typeof value === 'string') text = value;
  else if ('richText' in value) text = value.richText.map((part) => part.text).join('');
  else if ('hyperlink' in value) text = String(value.text ?? '');
  else return undefined;
  const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return clean === '' ? undefined : clean;
}

/** Text that a spreadsheet would turn into a formula once copied or exported (OWASP "CSV injection"). */
function formulaLike(text: string): string | undefined {
  return /^[=+\-@]/.test(text) ? FORMULA_NOT_ALLOWED : undefined;
}

function lengthProblem(text: string, column: ImportColumn): string | undefined {
  const max = column.maxLength ?? DEFAULT_MAX_LENGTH;
  return text.length > max ? `Quá dài: tối đa ${max} ký tự (ô có ${text.length} ký tự)` : undefined;
}

export function headerKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

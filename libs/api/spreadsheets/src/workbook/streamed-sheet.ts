import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { ImportFailure, NOT_A_WORKBOOK } from './import-failure';
import type { CellView, RowView } from './sheet-reader';
import { partChunks, ZipEntry } from './zip-guard';

/**
 * The streamed read of an import's sheets, straight from the file's XML (docs/adr/province-scale-imports.md, decision
 * 6): the parts are inflated by the pre-scan's own reader (partChunks, capped at their declared sizes) and parsed by
 * saxes, the XML parser exceljs itself uses. exceljs's streamed reader built an object graph per row and cell that
 * took some 130 MB and 8 s to read a 200,000-row list in the worker; this keeps the shared strings as UTF-8 bytes
 * and a row at a time, about 50 MB and 2 s (docs/benchmarks.md, "The import's memory").
 *
 * It reads what an import takes from a cell, as exceljs's loaded workbook gives it (cell.value): text (shared,
 * inline or rich, phonetic guides left out, `_xHHHH_` escapes decoded), numbers, booleans, dates (a number whose
 * format is a date format, 1900 or 1904 date system, ISO dates), Excel error values, and formulas (never evaluated:
 * an import refuses them). Anything else in the file (formats, widths, comments, pictures) is read past.
 */

/** Excel's limit on a cell's text: longer text is cut here (and reported as too long by the import's checks). */
const CELL_TEXT_MAX = 32_767;

/** Compact shared strings: their UTF-8 bytes end to end and where each ends (a 4-byte offset per string). */
export class SharedStrings {
  private bytes = Buffer.allocUnsafe(1024 * 1024);
  private ends = new Uint32Array(16 * 1024);
  private used = 0;
  private count = 0;

  push(text: string): void {
    const length = Buffer.byteLength(text);
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(text, this.used);
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count++] = this.used;
  }

  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    return this.bytes.toString('utf8', index ? this.ends[index - 1] : 0, this.ends[index]);
  }
}

/** Which cell formats (`s` of a cell: an index into styles.xml's cellXfs) show a number as a date. */
export interface CellFormats {
  isDate(style: number): boolean;
}

/** Excel's built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30, and the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A format code shows a date when, outside its quoted text and [bracketed] parts, it has a date or time token. */
function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The shared strings part, read whole into SharedStrings. */
export async function readSharedStrings(file: Buffer, entry: ZipEntry | undefined): Promise<SharedStrings> {
  const strings = new SharedStrings();
  if (!entry) return strings;
  let text: string[] | undefined;
  let inPhonetic = 0;
  let inText = false;
  await parsePart(file, entry, (parser) => {
    parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'si') text = [];
      else if (name === 'rPh') inPhonetic++;
      else if (name === 't' && text && !inPhonetic) inText = !tag.isSelfClosing;
    });
    parser.on('text', (t) => {
      if (inText) text!.push(t);
    });
    parser.on('cdata', (t) => {
      if (inText) text!.push(t);
    });
    parser.on('closetag', (tag) => {
      const name = localName(tag.name);
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic--;
      else if (name === 'si' && text) {
        strings.push(unescapeText(text.join('')).slice(0, CELL_TEXT_MAX));
        text = undefined;
      }
    });
  });
  return strings;
}

/** The styles part's cell formats, as far as dates go. */
export async function readCellFormats(file: Buffer, entry: ZipEntry | undefined): Promise<CellFormats> {
  const dates: boolean[] = [];
  if (!entry) return { isDate: () => false };
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parsePart(file, entry, (parser) => {
    parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'numFmt') custom.set(Number(tag.attributes['numFmtId']), String(tag.attributes['formatCode'] ?? ''));
      else if (name === 'cellXfs') inCellXfs = !tag.isSelfClosing;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(tag.attributes['numFmtId'] ?? 0));
    });
    parser.on('closetag', (tag) => {
      if (localName(tag.name) === 'cellXfs') inCellXfs = false;
    });
  });
  for (const id of xfFormats) {
    const code = custom.get(id);
    dates.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id));
  }
  return { isDate: (style) => dates[style] === true };
}

/** A cell as read: its value in exceljs's terms (what sheet-reader.ts reads), its type and its text. */
class StreamedCell implements CellView {
  constructor(
    readonly value: ExcelJS.CellValue,
    readonly type: ExcelJS.ValueType,
  ) {}

  get text(): string {
    const value = this.value;
    if (value === null || value === undefined) return '';
    if (typeof value === 'object' && !(value instanceof Date)) {
      if ('error' in value) return String(value.error);
      if ('result' in value) return value.result === undefined ? '' : String(value.result);
      return '';
    }
    return String(value);
  }
}

/** A row as read: its number in the sheet and its cells by column. */
export class StreamedRow implements RowView {
  readonly cells = new Map<number, StreamedCell>();

  constructor(readonly number: number) {}

  get hasValues(): boolean {
    for (const cell of this.cells.values()) if (cell.value !== null) return true;
    return false;
  }

  findCell(col: number): StreamedCell | undefined {
    return this.cells.get(col);
  }

  eachCell(callback: (cell: StreamedCell, col: number) => void): void {
    for (const col of [...this.cells.keys()].sort((a, b) => a - b)) {
      const cell = this.cells.get(col)!;
      if (cell.value !== null) callback(cell, col);
    }
  }
}

/** What reading a sheet needs from the rest of the workbook. */
export interface SheetContext {
  strings: SharedStrings;
  formats: CellFormats;
  date1904: boolean;
}

/**
 * The rows of a sheet part, a batch at a time (the rows one inflated chunk completes), in the sheet's order; rows
 * without cells are passed by. Stops reading once `onRows` answers false.
 */
export async function readSheetRows(
  file: Buffer,
  entry: ZipEntry,
  context: SheetContext,
  onRows: (rows: StreamedRow[]) => Promise<boolean> | boolean,
): Promise<void> {
  let done: StreamedRow[] = [];
  let row: StreamedRow | undefined;
  let lastRow = 0;
  let lastCol = 0;
  let cell: { col: number; type: string; style: number; formula: boolean; text: string[] | undefined } | undefined;
  let inValue = false;
  let inInline = 0;
  let inPhonetic = 0;
  const take = (t: string) => {
    if (inValue && !inPhonetic) cell!.text!.push(t);
  };
  await parsePart(
    file,
    entry,
    (parser) => {
      parser.on('opentag', (tag) => {
        switch (localName(tag.name)) {
          case 'row': {
            const r = Number(tag.attributes['r']);
            lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
            lastCol = 0;
            row = new StreamedRow(lastRow);
            break;
          }
          case 'c': {
            const ref = tag.attributes['r'];
            const col = typeof ref === 'string' && ref ? columnOf(ref) : lastCol + 1;
            lastCol = col;
            cell = {
              col,
              type: String(tag.attributes['t'] ?? 'n'),
              style: Number(tag.attributes['s'] ?? 0),
              formula: false,
              text: undefined,
            };
            break;
          }
          case 'f':
            if (cell) cell.formula = true;
            break;
          case 'v':
            if (cell && !inInline) {
              cell.text = [];
              inValue = !tag.isSelfClosing;
            }
            break;
          case 'is':
            if (cell) {
              inInline++;
              cell.text = [];
            }
            break;
          case 'rPh':
            inPhonetic++;
            break;
          case 't':
            if (cell && inInline) inValue = !tag.isSelfClosing;
            break;
        }
      });
      parser.on('text', take);
      parser.on('cdata', take);
      parser.on('closetag', (tag) => {
        switch (localName(tag.name)) {
          case 'v':
          case 't':
            inValue = false;
            break;
          case 'is':
            inInline--;
            break;
          case 'rPh':
            inPhonetic--;
            break;
          case 'c':
            if (cell && row) row.cells.set(cell.col, cellOf(cell, context));
            cell = undefined;
            break;
          case 'row':
            if (row?.cells.size) done.push(row);
            row = undefined;
            break;
        }
      });
    },
    async () => {
      if (!done.length) return true;
      const rows = done;
      done = [];
      return onRows(rows);
    },
  );
}

function cellOf(
  read: { type: string; style: number; formula: boolean; text: string[] | undefined },
  context: SheetContext,
): StreamedCell {
  const raw = read.text?.join('');
  // A formula is refused whatever it holds (an import never evaluates one): its saved result is kept as text only.
  if (read.formula) return new StreamedCell({ formula: '', result: raw }, ExcelJS.ValueType.Formula);
  const value = valueOf(read.type, raw, read.style, context);
  return new StreamedCell(value, typeOf(value));
}

function typeOf(value: ExcelJS.CellValue): ExcelJS.ValueType {
  if (value === null || value === undefined) return ExcelJS.ValueType.Null;
  if (typeof value === 'string') return ExcelJS.ValueType.String;
  if (typeof value === 'number') return ExcelJS.ValueType.Number;
  if (typeof value === 'boolean') return ExcelJS.ValueType.Boolean;
  if (value instanceof Date) return ExcelJS.ValueType.Date;
  return ExcelJS.ValueType.Error;
}

function valueOf(type: string, raw: string | undefined, style: number, context: SheetContext): ExcelJS.CellValue {
  if (raw === undefined) return null;
  switch (type) {
    case 's':
      return context.strings.get(Number(raw)) ?? null;
    case 'inlineStr':
      return unescapeText(raw).slice(0, CELL_TEXT_MAX);
    case 'str':
      return raw.slice(0, CELL_TEXT_MAX);
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return { error: raw.trim() } as ExcelJS.CellErrorValue;
    case 'd': {
      const date = new Date(raw.trim());
      return Number.isNaN(date.getTime()) ? raw : date;
    }
    default: {
      if (raw.trim() === '') return null;
      const n = Number(raw);
      if (Number.isNaN(n)) return raw.slice(0, CELL_TEXT_MAX);
      return context.formats.isDate(style) ? excelDate(n, context.date1904) : n;
    }
  }
}

/** A date serial number as the Date it shows (UTC midnight for a whole day), as exceljs reads it. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25_569 + (date1904 ? 1_462 : 0)) * 86_400_000));
}

/** Excel's escape of characters XML cannot hold in text, `_x000D_` (ECMA-376 Part 1, 22.9.2.19 ST_Xstring). */
function unescapeText(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  return col || 1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Parses one part with saxes, chunk by chunk as it inflates (UTF-8 decoded across the chunks' edges); `afterChunk`
 * runs once each chunk is parsed and may stop the read by answering false. Malformed XML fails the file.
 */
async function parsePart(
  file: Buffer,
  entry: ZipEntry,
  listen: (parser: SaxesParser) => void,
  afterChunk?: () => Promise<boolean> | boolean,
): Promise<void> {
  const parser = new SaxesParser({ position: false });
  let failed: Error | undefined;
  parser.on('error', (error) => (failed ??= error));
  listen(parser);
  const decoder = new StringDecoder('utf8');
  for await (const chunk of partChunks(file, entry)) {
    parser.write(decoder.write(chunk));
    if (failed) throw new ImportFailure(NOT_A_WORKBOOK);
    if (afterChunk && !(await afterChunk())) return;
  }
  parser.write(decoder.end());
  parser.close();
  if (failed) throw new ImportFailure(NOT_A_WORKBOOK);
  await afterChunk?.();
}

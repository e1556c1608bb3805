import { ImportFailure, PlainCell, readWorkbookCells } from '@emis/api/spreadsheets';

/** A cell of a statement as read: text (trimmed, NFC), a number, a date, or nothing. */
export type StatementCell = string | number | Date | null;

/** The lines one statement may hold (a month of a large school's transfers is a few thousand). */
export const MAX_STATEMENT_LINES = 20_000;

/** Rows above and below the lines a bank's export may add (its title block, the balances, the totals). */
const SPARE_ROWS = 200;

export interface StatementUpload {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/**
 * The rows of an uploaded statement, whatever the bank wrote it as: an Excel workbook (.xlsx, its first sheet) or a
 * text file of comma-, semicolon- or tab-separated values (.csv, UTF-8). Row i of the answer is the file's row i + 1.
 * A file that is neither fails with ImportFailure and a Vietnamese message.
 */
export async function readStatementFile(file: StatementUpload): Promise<StatementCell[][]> {
  if (/\.xlsx$/i.test(file.originalname)) return readXlsx(file.buffer);
  if (/\.csv$/i.test(file.originalname)) return readCsv(file.buffer);
  throw new ImportFailure('Chỉ nhận sao kê dạng Excel (.xlsx) hoặc CSV (.csv)');
}

/** Parsed in the workbook worker after the pre-scan, as every uploaded workbook is (docs/security/imports.md). */
async function readXlsx(buffer: Buffer): Promise<StatementCell[][]> {
  const rows = await readWorkbookCells(buffer, MAX_STATEMENT_LINES + SPARE_ROWS);
  return rows.map((row) => row.map(statementCell));
}

/** A cell's value as a statement reads it: text trimmed and NFC, a yes/no as its word. */
function statementCell(value: PlainCell): StatementCell {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return text(value);
  return value;
}

function text(value: string): string | null {
  const clean = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  return clean === '' ? null : clean;
}

function readCsv(buffer: Buffer): StatementCell[][] {
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new ImportFailure('Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: "CSV UTF-8")');
  }
  const rows = csvCells(content.replace(/^\uFEFF/, ''));
  if (rows.length > MAX_STATEMENT_LINES + SPARE_ROWS) throw new ImportFailure(tooManyLines());
  return rows;
}

/** The cells of CSV text as a statement's: trimmed, NFC, an empty field nothing (CSV holds no numbers or dates). */
export function csvCells(content: string): StatementCell[][] {
  return parseCsv(content).map((row) => row.map(text));
}

/**
 * RFC 4180 text: fields in double quotes may hold the separator, line breaks and doubled quotes. The separator is
 * the one of comma, semicolon and tab found most often outside quotes in the first lines (Excel writes ';' where
 * the decimal mark is ',').
 */
export function parseCsv(content: string): string[][] {
  const separator = detectSeparator(content);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quoted) {
      if (ch === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && content[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

function detectSeparator(content: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  let lines = 0;
  for (const ch of content) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n' && ++lines >= 30) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export function tooManyLines(): string {
  return `Sao kê có quá nhiều dòng: tối đa ${MAX_STATEMENT_LINES.toLocaleString('vi-VN')} dòng mỗi lần nhập; hãy chia thành nhiều tệp`;
}

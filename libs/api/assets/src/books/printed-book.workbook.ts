import { officialHeaderFooter, officialIssuer, officialPageSetup, sheetText } from '@emis/api/platform';
import ExcelJS from 'exceljs';
import { BOOK_SIGNATURES, BookCell, BookColumn, BookFormat, PrintedBook } from './printed-book';

/** The first row of the table's headings; the title block sits above it. */
export const BOOK_HEADER_ROW = 6;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const NUMBER_FORMATS: Partial<Record<BookFormat, string>> = {
  money: '#,##0',
  quantity: '#,##0',
  date: 'dd/mm/yyyy',
  rate: '0.##',
};

/**
 * The book in Excel, A4 landscape: title block, two heading rows (group headings merged over their columns), the
 * column numbers row of the printed forms, the lines, and the signatures. Figures are values, not formulas, so the
 * file shows what Emis computed even where formulas are recalculated differently.
 */
export async function bookWorkbook(book: PrintedBook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Emis';
  // The official page set-up of every list (A4 landscape, one page wide, the heading rows on every page) and the
  // unit and title in the printed page's header (docs/domain/records.md, "Official papers").
  const sheet = workbook.addWorksheet(book.title.slice(0, 31).replace(/[:\\/?*[\]]/g, ' '), {
    pageSetup: officialPageSetup({ headerRows: [BOOK_HEADER_ROW, BOOK_HEADER_ROW + 2] }),
    headerFooter: officialHeaderFooter({ governingBody: book.governingBody, school: book.unitName, title: book.title }),
    views: [{ state: 'frozen', ySplit: BOOK_HEADER_ROW + 2 }],
  });
  sheet.columns = book.columns.map((c) => ({ width: c.width }));
  titleBlock(sheet, book);
  headings(sheet, book.columns);
  let at = BOOK_HEADER_ROW + 2;
  for (const line of book.lines) {
    const row = sheet.getRow(++at);
    line.cells.forEach((value, i) => writeCell(row.getCell(i + 1), value, book.columns[i]));
    if (line.kind) row.font = { bold: true };
    if (line.kind === 'group') sheet.mergeCells(at, 1, at, book.columns.length);
    for (let c = 1; c <= book.columns.length; c++) row.getCell(c).border = THIN;
  }
  signatures(sheet, at + 2, book.columns.length);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function titleBlock(sheet: ExcelJS.Worksheet, book: PrintedBook): void {
  const width = book.columns.length;
  const left = Math.max(1, Math.floor(width / 2));
  // The governing body's line above the unit's (officialIssuer), in rows 1 and 2 at the left; the unit alone in row 1
  // when no governing body is known.
  const governing = officialIssuer({ governingBody: book.governingBody });
  const lines = [...governing, `Đơn vị: ${book.unitName}`];
  lines.forEach((text, i) => {
    sheet.mergeCells(i + 1, 1, i + 1, left);
    sheet.getCell(i + 1, 1).value = sheetText(text);
    sheet.getCell(i + 1, 1).font = { bold: i === lines.length - 1 };
  });
  sheet.mergeCells(1, left + 1, 1, width);
  sheet.getCell(1, left + 1).value = book.formNumber;
  sheet.getCell(1, left + 1).font = { bold: true };
  sheet.mergeCells(2, left + 1, 2, width);
  sheet.getCell(2, left + 1).value = book.formNote;
  sheet.getCell(2, left + 1).font = { italic: true, size: 9 };
  for (const r of [1, 2]) sheet.getCell(r, left + 1).alignment = { horizontal: 'center', wrapText: true };
  centred(sheet, 3, width, book.title, { bold: true, size: 14 });
  centred(sheet, 4, width, book.subtitle, { bold: true });
}

/** Row 1 of the headings holds a group heading or, merged down, a column's own; row 2 the grouped columns'. */
function headings(sheet: ExcelJS.Worksheet, columns: BookColumn[]): void {
  const top = BOOK_HEADER_ROW;
  columns.forEach((column, i) => {
    const col = i + 1;
    if (!column.group) {
      sheet.mergeCells(top, col, top + 1, col);
      sheet.getCell(top, col).value = column.header;
    } else {
      sheet.getCell(top + 1, col).value = column.header;
      if (columns[i - 1]?.group !== column.group) {
        let end = col;
        while (columns[end]?.group === column.group) end++;
        if (end > col) sheet.mergeCells(top, col, top, end);
        sheet.getCell(top, col).value = column.group;
      }
    }
  });
  sheet.getRow(top + 1).height = 42;
  for (const r of [top, top + 1, top + 2]) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= columns.length; c++) {
      const cell = row.getCell(c);
      cell.border = THIN;
      cell.font = { bold: r < top + 2, italic: r === top + 2 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      if (r === top + 2) cell.value = c;
    }
  }
}

function writeCell(cell: ExcelJS.Cell, value: BookCell, column: BookColumn): void {
  if (value === null) return;
  if (column.format === 'date' && typeof value === 'string') cell.value = new Date(`${value}T00:00:00Z`);
  else cell.value = typeof value === 'string' ? sheetText(value) : value;
  const format = NUMBER_FORMATS[column.format];
  if (format) cell.numFmt = format;
  if (column.format === 'date') cell.alignment = { horizontal: 'center' };
}

function signatures(sheet: ExcelJS.Worksheet, from: number, width: number): void {
  const at = [1, Math.ceil(width / 2), width];
  sheet.getCell(from, width).value = '…, ngày … tháng … năm …';
  sheet.getCell(from, width).alignment = { horizontal: 'right' };
  BOOK_SIGNATURES.forEach((s, i) => {
    const title = sheet.getCell(from + 1, at[i]);
    title.value = s.title;
    title.font = { bold: true };
    const note = sheet.getCell(from + 2, at[i]);
    note.value = s.note;
    note.font = { italic: true };
    title.alignment = note.alignment = { horizontal: 'center' };
  });
}

function centred(sheet: ExcelJS.Worksheet, row: number, width: number, value: string, font: Partial<ExcelJS.Font>) {
  sheet.mergeCells(row, 1, row, width);
  const cell = sheet.getCell(row, 1);
  cell.value = sheetText(value);
  cell.font = font;
  cell.alignment = { horizontal: 'center' };
}

import type ExcelJS from 'exceljs';

/**
 * Who issues a printed list: the governing body (cơ quan chủ quản: the department, or the commune's People's
 * Committee), the school and the list's title. Papers a school hands in carry these lines at the top left
 * (docs/domain/records.md, "Official papers").
 */
export interface OfficialHeading {
  governingBody?: string | null;
  school?: string | null;
  title: string;
  /** The principal, named under the signature block's "Hiệu trưởng" when a list carries one. */
  principalName?: string | null;
}

/** The print layout of every list Emis exports: A4 landscape, as wide as the page, the header rows on every page. */
export interface OfficialLayout {
  /** The rows printed at the top of every page (the column headers), 1-based and inclusive. */
  headerRows: [number, number];
}

/**
 * The page set-up of an exported list: A4 landscape, fitted to one page wide and as many pages tall as it needs,
 * with the header rows repeated on every page (print titles). Excel and LibreOffice honour these when printing.
 */
export function officialPageSetup(layout: OfficialLayout): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${layout.headerRows[0]}:${layout.headerRows[1]}`,
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/**
 * The issuer's lines at the top left of an official paper, in capitals: the governing body ("UBND HUYỆN …" or "SỞ
 * GIÁO DỤC VÀ ĐÀO TẠO …"), then the school; a line not known is left out (docs/domain/records.md, "Official papers").
 * Every workbook and PDF that carries the issuer takes its lines from here.
 */
export function officialIssuer(heading: Pick<OfficialHeading, 'governingBody' | 'school'>): string[] {
  return [heading.governingBody, heading.school].filter((l): l is string => !!l?.trim()).map((l) => l.toUpperCase());
}

/** In a header or footer `&` starts a code, so a literal one is doubled. */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * The printed page's header and footer: the governing body and school at the left, the title in the middle, the
 * page number at the right of the footer. `watermark` (personal data) goes at the right of the header and the left
 * of the footer, so every printed page names who exported it.
 */
export function officialHeaderFooter(heading: OfficialHeading, watermark?: string): Partial<ExcelJS.HeaderFooter> {
  const issuer = officialIssuer(heading).map(headerFooterText).join('\n');
  const mark = watermark ? headerFooterText(watermark) : '';
  const header = `${issuer ? `&L&8${issuer}` : ''}&C&B${headerFooterText(heading.title)}&B${mark ? `&R&8${mark}` : ''}`;
  const footer = `${mark ? `&L&8${mark}` : ''}&RTrang &P/&N · Page &P/&N`;
  return { oddHeader: header, oddFooter: footer };
}

/**
 * A text as an .xlsx cell holds it. A cell whose type is string (what exceljs writes for a JS string) is never read
 * as a formula by Excel or LibreOffice, so a text starting with = + - @ stays as the user typed it — no apostrophe
 * shows. The CSV path, where every field is re-parsed, keeps the apostrophe (neutraliseFormula).
 */
export function sheetText(value: string): string {
  return value;
}

/**
 * The signature block under an official list: the place and date line, then "Người lập biểu" at the left and
 * "Hiệu trưởng" at the right, with room to sign. Returns the last row used.
 */
export function writeSignatureBlock(
  sheet: Pick<ExcelJS.Worksheet, 'getRow'>,
  firstRow: number,
  columns: number,
  signer: { title: string; name?: string | null } = { title: 'HIỆU TRƯỞNG' },
): number {
  const right = Math.max(2, columns - 2);
  const dateRow = sheet.getRow(firstRow);
  dateRow.getCell(right).value = '…………, ngày …… tháng …… năm ……';
  dateRow.getCell(right).font = { italic: true };
  const titles = sheet.getRow(firstRow + 1);
  titles.getCell(1).value = 'NGƯỜI LẬP BIỂU';
  titles.getCell(right).value = signer.title;
  titles.font = { bold: true };
  const notes = sheet.getRow(firstRow + 2);
  notes.getCell(1).value = '(Ký, ghi rõ họ tên)';
  notes.getCell(right).value = '(Ký tên, đóng dấu)';
  notes.font = { italic: true };
  const names = sheet.getRow(firstRow + 6);
  if (signer.name) names.getCell(right).value = signer.name;
  names.font = { bold: true };
  return firstRow + 6;
}

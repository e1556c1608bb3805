import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { ExportWatermark, watermarkText } from '../watermark/export-watermark';
import {
  OfficialHeading,
  officialHeaderFooter,
  officialPageSetup,
  sheetText,
  writeSignatureBlock,
} from './official-sheet';

export interface ExportColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | Date | null | undefined;
}

/**
 * A text that a spreadsheet could take for a formula: one starting with =, +, -, @, or a tab / carriage return
 * (OWASP "CSV injection"). For CSV, where every field is re-parsed on opening, it is written with a leading
 * apostrophe. An .xlsx string cell is never a formula, so workbooks write the text as it is (sheetText).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface XlsxOptions {
  /** Personal data: the exporting account and the time, in the page header and footer and the file's properties. */
  watermark?: ExportWatermark;
  /** The governing body, school and title printed at the top of every page; the sheet's title when not given. */
  heading?: OfficialHeading;
  /**
   * The signature block under the last row (preparer; principal, named from the heading). Only for a list that is
   * not imported back: an import would read the block's lines as data rows.
   */
  signatures?: boolean;
}

/**
 * Streams rows into an .xlsx download without holding the workbook in memory: each row is committed as it is
 * written. `rows` may be an async iterable (a cursor) so a long list never sits in memory either.
 */
export async function streamXlsx<T>(
  res: Response,
  fileName: string,
  sheetTitle: string,
  columns: ExportColumn<T>[],
  rows: Iterable<T> | AsyncIterable<T>,
  options: XlsxOptions = {},
): Promise<number> {
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  if (options.watermark) stampWorkbook(workbook, options.watermark);
  const heading = options.heading ?? { title: sheetTitle };
  const sheet = workbook.addWorksheet(sheetTitle.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: officialPageSetup({ headerRows: [1, 1] }),
    headerFooter: officialHeaderFooter(heading, options.watermark && watermarkText(options.watermark)),
  });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  const values: (string | number | Date | null)[] = new Array(columns.length);
  for await (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      const v = columns[i].value(row);
      values[i] = typeof v === 'string' ? sheetText(v) : (v ?? null);
    }
    const added = sheet.addRow(values);
    // Every data cell shares one style object (two: dates keep their date format). exceljs gives each new cell a fresh
    // empty style, which its writer then renders to XML to look up — most of a 50,000-row export's time (CPU profile,
    // docs/benchmarks.md "export-50k"); a style object it has seen is looked up by identity. The file is the same.
    added.eachCell({ includeEmpty: true }, (cell) => {
      cell.style = cell.value instanceof Date ? DATE_STYLE : PLAIN_STYLE;
    });
    added.commit();
    count++;
  }
  if (options.signatures) {
    writeSignatureBlock(sheet, count + 3, columns.length, { title: 'HIỆU TRƯỞNG', name: heading.principalName });
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/** The data cells' shared styles (streamXlsx): no font, fill or border of their own, as exceljs would give them. */
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const DATE_STYLE: Partial<ExcelJS.Style> = {};

/** The file's properties (File → Info) name the exporting account: they travel with every copy. */
function stampWorkbook(workbook: ExcelJS.Workbook, w: ExportWatermark): void {
  const text = watermarkText(w);
  workbook.creator = `${w.fullName} (${w.username})`;
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = w.at;
  workbook.modified = w.at;
  workbook.description = text;
  workbook.keywords = 'Emis; dữ liệu cá nhân; personal data';
}

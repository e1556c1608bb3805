import ExcelJS from 'exceljs';
import { LocatedError } from './cell-errors';
import { ERROR_SUMMARY_HEADER } from './layout';

/** Light red, as Excel's own "bad" cell style. */
const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

/**
 * The uploaded workbook given back with each bad cell filled light red and commented, and a last column "Lỗi"
 * summarising each bad row. Formulas anywhere in the file are turned into inert text first, so the file we
 * hand out can never compute anything (the import never evaluates them either).
 */
export async function errorWorkbook(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  errors: LocatedError[],
  headerRow = 1,
): Promise<Buffer> {
  workbook.worksheets.forEach(neutraliseFormulas);
  const summaryCol = summaryColumn(sheet, headerRow);
  clearPreviousRound(sheet, summaryCol, headerRow);
  const byCell = new Map<string, LocatedError[]>();
  const byRow = new Map<number, LocatedError[]>();
  for (const e of errors) {
    byCell.set(`${e.row}:${e.col}`, [...(byCell.get(`${e.row}:${e.col}`) ?? []), e]);
    byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  }
  for (const list of byCell.values()) {
    const cell = sheet.getCell(list[0].row, list[0].col);
    cell.style = { ...cell.style, fill: ERROR_FILL };
    cell.note = list.map((e) => e.message).join('\n');
  }
  const header = sheet.getCell(headerRow, summaryCol);
  header.value = ERROR_SUMMARY_HEADER;
  header.style = { ...header.style, font: { bold: true, color: { argb: 'FF9C0006' } }, fill: ERROR_FILL };
  sheet.getColumn(summaryCol).width = 60;
  for (const [row, list] of byRow) {
    const cell = sheet.getCell(row, summaryCol);
    cell.value = list.map((e) => `${e.column} (${e.header}): ${e.message}`).join('; ');
    cell.style = { ...cell.style, alignment: { wrapText: true, vertical: 'top' } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function neutraliseFormulas(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // The text platform's neutraliseFormula makes of a formula (a leading apostrophe), written here so that the
      // workbook worker, which builds this file, loads exceljs alone and not the API's platform library.
      if (cell.type === ExcelJS.ValueType.Formula) cell.value = `'=${cell.formula ?? ''}`;
    });
  });
}

/** The "Lỗi" column of an earlier round when the user uploads a corrected error workbook, else a new last column. */
function summaryColumn(sheet: ExcelJS.Worksheet, headerRow: number): number {
  let last = 0;
  let existing = 0;
  sheet.findRow(headerRow)?.eachCell((cell, col) => {
    last = Math.max(last, col);
    if (cell.text.trim() === ERROR_SUMMARY_HEADER) existing = col;
  });
  return existing || last + 1;
}

/** A corrected cell must not stay red from the previous round (its old note stays: exceljs cannot remove one). */
function clearPreviousRound(sheet: ExcelJS.Worksheet, summaryCol: number, headerRow: number): void {
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= headerRow) return;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col === summaryCol) cell.value = null;
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      if (fill?.fgColor?.argb === 'FFFFC7CE') cell.style = { ...cell.style, fill: undefined };
    });
  });
}

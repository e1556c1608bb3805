import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@emis/contracts';
import ExcelJS from 'exceljs';
import { columnLetter } from './cell-errors';
import { ImportColumn, ImportLayout } from './layout';

const LISTS_SHEET = 'Danh mục';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** exceljs 4.4 has range data validations but its typings omit them. */
interface WithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/**
 * The template of a list: the data sheet with its headers only (frozen, sized, dates formatted dd/mm/yyyy,
 * dropdowns), a guide sheet with one line per column and an example, and a hidden sheet holding the dropdown
 * lists (Excel caps an inline list at 255 characters; the 54 ethnic groups do not fit).
 */
export async function buildTemplate(layout: ImportLayout, classNames: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Emis';
  const data = workbook.addWorksheet(layout.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  addGuide(workbook, layout);
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  data.columns = layout.columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: columnStyle(c) }));
  const header = data.getRow(1);
  header.height = 30;
  header.eachCell((cell) => {
    cell.style = {
      font: { bold: true },
      fill: HEADER_FILL,
      alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
    };
  });
  let listCol = 0;
  layout.columns.forEach((column, index) => {
    const choices = column.choices === 'classes' ? classNames : column.choices;
    if (!choices?.length) return;
    listCol++;
    lists.getCell(1, listCol).value = column.header;
    choices.forEach((choice, i) => (lists.getCell(i + 2, listCol).value = choice));
    const letter = columnLetter(index + 1);
    const source = `'${LISTS_SHEET}'!$${columnLetter(listCol)}$2:$${columnLetter(listCol)}$${choices.length + 1}`;
    (data as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${IMPORT_MAX_ROWS + 1}`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [source],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: column.header,
      error: 'Hãy chọn một giá trị trong danh sách',
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function columnStyle(column: ImportColumn): Partial<ExcelJS.Style> {
  if (column.kind === 'date') return { numFmt: 'dd/mm/yyyy' };
  // Text format keeps the leading zeros of ids and phone numbers.
  if (column.kind === 'text') return { numFmt: '@' };
  return {};
}

function addGuide(workbook: ExcelJS.Workbook, layout: ImportLayout): void {
  const guide = workbook.addWorksheet('Hướng dẫn', { views: [{ state: 'frozen', ySplit: 5 }] });
  guide.columns = [{ width: 8 }, { width: 26 }, { width: 12 }, { width: 80 }, { width: 30 }];
  guide.getCell('A1').value = layout.guideTitle ?? 'Hướng dẫn nhập dữ liệu';
  guide.getCell('A1').font = { bold: true, size: 14 };
  guide.getCell('A2').value =
    `Nhập dữ liệu vào trang "${layout.sheetName}" từ dòng 2, giữ nguyên dòng tiêu đề. Mỗi lần nhập tối đa ${IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng, tệp không quá ${IMPORT_MAX_BYTES / 1048576} MB. Không gộp ô, không dùng công thức.`;
  guide.getCell('A3').value =
    'Hệ thống kiểm tra mọi dòng trước khi ghi: nếu có lỗi thì không ghi gì và trả lại chính tệp này với các ô lỗi tô đỏ kèm ghi chú. Nhập lại cùng một tệp không làm thay đổi dữ liệu.';
  const head = guide.getRow(5);
  head.values = ['Cột', 'Tiêu đề', 'Bắt buộc', 'Hướng dẫn', 'Ví dụ'];
  head.eachCell((cell) => (cell.style = { font: { bold: true }, fill: HEADER_FILL }));
  layout.columns.forEach((column, i) => {
    const row = guide.getRow(6 + i);
    // Examples are written as text: an example is never taken for a formula or a number.
    row.values = [columnLetter(i + 1), column.header, column.required ? 'Có' : '', column.guide, column.example];
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(5).numFmt = '@';
  });
}

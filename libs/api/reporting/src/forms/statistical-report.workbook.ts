import type { StatisticalReport, StatisticalSection } from '@emis/contracts';
import { formLabel, SECTION_DEFINITIONS, STATISTICAL_FORMS } from '@emis/domain';
import { officialPageSetup, sheetText } from '@emis/api/platform';
import ExcelJS from 'exceljs';
import type { Response } from 'express';

/** The row of a sheet's column headings; the title block sits above it. */
export const STATISTICAL_HEADER_ROW = 7;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * A statistical report in the official layout schools and the department print and sign: one sheet per section, each
 * with the title block (reporting unit, school year, the form's number "Biểu số …") and the signature block
 * ("Người lập biểu" / "Thủ trưởng đơn vị"). A form is a few hundred cells: built in memory, then sent.
 */
export async function sendStatisticalWorkbook(res: Response, report: StatisticalReport): Promise<void> {
  const workbook = statisticalWorkbook(report);
  const kind = report.kind === 'START_OF_YEAR' ? 'dau-nam' : 'cuoi-nam';
  const fileName = `bao-cao-thong-ke-${kind}-${report.yearCode}-${report.schoolCode}.xlsx`;
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  await workbook.xlsx.write(res);
  res.end();
}

export function statisticalWorkbook(report: StatisticalReport): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Emis';
  const used = new Set<string>();
  for (const section of report.sections) {
    const title = SECTION_DEFINITIONS[section.code]?.title.vi ?? section.code;
    // Sheet names: at most 31 characters, none of : \ / ? * [ ], unique.
    let name = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
    while (used.has(name)) name = `${name.slice(0, 28)} ${used.size}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name, {
      pageSetup: officialPageSetup({ headerRows: [STATISTICAL_HEADER_ROW, STATISTICAL_HEADER_ROW] }),
    });
    sectionSheet(sheet, report, section, title);
  }
  return workbook;
}

function sectionSheet(sheet: ExcelJS.Worksheet, report: StatisticalReport, section: StatisticalSection, title: string) {
  const form = STATISTICAL_FORMS[report.kind];
  const width = section.columns.length + 2;
  sheet.columns = [{ width: 6 }, { width: 34 }, ...section.columns.map(() => ({ width: 14 }))];

  sheet.getCell(1, 1).value = text(`Đơn vị báo cáo: ${report.schoolName} (${report.schoolCode})`);
  sheet.getCell(1, 1).font = { bold: true };
  sheet.getCell(1, width).value = `Biểu số ${form.number}`;
  sheet.getCell(1, width).font = { bold: true };
  sheet.getCell(1, width).alignment = { horizontal: 'right' };
  sheet.getCell(2, 1).value = `Năm học: ${report.yearCode}`;
  centred(sheet, 3, width, `${form.title.vi.toUpperCase()} ${report.yearCode}`, { bold: true, size: 13 });
  centred(sheet, 4, width, title, { bold: true });
  centred(sheet, 5, width, statusLine(report), { italic: true });

  const header = sheet.getRow(STATISTICAL_HEADER_ROW);
  header.values = ['STT', 'Chỉ tiêu', ...section.columns.map((c) => formLabel(c, 'vi'))];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => (cell.border = THIN));

  let at = STATISTICAL_HEADER_ROW;
  section.lines.forEach((line, i) => {
    const row = sheet.getRow(++at);
    row.values = [i + 1, formLabel(line.code, 'vi'), ...section.columns.map((c) => line.values[c] ?? null)];
    if (line.code === 'TOTAL') row.font = { bold: true };
    for (let c = 1; c <= width; c++) row.getCell(c).border = THIN;
  });

  at += 2;
  sheet.getCell(at, width).value = '……, ngày … tháng … năm …';
  sheet.getCell(at, width).alignment = { horizontal: 'right' };
  at += 1;
  sheet.getCell(at, 2).value = 'Người lập biểu';
  sheet.getCell(at, width).value = 'Thủ trưởng đơn vị';
  sheet.getRow(at).font = { bold: true };
  sheet.getCell(at + 1, 2).value = '(Ký, ghi rõ họ tên)';
  sheet.getCell(at + 1, width).value = '(Ký tên, đóng dấu)';
  sheet.getRow(at + 1).font = { italic: true };
  sheet.getCell(at, width).alignment = sheet.getCell(at + 1, width).alignment = { horizontal: 'right' };
}

function centred(sheet: ExcelJS.Worksheet, row: number, width: number, value: string, font: Partial<ExcelJS.Font>) {
  sheet.mergeCells(row, 1, row, width);
  const cell = sheet.getCell(row, 1);
  cell.value = text(value);
  cell.font = font;
  cell.alignment = { horizontal: 'center' };
}

function statusLine(report: StatisticalReport): string {
  if (report.coverage)
    return `Tổng hợp từ báo cáo đã nộp của ${report.coverage.included}/${report.coverage.schools} trường`;
  if (report.status === 'SUBMITTED' && report.submittedAt) return `Đã nộp ngày ${viDateTime(report.submittedAt)}`;
  return `Bản nháp — số liệu đến ${viDateTime(report.generatedAt)}`;
}

/** dd/MM/yyyy HH:mm in Vietnam's time. */
function viDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

function text(value: string): string {
  return sheetText(value);
}

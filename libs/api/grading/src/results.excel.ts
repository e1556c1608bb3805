import type { ClassResults, StudentResult } from '@emis/contracts';
import { formatCell } from '@emis/domain';
import { officialHeaderFooter, officialPageSetup, sheetText, writeSignatureBlock } from '@emis/api/platform';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { conductLabel, label, learningHeading, PERIOD_LABELS, trainingHeading, viDate } from './results.labels';

/** The row of the column headers; the title block sits above it. */
export const RESULTS_HEADER_ROW = 5;

type Cell = string | number | null;

/** The issuer lines of the sheet: the governing body, the school and its principal (who signs). */
export interface ResultsHead {
  governingBody: string | null;
  schoolName: string;
  principalName: string | null;
}
interface Column {
  header: string;
  width: number;
  value: (r: StudentResult) => Cell;
  /** Averages: numbers with one decimal shown, so Excel displays 7.9 exactly and can still sum them. */
  decimal?: boolean;
}

/**
 * The class summary sheet schools print (bảng tổng hợp kết quả đánh giá): a title block (school, class, year,
 * period), one row per pupil — each subject's average or rating, ĐTB (Circular 58), the learning and training
 * levels, the award, absences and the promotion proposal — then the counts per level and the signature lines.
 * Printed A4 landscape, one page wide, the column headers on every page. Streamed row by row; texts are string
 * cells (sheetText), never formulas.
 */
export async function streamResultsXlsx(res: Response, head: ResultsHead, results: ClassResults): Promise<void> {
  const fileName = `tong-hop-ket-qua-${results.className}-${results.period}.xlsx`;
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(`Tổng hợp ${PERIOD_LABELS[results.period]}`.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: RESULTS_HEADER_ROW, xSplit: 2 }],
    pageSetup: officialPageSetup({ headerRows: [RESULTS_HEADER_ROW, RESULTS_HEADER_ROW] }),
    headerFooter: officialHeaderFooter({
      title: `${results.className} — ${PERIOD_LABELS[results.period]} — ${results.schoolYearCode}`,
    }),
  });
  const columns = columnsOf(results);
  sheet.columns = columns.map((c) => ({ width: c.width }));
  titleBlock(sheet, head, results, columns.length);
  const header = sheet.getRow(RESULTS_HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.commit();
  let at = RESULTS_HEADER_ROW;
  for (const r of results.rows) {
    const row = sheet.getRow(++at);
    row.values = columns.map((c) => text(c.value(r)));
    columns.forEach((c, i) => {
      if (c.decimal) row.getCell(i + 1).numFmt = '0.0';
    });
    row.commit();
  }
  const last = countsBlock(sheet, at + 2, results);
  writeSignatureBlock(sheet, last + 2, columns.length, { title: 'HIỆU TRƯỞNG', name: head.principalName });
  sheet.commit();
  await workbook.commit();
}

function columnsOf(results: ClassResults): Column[] {
  const { scheme } = results;
  const columns: Column[] = [
    { header: 'STT', width: 5, value: (r) => r.ordinal },
    { header: 'Họ và tên', width: 26, value: (r) => r.fullName },
    { header: 'Ngày sinh', width: 11, value: (r) => viDate(r.dateOfBirth) },
    ...results.subjects.map((s): Column => ({
      header: s.name,
      width: 9,
      decimal: s.assessment === 'SCORE' && scheme !== 'C27',
      value: (r) => r.subjects[s.code]?.average ?? (formatCell(r.subjects[s.code]?.rating) || null),
    })),
  ];
  if (scheme === 'C58')
    columns.push({ header: 'ĐTB các môn', width: 9, decimal: true, value: (r) => r.overallAverage });
  columns.push({ header: learningHeading(scheme), width: 14, value: (r) => label(r.learning) || null });
  if (scheme !== 'C27')
    columns.push({
      header: trainingHeading(scheme),
      width: 14,
      value: (r) => conductLabel(scheme, r.training) || null,
    });
  columns.push(
    { header: 'Danh hiệu', width: 20, value: (r) => label(r.award) || null },
    { header: 'Nghỉ có phép', width: 8, value: (r) => r.absences.excused },
    { header: 'Nghỉ không phép', width: 9, value: (r) => r.absences.unexcused },
  );
  if (results.period === 'CN')
    columns.push({ header: 'Lên lớp (đề nghị)', width: 18, value: (r) => label(r.promotion) || null });
  return columns;
}

function titleBlock(sheet: ExcelJS.Worksheet, head: ResultsHead, results: ClassResults, width: number): void {
  // The governing body above the school, in one cell, as official papers head (docs/domain/records.md).
  const issuer = [head.governingBody, head.schoolName].filter((l): l is string => !!l).map((l) => l.toUpperCase());
  const lines: [string, Partial<ExcelJS.Font>][] = [
    [issuer.join('\n'), { bold: true }],
    [
      `BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ HỌC SINH — ${PERIOD_LABELS[results.period].toUpperCase()}`,
      { bold: true, size: 14 },
    ],
    [`Lớp: ${results.className}    Năm học: ${results.schoolYearCode}    Sĩ số: ${results.rows.length}`, {}],
  ];
  lines.forEach(([value, font], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = sheetText(value);
    row.font = font;
    if (i === 1) row.alignment = { horizontal: 'center' };
    if (i === 0 && issuer.length > 1) {
      row.alignment = { wrapText: true, vertical: 'top' };
      row.height = 30;
    }
    sheet.mergeCells(i + 1, 1, i + 1, width);
    row.commit();
  });
}

/** The counts per level under the list: level, pupils, share of the class. Returns the last row written. */
function countsBlock(sheet: ExcelJS.Worksheet, start: number, results: ClassResults): number {
  const { scheme, summary } = results;
  const sections: [string, Record<string, number>, (code: string) => string][] = [
    [learningHeading(scheme), summary.learning, label],
    [trainingHeading(scheme), summary.training, (c) => conductLabel(scheme, c)],
    ['Danh hiệu', summary.awards, label],
    ['Đề nghị lên lớp', summary.promotion, label],
  ];
  let at = start;
  const write = (values: Cell[], bold = false, percentAt?: number) => {
    const row = sheet.getRow(at++);
    row.values = [null, ...values.map(text)];
    if (bold) row.font = { bold: true };
    if (percentAt !== undefined) row.getCell(percentAt).numFmt = '0.0%';
    row.commit();
  };
  write(['THỐNG KÊ', 'Số học sinh', 'Tỉ lệ'], true);
  for (const [heading, counts, word] of sections.filter(([, counts]) => Object.keys(counts).length > 0)) {
    write([heading], true);
    for (const [code, n] of Object.entries(counts)) write([word(code), n, share(n, summary.students)], false, 4);
  }
  write(['Chưa đủ dữ liệu để xếp loại', summary.incomplete, share(summary.incomplete, summary.students)], true, 4);
  return at - 1;
}

function share(n: number, of: number): number {
  return of === 0 ? 0 : n / of;
}

function text(v: Cell): Cell {
  return typeof v === 'string' ? sheetText(v) : v;
}

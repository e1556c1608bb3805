import type { RecognitionDecision } from '@emis/domain';
import { officialHeaderFooter, officialPageSetup, sheetText, writeSignatureBlock } from '@emis/api/platform';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { GrantedAward } from './recognition.repository';
import { label, viDate } from './results.labels';
import type { ResultsHead } from './results.excel';

/** The row of the column headers; the title block sits above it. */
const HEADER_ROW = 5;

const COLUMNS: { header: string; width: number; value: (a: GrantedAward, ordinal: number) => string | number }[] = [
  { header: 'STT', width: 5, value: (_, i) => i },
  { header: 'Họ và tên', width: 28, value: (a) => a.fullName },
  { header: 'Ngày sinh', width: 11, value: (a) => viDate(a.dateOfBirth) },
  { header: 'Lớp', width: 8, value: (a) => a.className },
  { header: 'Danh hiệu, khen thưởng', width: 24, value: (a) => label(a.decision) },
  { header: 'Số quyết định', width: 16, value: (a) => a.decisionNumber ?? '' },
  { header: 'Ngày quyết định', width: 13, value: (a) => (a.decisionDate ? viDate(a.decisionDate) : '') },
  { header: 'Ghi chú', width: 36, value: (a) => a.reason ?? '' },
];

/** The awards in the order the circulars rank them: the count lines under the list follow it. */
const AWARD_ORDER: RecognitionDecision[] = ['EXCELLENT', 'GOOD', 'EXEMPLARY', 'ADVANCED'];

/**
 * The school's list of the year's awards and titles (danh sách học sinh được khen thưởng; docs/domain/gradebook.md,
 * "The award-decisions screen"): the governing body and school, the title and year, one row per pupil granted an
 * award (class by class), the count per award, the signature lines. A4 landscape, one page wide, the column headers
 * on every page; texts are string cells, never formulas.
 */
export async function streamAwardsXlsx(
  res: Response,
  head: ResultsHead,
  yearCode: string,
  awards: readonly GrantedAward[],
): Promise<void> {
  const fileName = `khen-thuong-${yearCode}.xlsx`;
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  const title = `DANH SÁCH HỌC SINH ĐƯỢC KHEN THƯỞNG NĂM HỌC ${yearCode}`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Khen thưởng', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: officialPageSetup({ headerRows: [HEADER_ROW, HEADER_ROW] }),
    headerFooter: officialHeaderFooter({ governingBody: head.governingBody, school: head.schoolName, title }),
  });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  const issuer = [head.governingBody, head.schoolName].filter((l): l is string => !!l).map((l) => l.toUpperCase());
  const heading: [string, Partial<ExcelJS.Font>][] = [
    [issuer.join('\n'), { bold: true }],
    [title, { bold: true, size: 14 }],
    [`Số học sinh được khen thưởng: ${awards.length}`, {}],
  ];
  heading.forEach(([value, font], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = sheetText(value);
    row.font = font;
    if (i === 1) row.alignment = { horizontal: 'center' };
    if (i === 0 && issuer.length > 1) {
      row.alignment = { wrapText: true, vertical: 'top' };
      row.height = 30;
    }
    sheet.mergeCells(i + 1, 1, i + 1, COLUMNS.length);
    row.commit();
  });
  const header = sheet.getRow(HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.commit();
  let at = HEADER_ROW;
  awards.forEach((a, i) => {
    const row = sheet.getRow(++at);
    row.values = COLUMNS.map((c) => {
      const value = c.value(a, i + 1);
      return typeof value === 'string' ? sheetText(value) : value;
    });
    row.commit();
  });
  at += 1;
  for (const decision of AWARD_ORDER) {
    const count = awards.filter((a) => a.decision === decision).length;
    if (!count) continue;
    const row = sheet.getRow(++at);
    row.getCell(2).value = sheetText(label(decision));
    row.getCell(3).value = count;
    row.commit();
  }
  writeSignatureBlock(sheet, at + 2, COLUMNS.length, { title: 'HIỆU TRƯỞNG', name: head.principalName });
  sheet.commit();
  await workbook.commit();
}

import type {
  CompareReport,
  ReportFilter,
  ReportMeasures,
  SchoolReport,
  SubjectResultRow,
  UnitReport,
} from '@emis/contracts';
import { ExportColumn, officialHeaderFooter, officialPageSetup, sheetText } from '@emis/api/platform';
import { GRADING_LABELS } from '@emis/domain';
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null | undefined;

/** A sheet of a report workbook: Vietnamese headers first (row 1), English beneath (row 2), then the rows. */
export interface ReportSheet<T> {
  title: string;
  columns: (ExportColumn<T> & { en: string })[];
  rows: readonly T[];
}

const PERIOD_VI: Record<string, string> = { HK1: 'Học kì I', HK2: 'Học kì II', CN: 'Cả năm' };

/** The measures every level shows, as columns after a row's own name columns. */
export function measureColumns<T>(of: (row: T) => ReportMeasures): (ExportColumn<T> & { en: string })[] {
  const col = (header: string, en: string, value: (m: ReportMeasures) => Cell, width = 12) => ({
    header,
    en,
    width,
    value: (row: T) => value(of(row)),
  });
  const levels = (codes: string[], pick: (m: ReportMeasures) => Record<string, number | null>, prefix: string) =>
    codes.map((code) =>
      col(
        `${prefix}: ${GRADING_LABELS[code]?.vi ?? code}`,
        `${prefix}: ${GRADING_LABELS[code]?.en ?? code}`,
        (m) => pick(m)[code] ?? null,
      ),
    );
  return [
    col('Số trường', 'Schools', (m) => m.schools),
    col('Số lớp', 'Classes', (m) => m.classes),
    col('Học sinh', 'Pupils', (m) => m.pupils),
    col('Nữ', 'Female', (m) => m.female),
    col('Dân tộc thiểu số', 'Ethnic minority', (m) => m.ethnicMinority),
    col('Khuyết tật', 'Disabled', (m) => m.disabled),
    col('Cán bộ, giáo viên, nhân viên', 'Staff', (m) => m.staff),
    col('Giáo viên', 'Teachers', (m) => m.teachers),
    col('Lớp vượt sĩ số', 'Classes above the ceiling', (m) => m.classSizeBreaches),
    ...levels(
      ['TOT', 'KHA', 'DAT', 'CHUA_DAT', 'GIOI', 'TB', 'YEU', 'KEM', 'HTXS', 'HTT', 'HT', 'CHT'],
      (m) => m.learning,
      'Học tập',
    ),
    ...levels(['TOT', 'KHA', 'DAT', 'CHUA_DAT'], (m) => m.training, 'Rèn luyện'),
    ...levels(['EXCELLENT', 'GOOD'], (m) => m.awards, 'Khen thưởng'),
    ...levels(['PROMOTE', 'RETEST', 'SUMMER_TRAINING', 'RETEST_AND_TRAINING', 'REPEAT'], (m) => m.promotion, 'Lên lớp'),
    col('Chưa đủ kết quả', 'Results missing', (m) => m.resultsMissing),
    col('Bỏ học', 'Dropped out', (m) => m.droppedOut),
    col('Chuyển đi', 'Transferred out', (m) => m.transferredOut),
    col('Chuyển đến', 'Transferred in', (m) => m.transferredIn),
    col('Chuyên cần (%)', 'Attendance (%)', (m) => m.attendanceRate),
    col('Có số liệu ẩn (< 5 học sinh)', 'Some figures withheld (< 5 pupils)', (m) => (m.suppressed ? 'x' : null)),
  ];
}

export function subjectColumns(): (ExportColumn<SubjectResultRow> & { en: string })[] {
  const columns: (ExportColumn<SubjectResultRow> & { en: string })[] = [
    { header: 'Khối', en: 'Grade', width: 8, value: (s) => s.grade },
    { header: 'Môn học', en: 'Subject', width: 24, value: (s) => s.subjectName },
    { header: 'Học sinh', en: 'Pupils', value: (s) => s.pupils },
    { header: 'Có điểm TB', en: 'Scored', value: (s) => s.scored },
    { header: 'Điểm TB', en: 'Mean', value: (s) => s.mean },
    { header: '≥ 8,0', en: '≥ 8.0', value: (s) => s.bands.b80 },
    { header: '6,5 – 7,9', en: '6.5 – 7.9', value: (s) => s.bands.b65 },
    { header: '5,0 – 6,4', en: '5.0 – 6.4', value: (s) => s.bands.b50 },
    { header: '3,5 – 4,9', en: '3.5 – 4.9', value: (s) => s.bands.b35 },
    { header: '< 3,5', en: '< 3.5', value: (s) => s.bands.b00 },
    { header: 'Đạt', en: 'Pass', value: (s) => s.ratings['D'] },
    { header: 'Chưa đạt', en: 'Not passed', value: (s) => s.ratings['CD'] },
    { header: 'Chưa đạt (tổng)', en: 'Not passed (all)', value: (s) => s.notPassed },
  ];
  return columns.map((c) => ({ ...c, width: c.width ?? 12 }));
}

function filterSheet(filter: ReportFilter, title: string, freshness: string): ReportSheet<[string, string, Cell]> {
  return {
    title: 'Thông tin',
    columns: [
      { header: 'Mục', en: 'Item', width: 28, value: (r) => r[0] },
      { header: 'Giá trị', en: 'Value', width: 40, value: (r) => r[2] },
    ],
    rows: [
      ['Báo cáo', 'Report', title],
      ['Năm học', 'School year', filter.yearCode],
      ['Kì', 'Period', PERIOD_VI[filter.period] ?? filter.period],
      ['Cấp học', 'Level', filter.level ?? 'Tất cả'],
      ['Loại hình', 'Ownership', filter.ownership ?? 'Tất cả'],
      ['Theo cây tổ chức ngày', 'Org tree as of', filter.asOf],
      ['Số liệu đến', 'Figures as of', freshness],
    ],
  };
}

export type Named = { name: string; code?: string; parentName?: string | null; measures: ReportMeasures };

export function namedSheet(title: string, nameHeader: string, rows: Named[]): ReportSheet<Named> {
  return {
    title,
    columns: [
      { header: 'Mã', en: 'Code', width: 14, value: (r) => r.code ?? '' },
      { header: nameHeader, en: 'Name', width: 34, value: (r) => r.name },
      ...measureColumns<Named>((r) => r.measures),
    ],
    rows,
  };
}

export function unitWorkbook(report: UnitReport): BuiltSheet[] {
  return [
    build(filterSheet(report.filter, report.unit.name, report.freshness.dataAsOf)),
    build(
      namedSheet('Tổng hợp', 'Đơn vị', [
        { code: report.unit.code, name: report.unit.name, measures: report.totals },
        { code: '', name: 'Toàn tỉnh', measures: report.province },
      ]),
    ),
    build(namedSheet('Đơn vị trực thuộc', 'Đơn vị / trường', report.children)),
    build(
      namedSheet(
        'Theo khối',
        'Khối',
        report.grades.map((g) => ({ name: `Khối ${g.grade}`, measures: g.measures })),
      ),
    ),
    build({ title: 'Môn học', columns: subjectColumns(), rows: report.subjects }),
  ];
}

export function schoolWorkbook(report: SchoolReport): BuiltSheet[] {
  return [
    build(filterSheet(report.filter, report.school.name, report.freshness.dataAsOf)),
    build(
      namedSheet('Tổng hợp', 'Đơn vị', [
        { code: report.school.code, name: report.school.name, measures: report.totals },
        { code: '', name: 'Toàn tỉnh', measures: report.province },
      ]),
    ),
    build(namedSheet('Lớp', 'Lớp', report.classes)),
    build(
      namedSheet(
        'Theo khối',
        'Khối',
        report.grades.map((g) => ({ name: `Khối ${g.grade}`, measures: g.measures })),
      ),
    ),
    build({ title: 'Môn học', columns: subjectColumns(), rows: report.subjects }),
    build({ title: 'Môn học toàn tỉnh', columns: subjectColumns(), rows: report.provinceSubjects }),
  ];
}

export function compareWorkbook(report: CompareReport): BuiltSheet[] {
  type Row = CompareReport['rows'][number];
  return [
    build(
      filterSheet(
        report.filter,
        `So sánh: ${report.measure}${report.subjectCode ? ` ${report.subjectCode}` : ''}`,
        report.freshness.dataAsOf,
      ),
    ),
    build({
      title: 'So sánh',
      columns: [
        { header: 'Hạng', en: 'Rank', width: 8, value: (r: Row) => r.rank },
        { header: 'Mã trường', en: 'School code', width: 14, value: (r: Row) => r.code },
        { header: 'Tên trường', en: 'School', width: 34, value: (r: Row) => r.name },
        { header: 'Trực thuộc', en: 'Under', width: 24, value: (r: Row) => r.parentName },
        { header: 'Học sinh', en: 'Pupils', width: 12, value: (r: Row) => r.pupils },
        { header: 'Giá trị', en: 'Value', width: 12, value: (r: Row) => r.value },
        { header: 'Trung bình đơn vị', en: 'Unit value', width: 14, value: () => report.unitValue },
        { header: 'Trung bình tỉnh', en: 'Province value', width: 14, value: () => report.provinceValue },
      ],
      rows: report.rows,
    }),
  ];
}

/** A sheet with its cells computed: sheets of different row types go into one workbook. */
export interface BuiltSheet {
  title: string;
  headers: { header: string; en: string; width: number }[];
  rows: Cell[][];
}

export function build<T>(sheet: ReportSheet<T>): BuiltSheet {
  return {
    title: sheet.title,
    headers: sheet.columns.map((c) => ({ header: c.header, en: c.en, width: c.width ?? 12 })),
    rows: sheet.rows.map((row) => sheet.columns.map((c) => c.value(row))),
  };
}

/** The sheets as one .xlsx file. */
export async function workbookBuffer(sheets: BuiltSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) appendSheet(workbook, sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Adds one sheet and answers a function that appends more rows to it (the every-school workbook adds its schools in
 * chunks). Texts are string cells (sheetText), which no spreadsheet reads as a formula.
 */
export function appendSheet(workbook: ExcelJS.Workbook, sheet: BuiltSheet): (rows: Cell[][]) => void {
  const ws = workbook.addWorksheet(sheet.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: officialPageSetup({ headerRows: [1, 2] }),
    headerFooter: officialHeaderFooter({ title: sheet.title }),
  });
  ws.columns = sheet.headers.map((c) => ({ width: c.width }));
  ws.addRow(sheet.headers.map((c) => c.header)).font = { bold: true };
  ws.addRow(sheet.headers.map((c) => c.en)).font = { italic: true };
  const add = (rows: Cell[][]) => {
    for (const row of rows) ws.addRow(row.map((v) => (typeof v === 'string' ? sheetText(v) : (v ?? null))));
  };
  add(sheet.rows);
  return add;
}

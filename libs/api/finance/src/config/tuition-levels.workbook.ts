import type { TuitionLevel } from '@emis/contracts';
import { ExportColumn } from '@emis/api/platform';
import { ImportLayout } from '@emis/api/spreadsheets';
import { FEE_AREA_VI, MONEY_GUIDE, SCHOOL_LEVEL_VI } from '../finance-words';

/**
 * The province's tuition table in Excel: one layout for the export and the import, so a downloaded table, edited
 * and uploaded back, is read by the very headers it was written with.
 */

/** 5 levels × 3 areas: a few more rows than that is already a wrong file. */
export const TUITION_LEVELS_MAX_ROWS = 100;

export const TUITION_LEVELS_LAYOUT: ImportLayout = {
  kind: 'FINANCE_TUITION_LEVELS',
  sheetName: 'Mức học phí',
  templateFileName: 'muc-hoc-phi.xlsx',
  guideTitle: 'Mức học phí và mức hỗ trợ học phí của tỉnh theo cấp học và khu vực',
  columns: [
    {
      key: 'schoolLevel',
      header: 'Cấp học',
      kind: 'text',
      required: true,
      width: 24,
      choices: Object.values(SCHOOL_LEVEL_VI),
      guide: `Một trong: ${Object.values(SCHOOL_LEVEL_VI).join(', ')}.`,
      example: SCHOOL_LEVEL_VI.LOWER_SECONDARY,
    },
    {
      key: 'area',
      header: 'Khu vực',
      kind: 'text',
      required: true,
      width: 34,
      choices: Object.values(FEE_AREA_VI),
      guide: `Một trong: ${Object.values(FEE_AREA_VI).join(', ')}.`,
      example: FEE_AREA_VI.RURAL,
    },
    {
      key: 'monthlyAmount',
      header: 'Học phí (đồng/tháng)',
      kind: 'number',
      required: true,
      width: 20,
      guide: `${MONEY_GUIDE} Từ năm học 2025-2026 là mức Nhà nước cấp bù cho trường công lập.`,
      example: '155000',
    },
    {
      key: 'privateSupportMonthly',
      header: 'Hỗ trợ học phí ngoài công lập (đồng/tháng)',
      kind: 'number',
      required: false,
      width: 24,
      guide: `${MONEY_GUIDE} Để trống là 0.`,
      example: '155000',
    },
  ],
};

export const TUITION_LEVEL_EXPORT_COLUMNS: ExportColumn<TuitionLevel>[] = [
  { header: 'Cấp học', width: 24, value: (l) => SCHOOL_LEVEL_VI[l.schoolLevel] },
  { header: 'Khu vực', width: 34, value: (l) => FEE_AREA_VI[l.area] },
  { header: 'Học phí (đồng/tháng)', width: 20, value: (l) => l.monthlyAmount },
  { header: 'Hỗ trợ học phí ngoài công lập (đồng/tháng)', width: 24, value: (l) => l.privateSupportMonthly },
];

export function tuitionLevelsFileName(yearCode: string): string {
  return `muc-hoc-phi-${yearCode}.xlsx`;
}

import type { AssetsReport, AssetTotals, AssetTotalsRow } from '@emis/contracts';
import { ExportColumn } from '@emis/api/platform';
import { ASSET_CLASS_LABELS, ASSET_KIND_LABELS, FUNDING_SOURCE_LABELS } from '@emis/domain';
import { build, BuiltSheet, Cell, ReportSheet } from './report-workbook';

type Column<T> = ExportColumn<T> & { en: string };

/** The figures of a row, in whole đồng (numbers, so the department can sum them in the sheet). */
function totalColumns<T extends AssetTotals>(): Column<T>[] {
  return [
    { header: 'Số tài sản (bản ghi)', en: 'Assets (records)', width: 14, value: (r) => r.assets },
    { header: 'Số lượng', en: 'Quantity', width: 12, value: (r) => r.quantity },
    { header: 'Nguyên giá (đồng)', en: 'Original cost (VND)', width: 20, value: (r) => r.cost },
    { header: 'Hao mòn lũy kế (đồng)', en: 'Accumulated wear (VND)', width: 20, value: (r) => r.accumulatedWear },
    { header: 'Giá trị còn lại (đồng)', en: 'Remaining value (VND)', width: 20, value: (r) => r.remainingValue },
  ];
}

function infoSheet(report: AssetsReport): ReportSheet<[string, string, Cell]> {
  return {
    title: 'Thông tin',
    columns: [
      { header: 'Mục', en: 'Item', width: 28, value: (r) => r[0] },
      { header: 'Giá trị', en: 'Value', width: 40, value: (r) => r[2] },
    ],
    rows: [
      ['Báo cáo', 'Report', `Tài sản công — ${report.unit.name}`],
      ['Tài sản', 'Assets', 'Đang theo dõi trên sổ (chưa thanh lý, chưa điều chuyển đi)'],
      ['Cấp học', 'Level', report.filter.level ?? 'Tất cả'],
      ['Loại hình', 'Ownership', report.filter.ownership ?? 'Tất cả'],
      ['Theo cây tổ chức ngày', 'Org tree as of', report.filter.asOf],
      ['Số liệu đến', 'Figures as of', report.freshness.dataAsOf],
    ],
  };
}

function unitRowsSheet(title: string, rows: AssetTotalsRow[], withParent: boolean): ReportSheet<AssetTotalsRow> {
  return {
    title,
    columns: [
      { header: 'Mã', en: 'Code', width: 14, value: (r) => r.code },
      { header: 'Tên', en: 'Name', width: 34, value: (r) => r.name },
      ...(withParent
        ? [{ header: 'Trực thuộc', en: 'Under', width: 26, value: (r: AssetTotalsRow) => r.parentName }]
        : []),
      { header: 'Số trường', en: 'Schools', width: 10, value: (r) => r.schools },
      ...totalColumns<AssetTotalsRow>(),
    ],
    rows,
  };
}

/**
 * The public assets' workbook: the filter, the totals, by class and kind, by funding source and kind, the units or
 * schools directly under the unit, and every school. Vietnamese headers first, English beneath.
 */
export function assetsWorkbook(report: AssetsReport): BuiltSheet[] {
  type ClassRow = AssetsReport['byClass'][number];
  type SourceRow = AssetsReport['bySource'][number];
  const kind = (r: { kind: keyof typeof ASSET_KIND_LABELS }) => ASSET_KIND_LABELS[r.kind].vi;
  return [
    build(infoSheet(report)),
    build(
      unitRowsSheet(
        'Tổng hợp',
        [
          {
            ...report.totals,
            id: report.unit.id,
            code: report.unit.code,
            name: report.unit.name,
            kind: report.unit.kind,
          },
        ],
        false,
      ),
    ),
    build<ClassRow>({
      title: 'Theo loại tài sản',
      columns: [
        { header: 'Loại tài sản', en: 'Class', width: 34, value: (r) => ASSET_CLASS_LABELS[r.assetClass].vi },
        { header: 'Phân loại', en: 'Kind', width: 18, value: kind },
        ...totalColumns<ClassRow>(),
      ],
      rows: report.byClass,
    }),
    build<SourceRow>({
      title: 'Theo nguồn kinh phí',
      columns: [
        {
          header: 'Nguồn kinh phí',
          en: 'Funding source',
          width: 24,
          value: (r) => FUNDING_SOURCE_LABELS[r.fundingSource].vi,
        },
        { header: 'Phân loại', en: 'Kind', width: 18, value: kind },
        ...totalColumns<SourceRow>(),
      ],
      rows: report.bySource,
    }),
    build(unitRowsSheet('Đơn vị trực thuộc', report.children, false)),
    build(unitRowsSheet('Trường', report.schools, true)),
  ];
}

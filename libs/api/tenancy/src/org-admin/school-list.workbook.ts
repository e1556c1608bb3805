import type { OrgUnitAdminItem } from '@emis/contracts';
import { ORG_UNIT_KIND_LABELS, SCHOOL_LEVEL_LABELS, SCHOOL_OWNERSHIP_LABELS } from '@emis/domain';
import { ExportColumn } from '@emis/api/platform';
import { DATE_GUIDE, ImportLayout } from '@emis/api/spreadsheets';

/**
 * The province's school list in Excel: one layout for the import and the export's first columns, so an exported list
 * of schools, corrected and uploaded back, is read by the very headers it was written with.
 */

/** The Vietnamese words of the codes, as the department's files write them whatever the reader's language. */
function vietnamese<K extends string>(labels: Record<K, { vi: string }>): Record<K, string> {
  return Object.fromEntries(Object.entries<{ vi: string }>(labels).map(([k, l]) => [k, l.vi])) as Record<K, string>;
}
export const LEVEL_VI = vietnamese(SCHOOL_LEVEL_LABELS);
export const OWNERSHIP_VI = vietnamese(SCHOOL_OWNERSHIP_LABELS);
const KIND_VI = vietnamese(ORG_UNIT_KIND_LABELS);

/** A province has about a thousand schools; a file several times that is a wrong file. */
export const SCHOOL_LIST_MAX_ROWS = 5000;

export const SCHOOL_LIST_LAYOUT: ImportLayout = {
  kind: 'SCHOOL_LIST',
  sheetName: 'Danh sách trường',
  templateFileName: 'danh-sach-truong.xlsx',
  guideTitle: 'Danh sách trường của tỉnh: mỗi dòng một trường; trường đã có (cùng mã) được cập nhật thông tin',
  columns: [
    {
      key: 'code',
      header: 'Mã trường',
      kind: 'text',
      required: true,
      width: 16,
      maxLength: 20,
      guide: 'Mã của Sở: chữ in hoa, chữ số và dấu gạch ngang, 3–20 ký tự.',
      example: 'THCS-VL-09',
    },
    {
      key: 'name',
      header: 'Tên trường',
      kind: 'text',
      required: true,
      width: 40,
      maxLength: 200,
      guide: 'Tên đầy đủ theo quyết định thành lập.',
      example: 'Trường THCS Lạc Đạo',
    },
    {
      key: 'levels',
      header: 'Cấp học',
      kind: 'text',
      required: true,
      width: 30,
      guide: `Một hoặc nhiều, cách nhau bằng dấu chấm phẩy: ${Object.values(LEVEL_VI).join('; ')}.`,
      example: LEVEL_VI.LOWER_SECONDARY,
    },
    {
      key: 'ownership',
      header: 'Loại hình',
      kind: 'text',
      required: true,
      width: 14,
      choices: Object.values(OWNERSHIP_VI),
      guide: `Một trong: ${Object.values(OWNERSHIP_VI).join(', ')}.`,
      example: OWNERSHIP_VI.PUBLIC,
    },
    {
      key: 'parentCode',
      header: 'Mã đơn vị quản lý',
      kind: 'text',
      required: true,
      width: 18,
      maxLength: 20,
      guide: 'Mã của Sở hoặc của đơn vị (Ủy ban nhân dân xã, phường) quản lý trường; đơn vị phải đang hoạt động.',
      example: 'UBND-SN',
    },
    {
      key: 'commune',
      mayBeMissing: true,
      header: 'Xã/phường',
      kind: 'text',
      required: false,
      width: 22,
      maxLength: 120,
      guide: 'Xã hoặc phường nơi trường đặt trụ sở.',
      example: 'Phường Sơn Nam',
    },
    {
      key: 'address',
      mayBeMissing: true,
      header: 'Địa chỉ',
      kind: 'text',
      required: false,
      width: 36,
      maxLength: 300,
      guide: 'Địa chỉ trụ sở của trường.',
      example: 'Thôn Lạc Đạo, phường Sơn Nam',
    },
    {
      key: 'effectiveFrom',
      mayBeMissing: true,
      header: 'Ngày bắt đầu',
      kind: 'date',
      required: false,
      width: 14,
      guide: `Ngày trường vào cây tổ chức (chỉ với trường mới; để trống là hôm nay). ${DATE_GUIDE}`,
      example: '01/09/2025',
    },
  ],
};

/** The export: the import's columns first (a list of schools imports back unchanged), then what the page shows. */
export const ORG_UNIT_EXPORT_COLUMNS: ExportColumn<OrgUnitAdminItem & { parentCode: string | null }>[] = [
  { header: 'Mã trường', width: 16, value: (u) => u.code },
  { header: 'Tên trường', width: 40, value: (u) => u.name },
  { header: 'Cấp học', width: 30, value: (u) => u.levels.map((l) => LEVEL_VI[l]).join('; ') },
  { header: 'Loại hình', width: 14, value: (u) => (u.ownership ? OWNERSHIP_VI[u.ownership] : '') },
  { header: 'Mã đơn vị quản lý', width: 18, value: (u) => u.parentCode },
  { header: 'Xã/phường', width: 22, value: (u) => u.commune },
  { header: 'Địa chỉ', width: 36, value: (u) => u.address },
  { header: 'Loại đơn vị', width: 12, value: (u) => KIND_VI[u.kind] },
  { header: 'Đơn vị quản lý', width: 36, value: (u) => u.parentName },
  { header: 'Ngày đóng', width: 12, value: (u) => u.closedOn },
  { header: 'Tài khoản', width: 10, value: (u) => u.accountCount },
  {
    header: 'Có quản trị trường',
    width: 12,
    value: (u) => (u.kind === 'SCHOOL' ? (u.hasAdministrator ? 'Có' : 'Không') : ''),
  },
];

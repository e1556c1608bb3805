import { ImportFailure, ImportLayout, UploadedSheetView } from '@emis/api/spreadsheets';
import ExcelJS from 'exceljs';

/**
 * The inventory checklist (phiếu kiểm kê) a committee prints or downloads per room, fills in and uploads back: one
 * layout for both ways, so the export and the import can never disagree on a column.
 */

/** Row of the column headers; the title block (school, inventory, room, count date) sits above. */
export const CHECKLIST_HEADER_ROW = 7;

/** A school's register is a few thousand lines at most; the bound keeps a hostile file from being read at all. */
export const CHECKLIST_MAX_ROWS = 20_000;

/** The largest count a line takes (the API's bound too). */
export const MAX_COUNT = 100_000;

/** The veryHidden sheet naming the inventory the file belongs to. */
const IDENTITY_SHEET = 'Emis';
const IDENTITY_KIND = 'KIỂM KÊ';

export type ChecklistColumnKey =
  'no' | 'lineId' | 'code' | 'name' | 'room' | 'bookQuantity' | 'bookValue' | 'countedQuantity' | 'condition' | 'note';

export interface ChecklistColumn {
  key: ChecklistColumnKey;
  header: string;
  width: number;
  /** Filled in by the committee (the import reads these and the line id only). */
  counted: boolean;
}

/**
 * The line column holds the line's id (a UUID): a surplus line has no asset code, and the id names exactly one line
 * of exactly this inventory, whatever the room filter of the download was.
 */
export const CHECKLIST_COLUMNS: readonly ChecklistColumn[] = [
  { key: 'no', header: 'STT', width: 5, counted: false },
  { key: 'lineId', header: 'Mã dòng', width: 38, counted: false },
  { key: 'code', header: 'Mã tài sản', width: 12, counted: false },
  { key: 'name', header: 'Tên tài sản', width: 34, counted: false },
  { key: 'room', header: 'Vị trí', width: 20, counted: false },
  { key: 'bookQuantity', header: 'SL sổ sách', width: 10, counted: false },
  { key: 'bookValue', header: 'Nguyên giá sổ sách', width: 16, counted: false },
  { key: 'countedQuantity', header: 'SL thực tế', width: 10, counted: true },
  { key: 'condition', header: 'Tình trạng', width: 11, counted: true },
  { key: 'note', header: 'Ghi chú', width: 30, counted: true },
];

/** The layout as the import runner wants it: every header must be there; only the counted columns are read. */
export const CHECKLIST_IMPORT_LAYOUT: ImportLayout = {
  kind: 'ASSET_INVENTORY',
  sheetName: 'Kiểm kê',
  templateFileName: 'kiem-ke.xlsx',
  columns: CHECKLIST_COLUMNS.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width,
    required: c.key === 'lineId',
    guide: '',
    example: '',
    mayBeMissing: c.key === 'no',
    notRead: !c.counted && c.key !== 'lineId',
    kind: c.key === 'countedQuantity' ? 'number' : 'text',
    maxLength: c.key === 'note' ? 500 : 200,
  })),
};

export function writeIdentity(workbook: ExcelJS.Workbook, inventoryId: string): void {
  const sheet = workbook.addWorksheet(IDENTITY_SHEET, { state: 'veryHidden' });
  sheet.addRows([
    [IDENTITY_KIND, 1],
    ['inventoryId', inventoryId],
  ]);
}

/** Refuses a file of another inventory (the columns alone would match any year's checklist). */
export function assertIdentity(file: UploadedSheetView, inventoryId: string, title: string): void {
  const text = (row: number, col: number) => file.cellText(IDENTITY_SHEET, row, col)?.trim() ?? '';
  if (text(1, 1) !== IDENTITY_KIND) {
    throw new ImportFailure(
      `Tệp không phải phiếu kiểm kê xuất từ hệ thống. Hãy tải phiếu kiểm kê "${title}", ghi số lượng thực tế vào tệp đó rồi tải lên.`,
    );
  }
  if (text(2, 2).toLowerCase() !== inventoryId.toLowerCase()) {
    throw new ImportFailure(
      `Tệp là phiếu của một đợt kiểm kê khác, không phải "${title}"; không có dòng nào được ghi.`,
    );
  }
}

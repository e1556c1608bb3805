import { AssetKind } from '@emis/domain';
import { CellErrors } from '@emis/api/spreadsheets';
import { ASSET_STATUS_LEFT, ExistingAsset } from './asset-import.repository';
import { AssetRow } from './asset-rows';

/**
 * How a row of the file finds the asset it describes, so that importing the same file twice changes nothing: by its
 * code; a row without a code by what identifies a line of a paper register — name, category, date put into use,
 * unit cost and document number.
 */
export function naturalKey(r: Pick<AssetRow, 'name' | 'categoryCode' | 'inUseOn' | 'unitCost' | 'documentNumber'>) {
  return [r.name, r.categoryCode, r.inUseOn, r.unitCost, r.documentNumber ?? ''].join('\n');
}

export class AssetMatcher {
  private readonly byCode = new Map<string, ExistingAsset>();
  private readonly byKey = new Map<string, ExistingAsset[]>();

  constructor(existing: ExistingAsset[]) {
    for (const asset of existing) {
      this.byCode.set(asset.code, asset);
      const key = naturalKey(asset);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), asset]);
    }
  }

  /** The asset the row describes; 'AMBIGUOUS' when a row without code fits several. */
  match(row: AssetRow): ExistingAsset | 'AMBIGUOUS' | undefined {
    if (row.code) return this.byCode.get(row.code);
    const found = this.byKey.get(naturalKey(row)) ?? [];
    return found.length > 1 ? 'AMBIGUOUS' : found[0];
  }
}

/** The fields a re-import compares and may not change: money and what the wear is computed from. */
const BOOK_FIELDS = [
  'categoryCode',
  'quantity',
  'unitCost',
  'fundingSource',
  'inUseOn',
  'openingWear',
  'openingWearYear',
] as const;

/** The fields a re-import updates: the asset's description, place and keeper. */
const DESCRIPTION_FIELDS = [
  'name',
  'unit',
  'documentNumber',
  'documentDate',
  'building',
  'room',
  'responsible',
  'condition',
] as const;

const BOOK_FIELD_COLUMN: Record<(typeof BOOK_FIELDS)[number], string> = {
  categoryCode: 'category',
  quantity: 'quantity',
  unitCost: 'unitCost',
  fundingSource: 'fundingSource',
  inUseOn: 'inUseOn',
  openingWear: 'openingWear',
  openingWearYear: 'openingWearYear',
};

export function changedDescriptions(before: ExistingAsset, row: AssetRow): string[] {
  return DESCRIPTION_FIELDS.filter((key) => (before[key] ?? null) !== (row[key] ?? null));
}

/**
 * Marks what the file may not do to an asset already on the register: write over one that left the books, or change
 * its cost, quantity, category, source, date or opening wear (a cost change is its own action, with its document).
 */
export function checkAgainstRegister(row: AssetRow, found: ExistingAsset | 'AMBIGUOUS', errors: CellErrors): void {
  const where = row.code ? 'code' : 'name';
  if (found === 'AMBIGUOUS') {
    errors.at(row.row, where, 'Có nhiều tài sản cùng tên, loại, ngày sử dụng, đơn giá và chứng từ: ghi mã tài sản');
    return;
  }
  if (ASSET_STATUS_LEFT.includes(found.status)) {
    errors.at(
      row.row,
      where,
      `Tài sản mã ${found.code} đã ra khỏi sổ (thanh lý hoặc điều chuyển); không nhập lại được`,
    );
    return;
  }
  for (const key of BOOK_FIELDS) {
    if ((found[key] ?? null) !== (row[key] ?? null)) {
      errors.at(
        row.row,
        BOOK_FIELD_COLUMN[key],
        `Khác với tài sản mã ${found.code} đã có trên sổ; nguyên giá, số lượng, loại, nguồn, ngày sử dụng và hao mòn đầu kỳ không sửa bằng nhập Excel`,
      );
    }
  }
}

/**
 * The kind's own rules (Art. 3.2 of Circular 23/2023/TT-BTC): a fixed asset is one line per asset, and only a worn
 * fixed asset carries wear from the paper books.
 */
export function checkKind(row: AssetRow, kind: AssetKind, worn: boolean, threshold: number, errors: CellErrors) {
  if (kind === 'FIXED' && row.quantity !== 1)
    errors.at(row.row, 'quantity', 'Tài sản cố định ghi mỗi tài sản một dòng, số lượng 1');
  if (kind === 'TOOL' && row.openingWear > 0)
    errors.at(
      row.row,
      'openingWear',
      `Công cụ, dụng cụ (đơn giá dưới ${threshold.toLocaleString('vi-VN')} đ) không tính hao mòn`,
    );
  else if (!worn && row.openingWear > 0)
    errors.at(row.row, 'openingWear', 'Loại tài sản này không tính hao mòn (quyền sử dụng đất)');
}

/** Two rows of one file describing the same asset: the later one is marked, naming the first. */
export function flagRepeats(rows: AssetRow[], errors: CellErrors): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    const key = row.code ? `code:${row.code}` : `key:${naturalKey(row)}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row.row);
    else if (row.code) errors.at(row.row, 'code', `Trùng mã tài sản với dòng ${earlier}`);
    else
      errors.at(
        row.row,
        'name',
        `Trùng với dòng ${earlier} (cùng tên, loại, ngày sử dụng, đơn giá, chứng từ): ghi mã cho từng dòng hoặc gộp số lượng`,
      );
  }
}

import { AssetCondition, FundingSource, todayInVietnam } from '@emis/domain';
import { FieldReader } from '@emis/api/spreadsheets';
import { ASSET_CONDITION_VI, FUNDING_SOURCE_VI } from '../asset-words';

/** One line of an asset list, typed; the kind (fixed asset or tool) is decided once the threshold is known. */
export interface AssetRow {
  row: number;
  code: string | null;
  name: string;
  categoryCode: string;
  quantity: number;
  unit: string;
  unitCost: number;
  fundingSource: FundingSource;
  inUseOn: string;
  documentNumber: string | null;
  documentDate: string | null;
  building: string | null;
  room: string | null;
  responsible: string | null;
  condition: AssetCondition;
  openingWear: number;
  openingWearYear: number | null;
}

/** Ten thousand billion đồng: above any school asset, and quantity × unit cost stays a safe integer. */
const MAX_UNIT_COST = 10_000_000_000_000;
const MAX_QUANTITY = 100_000;

/** `categoryCode` finds a category of the province's list by its name or code. */
export function readAssetRow(r: FieldReader, categoryCode: (word: string) => string | undefined): AssetRow | null {
  const inUseOn = r.date('inUseOn', true);
  const quantity = r.number('quantity', { min: 1, max: MAX_QUANTITY, decimals: 0 }) ?? required(r, 'quantity');
  const unitCost = safeCost(r, quantity, r.number('unitCost', { min: 0, max: MAX_UNIT_COST, decimals: 0 }));
  const row = {
    row: r.row,
    code: code(r),
    name: r.text('name', true)?.normalize('NFC').replace(/\s+/g, ' ') ?? null,
    categoryCode: category(r, categoryCode),
    quantity,
    unit: r.text('unit', true),
    unitCost,
    fundingSource: r.choice('fundingSource', FUNDING_SOURCE_VI, true),
    inUseOn,
    documentNumber: r.text('documentNumber'),
    documentDate: r.date('documentDate'),
    ...location(r),
    responsible: r.text('responsible'),
    condition: r.has('condition') ? r.choice('condition', ASSET_CONDITION_VI) : 'GOOD',
    ...openingWear(r, inUseOn, quantity !== null && unitCost !== null ? quantity * unitCost : null),
  };
  const optional = ['code', 'documentNumber', 'documentDate', 'responsible', 'condition'] as const;
  if (optional.some((key) => row[key] === null && r.has(key))) return null;
  const mandatory = ['name', 'categoryCode', 'quantity', 'unit', 'unitCost', 'fundingSource', 'inUseOn'] as const;
  if (mandatory.some((key) => row[key] === null) || row.openingWear === null) return null;
  return row as AssetRow;
}

/** FieldReader.number answers null for an empty cell without a message; these columns must be filled. */
function required(r: FieldReader, key: string): null {
  return r.has(key) ? null : r.fail(key, 'Bắt buộc nhập');
}

/** The unit cost, when quantity × unit cost stays a whole number JavaScript holds exactly (below 2^53 đồng). */
function safeCost(r: FieldReader, quantity: number | null, unitCost: number | null): number | null {
  if (unitCost === null) return required(r, 'unitCost');
  if (quantity !== null && !Number.isSafeInteger(quantity * unitCost))
    return r.fail('unitCost', 'Số lượng × đơn giá vượt quá giá trị cho phép');
  return unitCost;
}

function code(r: FieldReader): string | null {
  const text = r.text('code');
  if (text === null) return null;
  return /^[\p{L}\p{N}._/-]{1,30}$/u.test(text)
    ? text.toUpperCase()
    : r.fail('code', 'Mã tài sản chỉ gồm chữ, số và các dấu . _ / - (không có khoảng trắng)');
}

function category(r: FieldReader, categoryCode: (word: string) => string | undefined): string | null {
  const text = r.text('category', true);
  if (text === null) return null;
  return categoryCode(text) ?? r.fail('category', 'Không có trong danh mục loại tài sản của Sở');
}

/** A place is a building and a room together (the register's locations); both empty leaves the asset unplaced. */
function location(r: FieldReader): { building: string | null; room: string | null } {
  const building = r.text('building');
  const room = r.text('room');
  if (building && !room && !r.has('room')) r.fail('room', 'Nhập phòng cùng với nhà / khu');
  if (room && !building && !r.has('building')) r.fail('building', 'Nhập nhà / khu cùng với phòng');
  return { building, room };
}

/**
 * The wear a paper book already holds, through its last year (the wear run then continues from the next year). It
 * cannot exceed the original cost, nor end before the year the asset was put into use or after this year.
 */
function openingWear(
  r: FieldReader,
  inUseOn: string | null,
  cost: number | null,
): { openingWear: number | null; openingWearYear: number | null } {
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const amount = r.number('openingWear', { min: 0, max: MAX_UNIT_COST * MAX_QUANTITY, decimals: 0 });
  const year = r.number('openingWearYear', { min: 1900, max: thisYear, decimals: 0 });
  if ((amount === null && r.has('openingWear')) || (year === null && r.has('openingWearYear')))
    return { openingWear: null, openingWearYear: null };
  if (!amount) {
    if (year !== null) r.fail('openingWear', 'Nhập hao mòn lũy kế khi ghi năm tính hao mòn');
    return { openingWear: year === null ? 0 : null, openingWearYear: null };
  }
  if (year === null) {
    r.fail('openingWearYear', 'Bắt buộc nhập khi có hao mòn lũy kế');
    return { openingWear: null, openingWearYear: null };
  }
  if (cost !== null && amount > cost) r.fail('openingWear', 'Hao mòn lũy kế không được lớn hơn nguyên giá');
  if (inUseOn && year < Number(inUseOn.slice(0, 4)))
    r.fail('openingWearYear', 'Năm tính hao mòn không được trước năm đưa vào sử dụng');
  return { openingWear: amount, openingWearYear: year };
}

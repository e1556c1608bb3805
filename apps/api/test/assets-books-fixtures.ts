import { TestApp } from './harness';
import { Cell } from './imports-fixtures';

/**
 * What the asset books read besides the register, arranged as the schema owner: wear posted by a year's run, a
 * disposal, a cost change. (The wear run, disposals and cost changes have their own endpoints and specs; these
 * fixtures only set the rows the books must read back.)
 */
export const ASSET_HEADERS = [
  'Mã tài sản',
  'Tên tài sản',
  'Loại tài sản',
  'Số lượng',
  'Đơn vị tính',
  'Đơn giá (đồng)',
  'Nguồn kinh phí',
  'Ngày đưa vào sử dụng',
  'Số chứng từ',
  'Ngày chứng từ',
  'Nhà / khu',
  'Phòng',
  'Người sử dụng, quản lý',
  'Tình trạng',
  'Hao mòn lũy kế đã ghi sổ (đồng)',
  'Hao mòn tính đến năm',
];

/** A row of the asset list by header; missing headers are empty cells. */
export function assetRow(values: Record<string, Cell>): Cell[] {
  return ASSET_HEADERS.map((h) => values[h] ?? null);
}

export async function assetIdByCode(t: TestApp, schoolId: string, code: string): Promise<string> {
  const [row] = await t.owner.query(`select id from asset where school_id = $1 and code = $2`, [schoolId, code]);
  if (!row) throw new Error(`no asset ${code}`);
  return row.id as string;
}

/** The wear rows a year's run would have posted (amounts as the run computes them: the books only read them). */
export async function postWear(
  t: TestApp,
  schoolId: string,
  assetId: string,
  rows: { year: number; costBasis: number; amount: number; accumulatedAfter: number }[],
): Promise<void> {
  for (const r of rows) {
    await t.owner.query(
      `insert into asset_wear (school_id, asset_id, year, cost_basis, amount, accumulated_after) values ($1, $2, $3, $4, $5, $6)`,
      [schoolId, assetId, r.year, r.costBasis, r.amount, r.accumulatedAfter],
    );
  }
  await t.owner.query(
    `update asset set posted_wear = (select coalesce(sum(amount), 0) from asset_wear w where w.school_id = $1 and w.asset_id = $2)
      where school_id = $1 and id = $2`,
    [schoolId, assetId],
  );
}

export async function dispose(
  t: TestApp,
  schoolId: string,
  assetId: string,
  d: {
    method: string;
    decisionNumber: string;
    decisionDate: string;
    disposedOn: string;
    quantity: number;
    whole: boolean;
  },
): Promise<void> {
  const [asset] = await t.owner.query(
    `select cost, posted_wear + opening_wear as wear from asset where school_id = $1 and id = $2`,
    [schoolId, assetId],
  );
  await t.owner.query(
    `insert into asset_disposal (school_id, asset_id, method, decision_number, decision_date, disposed_on, quantity, cost, accumulated_wear)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [schoolId, assetId, d.method, d.decisionNumber, d.decisionDate, d.disposedOn, d.quantity, asset.cost, asset.wear],
  );
  if (d.whole)
    await t.owner.query(`update asset set status = 'DISPOSED', disposed_on = $3 where school_id = $1 and id = $2`, [
      schoolId,
      assetId,
      d.disposedOn,
    ]);
  else
    await t.owner.query(
      `update asset set quantity = quantity - $3, cost = unit_cost * (quantity - $3) where school_id = $1 and id = $2`,
      [schoolId, assetId, d.quantity],
    );
}

export async function changeCost(
  t: TestApp,
  schoolId: string,
  assetId: string,
  effectiveOn: string,
  costAfter: number,
) {
  await t.owner.query(
    `insert into asset_event (school_id, asset_id, kind, effective_on, details, cost_after) values ($1, $2, 'COST_CHANGED', $3, '{"kind":"UPGRADE"}', $4)`,
    [schoolId, assetId, effectiveOn, costAfter],
  );
  await t.owner.query(`update asset set cost = $3 where school_id = $1 and id = $2`, [schoolId, assetId, costAfter]);
}

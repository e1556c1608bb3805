import type { AssetInventory } from '@emis/contracts';
import { inventoryAdjustment, inventoryTotals, InventoryTotals } from '@emis/domain';
import { ASSET_CONDITION_VI } from '../asset-words';
import { CountingLine } from './inventory.repository';

/** A line of the checklist or the report. */
export type PaperLine = CountingLine;

/** What a checklist or the report prints besides the lines. */
export interface InventoryPaper {
  schoolName: string;
  /** Printed above the school (docs/domain/records.md, "Official papers"). */
  governingBody: string | null;
  inventory: AssetInventory;
  /** The room of a per-room checklist; null for the whole school. */
  room: string | null;
  lines: PaperLine[];
}

/** One row of the biên bản kiểm kê: the books, the count, and the surplus or shortfall, in quantity and value. */
export interface ReportRow {
  line: PaperLine;
  counted: { quantity: number; value: number } | null;
  surplus: { quantity: number; value: number } | null;
  shortfall: { quantity: number; value: number } | null;
  condition: string;
}

/**
 * The report's rows and totals from the lines, by the same rule the approval applies (libs/domain
 * inventoryAdjustment): a shortfall is valued at its share of the book cost (rounded up, Art. 5.1), a surplus at the
 * unit cost; an uncounted line shows no count and no difference.
 */
export function reportRows(lines: PaperLine[]): { rows: ReportRow[]; totals: InventoryTotals & { bookValue: number } } {
  const counted = lines.map((line) => ({
    kind: line.kind,
    bookQuantity: line.bookQuantity,
    countedQuantity: line.countedQuantity,
    cost: line.bookValue,
    unitCost: line.unitCost,
  }));
  const rows = lines.map((line, i): ReportRow => {
    const a = inventoryAdjustment(counted[i]);
    const shortfall =
      a.action === 'DISPOSE_LOSS'
        ? { quantity: a.quantity, value: a.value }
        : a.action === 'REDUCE'
          ? { quantity: a.missing, value: a.value }
          : null;
    const surplus =
      a.action === 'INCREASE'
        ? { quantity: a.extra, value: a.value }
        : a.action === 'REGISTER'
          ? { quantity: a.quantity, value: a.value }
          : null;
    return {
      line,
      counted:
        line.countedQuantity === null
          ? null
          : {
              quantity: line.countedQuantity,
              value: line.bookValue - (shortfall?.value ?? 0) + (surplus?.value ?? 0),
            },
      surplus,
      shortfall,
      condition: line.condition ? ASSET_CONDITION_VI[line.condition] : '',
    };
  });
  const bookValue = lines.reduce((sum, l) => sum + l.bookValue, 0);
  return { rows, totals: { ...inventoryTotals(counted), bookValue } };
}

const MONEY = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** Whole đồng as schools print it: 1.250.000. */
export function formatDong(value: number): string {
  return MONEY.format(value);
}

/** yyyy-MM-dd → dd/MM/yyyy. */
export function viDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

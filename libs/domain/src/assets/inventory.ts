import type { AssetKind } from './asset-types';

/**
 * The annual inventory (kiểm kê): what a counted line means for the books once the inventory is approved. The
 * count itself changes nothing; the approval turns each difference into a movement (docs/domain/assets.md,
 * "Inventory"): a fixed asset not found leaves the books as a loss, a lot of tools found short keeps fewer items
 * at a lower cost (the missing ones written off as a loss), and what was found on no record — a surplus line, or the
 * extra items of a lot — is registered.
 */

/** One line of an inventory as the approval reads it. */
export interface CountedLine {
  /** The record's kind; null for a surplus line (found in the count, on no record). */
  kind: AssetKind | null;
  bookQuantity: number;
  /** null while the line is not counted: an uncounted line proves nothing and changes nothing. */
  countedQuantity: number | null;
  /** The record's current original cost (the whole lot), whole đồng; 0 for a surplus line. */
  cost: number;
  /** Cost of one item: the record's, or the committee's estimate for a surplus line (0 when none was given). */
  unitCost: number;
}

export type InventoryAdjustment =
  /** Counted as on the books, or not counted at all. */
  | { action: 'NONE' }
  /** Nothing of the record was found: it leaves the books as a loss (the whole record, `quantity` items). */
  | { action: 'DISPOSE_LOSS'; quantity: number; value: number }
  /** A lot of tools found short: `quantity` items remain, `missing` are written off, the cost drops by `value`. */
  | { action: 'REDUCE'; quantity: number; missing: number; value: number }
  /** A lot of tools found with more items (`quantity` counted): `extra` items worth `value`, registered as a new lot. */
  | { action: 'INCREASE'; quantity: number; extra: number; value: number }
  /** A surplus line: a new record of `quantity` items at `unitCost` each. */
  | { action: 'REGISTER'; quantity: number; unitCost: number; value: number };

/** counted − book: negative a shortfall, positive a surplus; null until counted. */
export function inventoryDifference(line: Pick<CountedLine, 'bookQuantity' | 'countedQuantity'>): number | null {
  return line.countedQuantity === null ? null : line.countedQuantity - line.bookQuantity;
}

/** What approving the inventory does to the books for this line. */
export function inventoryAdjustment(line: CountedLine): InventoryAdjustment {
  const difference = inventoryDifference(line);
  if (difference === null || difference === 0) return { action: 'NONE' };
  if (line.kind === null) {
    return {
      action: 'REGISTER',
      quantity: difference,
      unitCost: line.unitCost,
      value: line.unitCost * difference,
    };
  }
  if (line.countedQuantity === 0) return { action: 'DISPOSE_LOSS', quantity: line.bookQuantity, value: line.cost };
  if (difference < 0) {
    const missing = -difference;
    return {
      action: 'REDUCE',
      quantity: line.countedQuantity!,
      missing,
      value: shareOfCost(line.cost, missing, line.bookQuantity),
    };
  }
  return { action: 'INCREASE', quantity: line.countedQuantity!, extra: difference, value: line.unitCost * difference };
}

/**
 * The share of a lot's cost that `part` of its `whole` items carry: cost × part / whole in exact integers (the
 * product may pass 2^53), a fraction rounded up to the next đồng (Art. 5.1, Circular 23/2023/TT-BTC).
 */
export function shareOfCost(cost: number, part: number, whole: number): number {
  const numerator = BigInt(cost) * BigInt(part);
  const divisor = BigInt(whole);
  const quotient = numerator / divisor;
  return Number(numerator % divisor === 0n ? quotient : quotient + 1n);
}

/**
 * Why a count cannot be kept, as the rule names of the API's field errors: a negative count, and a fixed asset
 * counted more than once (a fixed asset is one item per record; a second one found is a surplus line of its own).
 */
export function countErrors(kind: AssetKind | null, countedQuantity: number): string[] {
  if (!Number.isInteger(countedQuantity) || countedQuantity < 0) return ['countNotNatural'];
  if (kind === 'FIXED' && countedQuantity > 1) return ['fixedAssetCountedTwice'];
  return [];
}

export interface InventoryTotals {
  lines: number;
  counted: number;
  shortfallLines: number;
  surplusLines: number;
  /** Book value of what is missing, and the value of what was found (whole đồng). */
  shortfallValue: number;
  surplusValue: number;
}

/** The figures of an inventory report (biên bản kiểm kê): lines counted, shortfalls and surpluses with their value. */
export function inventoryTotals(lines: CountedLine[]): InventoryTotals {
  const totals: InventoryTotals = {
    lines: lines.length,
    counted: 0,
    shortfallLines: 0,
    surplusLines: 0,
    shortfallValue: 0,
    surplusValue: 0,
  };
  for (const line of lines) {
    if (line.countedQuantity !== null) totals.counted++;
    const adjustment = inventoryAdjustment(line);
    if (adjustment.action === 'DISPOSE_LOSS' || adjustment.action === 'REDUCE') {
      totals.shortfallLines++;
      totals.shortfallValue += adjustment.value;
    } else if (adjustment.action === 'INCREASE' || adjustment.action === 'REGISTER') {
      totals.surplusLines++;
      totals.surplusValue += adjustment.value;
    }
  }
  return totals;
}

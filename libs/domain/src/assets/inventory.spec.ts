import { countErrors, inventoryAdjustment, inventoryDifference, inventoryTotals, shareOfCost } from './inventory';

const laptop = { kind: 'FIXED' as const, bookQuantity: 1, cost: 18_500_000, unitCost: 18_500_000 };
const chairs = { kind: 'TOOL' as const, bookQuantity: 40, cost: 24_000_000, unitCost: 600_000 };

describe('inventory differences (kiểm kê)', () => {
  it('reads counted − book, and nothing before the line is counted', () => {
    expect(inventoryDifference({ bookQuantity: 40, countedQuantity: 37 })).toBe(-3);
    expect(inventoryDifference({ bookQuantity: 1, countedQuantity: 1 })).toBe(0);
    expect(inventoryDifference({ bookQuantity: 1, countedQuantity: null })).toBeNull();
  });

  it('leaves a line counted as on the books, or not counted at all, unchanged', () => {
    expect(inventoryAdjustment({ ...laptop, countedQuantity: 1 })).toEqual({ action: 'NONE' });
    expect(inventoryAdjustment({ ...laptop, countedQuantity: null })).toEqual({ action: 'NONE' });
    expect(inventoryAdjustment({ ...chairs, countedQuantity: null })).toEqual({ action: 'NONE' });
  });

  it('turns a fixed asset not found into a loss of the whole record at its cost', () => {
    expect(inventoryAdjustment({ ...laptop, countedQuantity: 0 })).toEqual({
      action: 'DISPOSE_LOSS',
      quantity: 1,
      value: 18_500_000,
    });
  });

  it('turns a lot of tools found with none left into a loss of the whole lot', () => {
    expect(inventoryAdjustment({ ...chairs, countedQuantity: 0 })).toEqual({
      action: 'DISPOSE_LOSS',
      quantity: 40,
      value: 24_000_000,
    });
  });

  it('keeps a lot of tools found short with fewer items and its cost lowered by their share', () => {
    expect(inventoryAdjustment({ ...chairs, countedQuantity: 37 })).toEqual({
      action: 'REDUCE',
      quantity: 37,
      missing: 3,
      value: 1_800_000,
    });
  });

  it('rounds a missing share of a lot whose cost does not divide up to the next đồng (Art. 5.1)', () => {
    // 10,000,000 đ for 3 items: one item's share is 3,333,333.33… → 3,333,334 đ.
    expect(
      inventoryAdjustment({ kind: 'TOOL', bookQuantity: 3, cost: 10_000_000, unitCost: 3_333_333, countedQuantity: 2 }),
    ).toEqual({ action: 'REDUCE', quantity: 2, missing: 1, value: 3_333_334 });
  });

  it('values the extra items of a lot found with more at its unit cost', () => {
    expect(inventoryAdjustment({ ...chairs, countedQuantity: 42 })).toEqual({
      action: 'INCREASE',
      quantity: 42,
      extra: 2,
      value: 1_200_000,
    });
  });

  it('registers a surplus line as a new record of what was counted', () => {
    const found = { kind: null, bookQuantity: 0, cost: 0, unitCost: 2_500_000, countedQuantity: 4 };
    expect(inventoryAdjustment(found)).toEqual({
      action: 'REGISTER',
      quantity: 4,
      unitCost: 2_500_000,
      value: 10_000_000,
    });
    expect(inventoryAdjustment({ ...found, countedQuantity: 0 })).toEqual({ action: 'NONE' });
  });

  it('computes a share in exact integers where the product passes 2^53', () => {
    // 2,345,678,901,234 đ × 7,000 passes 2^53; 1/3 of the product is exact only in integers.
    expect(shareOfCost(2_345_678_901_234, 7_000, 21_000)).toBe(781_892_967_078);
    expect(shareOfCost(100, 1, 3)).toBe(34);
    expect(shareOfCost(99, 1, 3)).toBe(33);
  });

  it('refuses a negative count, and a fixed asset counted more than once', () => {
    expect(countErrors('TOOL', -1)).toEqual(['countNotNatural']);
    expect(countErrors('TOOL', 1.5)).toEqual(['countNotNatural']);
    expect(countErrors('FIXED', 2)).toEqual(['fixedAssetCountedTwice']);
    expect(countErrors('FIXED', 0)).toEqual([]);
    expect(countErrors('TOOL', 120)).toEqual([]);
    expect(countErrors(null, 3)).toEqual([]);
  });

  it('totals the lines of the report: counted, shortfalls and surpluses with their value', () => {
    expect(
      inventoryTotals([
        { ...laptop, countedQuantity: 0 },
        { ...chairs, countedQuantity: 37 },
        { ...chairs, countedQuantity: null },
        { ...laptop, countedQuantity: 1 },
        { kind: null, bookQuantity: 0, cost: 0, unitCost: 2_500_000, countedQuantity: 1 },
      ]),
    ).toEqual({
      lines: 5,
      counted: 4,
      shortfallLines: 2,
      surplusLines: 1,
      shortfallValue: 20_300_000,
      surplusValue: 2_500_000,
    });
  });
});

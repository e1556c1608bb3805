import { originalCostOf, registerFieldErrors, RegisterRuleFields } from './register-rules';

const TODAY = '2026-12-05';
const laptop: RegisterRuleFields = {
  kind: 'FIXED',
  worn: true,
  quantity: 1,
  unitCost: 18_500_000,
  inUseOn: '2024-09-05',
  documentDate: '2024-09-01',
  openingWear: 0,
  openingWearYear: null,
};
const rules = (f: Partial<RegisterRuleFields>) =>
  registerFieldErrors({ ...laptop, ...f }, TODAY).map((e) => `${e.field}:${e.rule}`);

describe('the register rules', () => {
  it('accepts a laptop put into use with its invoice', () => {
    expect(rules({})).toEqual([]);
  });

  it('keeps a fixed asset to one item, and a lot of tools to any number', () => {
    expect(rules({ quantity: 3 })).toEqual(['quantity:fixedAssetQuantity']);
    expect(rules({ kind: 'TOOL', quantity: 3, unitCost: 9_900_000 })).toEqual([]);
  });

  it('multiplies the cost exactly in BigInt, and refuses a cost beyond what JSON numbers carry exactly', () => {
    expect(originalCostOf(9_900_000, 20)).toBe(198_000_000);
    expect(originalCostOf(2_345_678_901, 3)).toBe(7_037_036_703);
    expect(originalCostOf(9_000_000_000_000, 1001)).toBeNull();
    expect(rules({ kind: 'TOOL', unitCost: 9_000_000_000_000, quantity: 1001 })).toEqual([
      'unitCost:assetCostTooLarge',
    ]);
  });

  it('refuses dates that do not exist or lie ahead', () => {
    expect(rules({ inUseOn: '2025-02-29', documentDate: '2026-12-06' })).toEqual([
      'inUseOn:isRealDate',
      'documentDate:notInFuture',
    ]);
  });

  it('takes opening wear only for a worn fixed asset, up to its cost, with the year it runs to', () => {
    expect(rules({ kind: 'TOOL', openingWear: 1, openingWearYear: 2025 })).toEqual(['openingWear:openingWearNotWorn']);
    expect(rules({ worn: false, openingWear: 1, openingWearYear: 2025 })).toEqual(['openingWear:openingWearNotWorn']);
    expect(rules({ openingWear: 18_500_001, openingWearYear: 2025 })).toEqual(['openingWear:openingWearAboveCost']);
    expect(rules({ openingWear: 3_700_000 })).toEqual(['openingWearYear:openingWearYearRequired']);
    expect(rules({ openingWear: 3_700_000, openingWearYear: 2023 })).toEqual(['openingWearYear:inRange']);
    expect(rules({ openingWear: 3_700_000, openingWearYear: 2027 })).toEqual(['openingWearYear:inRange']);
    expect(rules({ openingWear: 7_400_000, openingWearYear: 2025 })).toEqual([]);
  });
});

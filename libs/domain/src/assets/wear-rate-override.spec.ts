import { wearDue } from './wear';
import { categoryOverrideProblems, effectiveRate, rateOverrideRange, type WearCategory } from './wear-rates';
import { fixedAsset, runYears } from './wear.fixtures';

const officeEquipment: WearCategory & { assetClass: 'MACHINERY' } = {
  assetClass: 'MACHINERY',
  worn: true,
  defaultLifeYears: 5,
  defaultRateBasisPoints: 2000,
  lifeYears: null,
  rateBasisPoints: null,
};

describe("the province's override of a category's rate (Art. 13.1.a: ±20 % of the default)", () => {
  it('applies the shipped default when nothing is overridden', () => {
    expect(effectiveRate(officeEquipment)).toEqual({ lifeYears: 5, rateBasisPoints: 2000 });
  });

  it('allows 16 %–24 % for a 20 % default and refuses beyond', () => {
    expect(rateOverrideRange(2000)).toEqual({ min: 1600, max: 2400 });
    expect(categoryOverrideProblems(officeEquipment, { rateBasisPoints: 1600 })).toEqual([]);
    expect(categoryOverrideProblems(officeEquipment, { rateBasisPoints: 2400 })).toEqual([]);
    expect(categoryOverrideProblems(officeEquipment, { rateBasisPoints: 2401 })).toEqual([
      { field: 'rateBasisPoints', rule: 'RATE_OUT_OF_RANGE', min: 1600, max: 2400 },
    ]);
    expect(categoryOverrideProblems(officeEquipment, { rateBasisPoints: 1599 })[0]?.rule).toBe('RATE_OUT_OF_RANGE');
  });

  it('wears a laptop at an overridden 24 %: 4,440,000 đ a year, the fifth year the remaining 740,000 đ', () => {
    const rate = effectiveRate({ ...officeEquipment, rateBasisPoints: 2400 });
    expect(rate).toEqual({ lifeYears: 5, rateBasisPoints: 2400 });
    const laptop = fixedAsset({ inUseOn: '2021-01-05', cost: 18_500_000, rate });
    const { rows } = runYears(laptop, 2021, 2027);
    expect(rows.map((row) => row.amount)).toEqual([4_440_000, 4_440_000, 4_440_000, 4_440_000, 740_000]);
    expect(rows.at(-1)?.accumulatedAfter).toBe(18_500_000);
  });

  it('wears at an overridden 16 % over 7 years, the last one taking the remainder', () => {
    const rate = effectiveRate({ ...officeEquipment, rateBasisPoints: 1600 });
    expect(rate).toEqual({ lifeYears: 7, rateBasisPoints: 1600 });
    const { rows } = runYears(fixedAsset({ inUseOn: '2021-01-05', cost: 18_500_000, rate }), 2021, 2030);
    expect(rows.map((row) => row.amount)).toEqual([
      2_960_000, 2_960_000, 2_960_000, 2_960_000, 2_960_000, 2_960_000, 740_000,
    ]);
  });

  it('takes no life for a tangible category: its life follows the rate', () => {
    expect(categoryOverrideProblems(officeEquipment, { lifeYears: 6 })).toEqual([
      { field: 'lifeYears', rule: 'NOT_APPLICABLE' },
    ]);
  });
});

describe('intangible assets: a life of 4–50 years set by the province (Art. 13.2)', () => {
  const software: WearCategory & { assetClass: 'SOFTWARE' } = {
    assetClass: 'SOFTWARE',
    worn: true,
    defaultLifeYears: 5,
    defaultRateBasisPoints: null,
    lifeYears: null,
    rateBasisPoints: null,
  };

  it('accepts 4 and 50 years, refuses 3 and 51 and a rate', () => {
    expect(categoryOverrideProblems(software, { lifeYears: 4 })).toEqual([]);
    expect(categoryOverrideProblems(software, { lifeYears: 50 })).toEqual([]);
    expect(categoryOverrideProblems(software, { lifeYears: 3 })).toEqual([
      { field: 'lifeYears', rule: 'LIFE_OUT_OF_RANGE', min: 4, max: 50 },
    ]);
    expect(categoryOverrideProblems(software, { lifeYears: 51 })[0]?.rule).toBe('LIFE_OUT_OF_RANGE');
    expect(categoryOverrideProblems(software, { rateBasisPoints: 2000 })[0]?.rule).toBe('NOT_APPLICABLE');
  });

  it('wears software over the set life: cost ÷ life rounded up, the last year the remainder', () => {
    const rate = effectiveRate({ ...software, lifeYears: 7 });
    expect(rate).toEqual({ lifeYears: 7, rateBasisPoints: null });
    const { rows } = runYears(fixedAsset({ inUseOn: '2022-02-01', cost: 100_000_000, rate }), 2022, 2030);
    expect(rows.map((row) => row.amount)).toEqual([
      14_285_715, 14_285_715, 14_285_715, 14_285_715, 14_285_715, 14_285_715, 14_285_710,
    ]);
  });

  it('never wears land-use rights and takes no override for them', () => {
    const land = { ...software, assetClass: 'LAND_USE_RIGHT' as const, worn: false, defaultLifeYears: null };
    expect(effectiveRate(land)).toBeNull();
    expect(wearDue(fixedAsset({ rate: effectiveRate(land) }), 2025)).toEqual([]);
    expect(categoryOverrideProblems(land, { lifeYears: 10 })).toEqual([{ field: 'lifeYears', rule: 'NOT_WORN' }]);
  });
});

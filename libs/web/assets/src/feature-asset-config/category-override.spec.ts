import { AssetCategory } from '@emis/contracts';
import { checkOverride, formatRatePercent, overrideField, parseRatePercent } from './category-override';

const category = (patch: Partial<AssetCategory>): AssetCategory => ({
  code: 'AIR_CONDITIONER',
  assetClass: 'MACHINERY',
  nameVi: 'Máy điều hòa không khí',
  nameEn: 'Air conditioners',
  defaultLifeYears: 8,
  defaultRateBasisPoints: 1250,
  lifeYears: null,
  rateBasisPoints: null,
  worn: true,
  updatedAt: null,
  ...patch,
});

const software = category({
  code: 'SOFTWARE',
  assetClass: 'SOFTWARE',
  defaultLifeYears: 5,
  defaultRateBasisPoints: null,
});
const land = category({
  code: 'LAND_USE_RIGHT',
  assetClass: 'LAND_USE_RIGHT',
  worn: false,
  defaultLifeYears: null,
  defaultRateBasisPoints: null,
});

describe("the province's value for a category", () => {
  it('reads a rate written with a comma or a point, in basis points', () => {
    expect(parseRatePercent('12,5')).toBe(1250);
    expect(parseRatePercent('12.5 %')).toBe(1250);
    expect(parseRatePercent('15')).toBe(1500);
    expect(parseRatePercent('10,05')).toBe(1005);
    expect(parseRatePercent('')).toBeNull();
    expect(parseRatePercent('12,345')).toBeUndefined();
    expect(parseRatePercent('mười')).toBeUndefined();
    expect(formatRatePercent(1250)).toBe('12,5');
  });

  it('is a rate for a tangible category, a life for an intangible one, nothing for land-use rights', () => {
    expect(overrideField(category({}))).toBe('rateBasisPoints');
    expect(overrideField(software)).toBe('lifeYears');
    expect(overrideField(land)).toBeNull();
  });

  it('accepts a rate within ±20 % of the appendix (12.5 % → 10 %–15 %), Art. 13.1.a', () => {
    expect(checkOverride(category({}), '10')).toEqual({ update: { rateBasisPoints: 1000 }, error: null });
    expect(checkOverride(category({}), '15')).toEqual({ update: { rateBasisPoints: 1500 }, error: null });
  });

  it('refuses a rate just outside ±20 %, naming the range', () => {
    expect(checkOverride(category({}), '15,01')).toEqual({
      update: null,
      error: { key: 'assets.register.config.errors.rateRange', params: { min: '10', max: '15', base: '12,5' } },
    });
    expect(checkOverride(category({}), '9,99').error?.key).toBe('assets.register.config.errors.rateRange');
  });

  it('takes a software life of 4–50 years, Art. 13.2', () => {
    expect(checkOverride(software, '10')).toEqual({ update: { lifeYears: 10 }, error: null });
    expect(checkOverride(software, '3').error).toEqual({
      key: 'assets.register.config.errors.lifeRange',
      params: { min: 4, max: 50 },
    });
    expect(checkOverride(software, '51').error?.key).toBe('assets.register.config.errors.lifeRange');
  });

  it('resets to the default when emptied, and refuses text that is no number', () => {
    expect(checkOverride(category({ rateBasisPoints: 1400 }), '')).toEqual({
      update: { rateBasisPoints: null },
      error: null,
    });
    expect(checkOverride(category({}), 'abc').error?.key).toBe('assets.register.config.errors.number');
  });
});

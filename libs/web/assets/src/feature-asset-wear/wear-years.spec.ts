import { wearYears } from './wear-years';

describe('the years of the wear page', () => {
  it('offers the current year first and the ten before it', () => {
    const years = wearYears(new Date(2026, 11, 5));
    expect(years[0]).toBe(2026);
    expect(years).toHaveLength(11);
    expect(years.at(-1)).toBe(2016);
  });
});

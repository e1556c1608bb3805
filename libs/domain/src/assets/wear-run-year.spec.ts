import { wearYearRefusal } from './wear';

describe('which year a wear run may post (Art. 12.1.a: in December, before the books close)', () => {
  it('refuses the current year before 1 December', () => {
    expect(wearYearRefusal(2026, '2026-11-30')).toBe('WEAR_YEAR_NOT_DUE');
  });

  it('allows the current year from 1 December', () => {
    expect(wearYearRefusal(2026, '2026-12-01')).toBeNull();
    expect(wearYearRefusal(2026, '2026-12-31')).toBeNull();
  });

  it('allows a past year at any time (a late run catches it up)', () => {
    expect(wearYearRefusal(2025, '2026-03-10')).toBeNull();
  });

  it('refuses a year still to come', () => {
    expect(wearYearRefusal(2027, '2026-12-31')).toBe('WEAR_YEAR_IN_FUTURE');
  });
});

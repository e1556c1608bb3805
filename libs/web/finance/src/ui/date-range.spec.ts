import { monthToDate, rangeError, yearToDate } from './date-range';

describe('the date range of a book or a reconciliation', () => {
  it('starts on the first of the month, or on 1 January, and ends today', () => {
    expect(monthToDate('2026-03-17')).toEqual({ from: '2026-03-01', to: '2026-03-17' });
    expect(yearToDate('2026-03-17')).toEqual({ from: '2026-01-01', to: '2026-03-17' });
  });

  it('is refused when a date is missing, not a real day, or after the end', () => {
    expect(rangeError({ from: '2026-03-01', to: '2026-03-31' })).toBeNull();
    expect(rangeError({ from: '2026-03-31', to: '2026-03-31' })).toBeNull();
    expect(rangeError({ from: '', to: '2026-03-31' })).toBe('missing');
    expect(rangeError({ from: '2026-02-30', to: '2026-03-31' })).toBe('missing');
    expect(rangeError({ from: '2026-04-01', to: '2026-03-31' })).toBe('order');
  });
});

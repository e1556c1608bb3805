import { monthsBetween } from './finance-months.service';

describe('the months a school closes', () => {
  it('lists the first day of every month between two, across a new year', () => {
    expect(monthsBetween('2025-11-01', '2026-02-01')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(monthsBetween('2025-11-01', '2025-11-01')).toEqual(['2025-11-01']);
    expect(monthsBetween('2025-12-01', '2025-11-01')).toEqual([]);
  });
});

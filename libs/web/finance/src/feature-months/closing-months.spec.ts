import { FinanceMonth } from '@emis/contracts';
import { monthRange, nextClosable } from './closing-months';

const months: FinanceMonth[] = [
  { month: '2026-01', closedAt: '2026-02-03T09:00:00Z' },
  { month: '2026-02', closedAt: null },
  { month: '2026-03', closedAt: null },
  { month: '2026-04', closedAt: null },
];

describe('the month that may be closed', () => {
  it('is the earliest open month, whatever order the list comes in', () => {
    expect(nextClosable([...months].reverse(), '2026-04-10')).toBe('2026-02');
  });

  it('is never the current month, which has not ended', () => {
    expect(nextClosable([months[0], months[3]], '2026-04-10')).toBeNull();
    expect(nextClosable(months, '2026-02-28')).toBeNull();
  });

  it('is none when every ended month is closed', () => {
    expect(
      nextClosable(
        months.map((m) => ({ ...m, closedAt: 'x' })),
        '2026-05-02',
      ),
    ).toBeNull();
  });
});

describe("a month's range", () => {
  it('runs from the first to the last day, February of a leap year included', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

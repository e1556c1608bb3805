import { isEnrolledOn, lastDayBefore, overlaps } from './enrolment-interval';

describe('enrolment interval', () => {
  const autumn = { fromDate: '2026-09-05', toDate: '2026-10-31' };
  const open = { fromDate: '2026-11-01', toDate: null };

  it('counts the first and the last day as days in the class', () => {
    expect(isEnrolledOn(autumn, '2026-09-05')).toBe(true);
    expect(isEnrolledOn(autumn, '2026-10-31')).toBe(true);
  });

  it('does not count the day before the first or the day after the last', () => {
    expect(isEnrolledOn(autumn, '2026-09-04')).toBe(false);
    expect(isEnrolledOn(autumn, '2026-11-01')).toBe(false);
  });

  it('keeps a pupil with no last day in the class from the first day on', () => {
    expect(isEnrolledOn(open, '2026-10-31')).toBe(false);
    expect(isEnrolledOn(open, '2026-11-01')).toBe(true);
    expect(isEnrolledOn(open, '2027-05-31')).toBe(true);
  });

  it('puts a pupil moved on 1 November in exactly one class on every day', () => {
    for (const day of ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']) {
      expect([autumn, open].filter((e) => isEnrolledOn(e, day))).toHaveLength(1);
    }
  });

  it('overlaps a period that shares a single day at either end', () => {
    expect(overlaps(autumn, { from: '2026-10-31', to: '2026-11-30' })).toBe(true);
    expect(overlaps(autumn, { from: '2026-08-01', to: '2026-09-05' })).toBe(true);
    expect(overlaps(open, { from: '2026-10-01', to: '2026-11-01' })).toBe(true);
  });

  it('does not overlap a period wholly before or after it', () => {
    expect(overlaps(autumn, { from: '2026-11-01', to: '2026-11-30' })).toBe(false);
    expect(overlaps(autumn, { from: '2026-08-01', to: '2026-09-04' })).toBe(false);
    expect(overlaps(open, { from: '2026-10-01', to: '2026-10-31' })).toBe(false);
  });

  it('ends the old class the day before a move, across month, year and leap-day boundaries', () => {
    expect(lastDayBefore('2026-11-01')).toBe('2026-10-31');
    expect(lastDayBefore('2027-01-01')).toBe('2026-12-31');
    expect(lastDayBefore('2028-03-01')).toBe('2028-02-29');
    expect(lastDayBefore('2027-03-01')).toBe('2027-02-28');
  });
});

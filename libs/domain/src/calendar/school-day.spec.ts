import { ageOn, todayInVietnam } from './school-day';

describe('the school day', () => {
  it('is the date in Vietnam: 23:30 UTC is already the next day there', () => {
    expect(todayInVietnam(new Date('2026-11-25T23:30:00Z'))).toBe('2026-11-26');
    expect(todayInVietnam(new Date('2026-11-25T16:59:00Z'))).toBe('2026-11-25');
  });

  it('counts whole years of age, birthdays included on the day', () => {
    expect(ageOn('2013-05-20', '2026-05-19')).toBe(12);
    expect(ageOn('2013-05-20', '2026-05-20')).toBe(13);
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
  });
});

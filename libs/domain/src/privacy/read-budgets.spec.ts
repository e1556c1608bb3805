import { ROLES } from '../identity/roles';
import { DAY_MS, HOUR_MS, judgeExport, judgeRead, READ_BUDGETS, ReadTally } from './read-budgets';

const NOW = new Date('2026-12-05T10:00:00Z');
const EMPTY: ReadTally = { hour: 0, day: 0, oldestInHour: null, oldestInDay: null };
const budget = { perHour: 400, perDay: 1_000 };

describe('judgeRead', () => {
  it('lets a page through while the hour and the day have room for all of it', () => {
    expect(judgeRead(budget, EMPTY, 200, NOW)).toEqual({ allowed: true });
    expect(judgeRead(budget, { ...EMPTY, hour: 200, day: 200 }, 200, NOW)).toEqual({ allowed: true });
  });

  it('refuses the whole page that would cross the hour, freed when the oldest read of the hour leaves it', () => {
    const oldest = new Date(NOW.getTime() - 10 * 60_000);
    const verdict = judgeRead(budget, { hour: 360, day: 360, oldestInHour: oldest, oldestInDay: oldest }, 200, NOW);
    expect(verdict).toEqual({
      allowed: false,
      window: 'HOUR',
      limit: 400,
      freesAt: new Date(oldest.getTime() + HOUR_MS),
    });
  });

  it('names the day when the day is what is spent, even with the hour free', () => {
    const oldestInDay = new Date(NOW.getTime() - 20 * HOUR_MS);
    const verdict = judgeRead(budget, { hour: 0, day: 950, oldestInHour: null, oldestInDay }, 60, NOW);
    expect(verdict).toEqual({
      allowed: false,
      window: 'DAY',
      limit: 1_000,
      freesAt: new Date(oldestInDay.getTime() + DAY_MS),
    });
  });

  it('costs nothing to re-read people already counted, even past the budget', () => {
    expect(judgeRead(budget, { ...EMPTY, hour: 400, day: 1_000 }, 0, NOW)).toEqual({ allowed: true });
  });

  it('makes a request larger than the whole budget wait a whole window', () => {
    const verdict = judgeRead(budget, EMPTY, 401, NOW);
    expect(verdict).toMatchObject({ allowed: false, window: 'HOUR', freesAt: new Date(NOW.getTime() + HOUR_MS) });
  });
});

describe('READ_BUDGETS', () => {
  it("covers a whole large school in a school administrator's hour, and stops a department loop within a few hundred", () => {
    expect(READ_BUDGETS.SCHOOL_ADMIN.STUDENT.perHour).toBeGreaterThanOrEqual(1_500);
    for (const role of ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER'] as const)
      expect(READ_BUDGETS[role].STUDENT.perHour).toBeLessThanOrEqual(500);
  });

  it('gives every role a day at least as large as its hour', () => {
    for (const role of ROLES)
      for (const kind of ['STUDENT', 'STAFF'] as const)
        expect(READ_BUDGETS[role][kind].perDay).toBeGreaterThanOrEqual(READ_BUDGETS[role][kind].perHour);
  });
});

describe('judgeExport', () => {
  it("refuses the export past the role's daily limit until the oldest export of the day is a day old", () => {
    const limit = READ_BUDGETS.DEPARTMENT_OFFICER.exportsPerDay;
    const oldest = new Date(NOW.getTime() - 3 * HOUR_MS);
    expect(judgeExport('DEPARTMENT_OFFICER', limit - 1, oldest, NOW)).toEqual({ allowed: true });
    expect(judgeExport('DEPARTMENT_OFFICER', limit, oldest, NOW)).toEqual({
      allowed: false,
      window: 'DAY',
      limit,
      freesAt: new Date(oldest.getTime() + DAY_MS),
    });
  });
});

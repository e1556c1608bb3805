import { lastSchoolDayOnOrBefore, nonSchoolDay } from './school-day';

const calendar = {
  semester1Start: '2026-09-05',
  semester1End: '2027-01-16',
  semester2Start: '2027-01-18',
  semester2End: '2027-05-31',
};

describe('school days', () => {
  it('counts a weekday and a Saturday inside a semester as school days', () => {
    expect(nonSchoolDay('2026-10-05', calendar)).toBeNull();
    expect(nonSchoolDay('2026-10-10', calendar)).toBeNull();
  });

  it('refuses Sundays', () => {
    expect(nonSchoolDay('2026-10-11', calendar)).toBe('sunday');
  });

  it('refuses the fixed public holidays', () => {
    expect(nonSchoolDay('2027-01-01', calendar)).toBe('publicHoliday');
    expect(nonSchoolDay('2027-04-30', calendar)).toBe('publicHoliday');
    expect(nonSchoolDay('2027-05-01', calendar)).toBe('publicHoliday');
  });

  it('refuses the days before semester I, between the semesters and after semester II', () => {
    expect(nonSchoolDay('2026-09-04', calendar)).toBe('outsideSemesters');
    expect(nonSchoolDay('2027-01-17', calendar)).toBe('outsideSemesters');
    expect(nonSchoolDay('2027-06-01', calendar)).toBe('outsideSemesters');
  });

  it('steps back from a Sunday to the Saturday before, and from the break to the end of semester I', () => {
    expect(lastSchoolDayOnOrBefore('2026-10-11', calendar)).toBe('2026-10-10');
    expect(lastSchoolDayOnOrBefore('2027-01-17', calendar)).toBe('2027-01-16');
    expect(lastSchoolDayOnOrBefore('2027-08-01', calendar)).toBe('2027-05-31');
    expect(lastSchoolDayOnOrBefore('2026-09-01', calendar)).toBeNull();
  });
});

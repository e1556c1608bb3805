import { attendanceDateErrors, schoolYearErrors, semesterErrors } from './calendar-rules';

const YEAR = {
  code: '2026-2027',
  startsOn: '2026-09-05',
  endsOn: '2027-05-31',
  semester1Start: '2026-09-05',
  semester1End: '2027-01-16',
  semester2Start: '2027-01-19',
  semester2End: '2027-05-25',
};
const codes = (errors: { field: string; rule: string }[]) => errors.map((e) => `${e.field}:${e.rule}`);

describe('school year and semester dates', () => {
  it('accepts Hưng Yên 2026-2027', () => {
    expect(schoolYearErrors(YEAR)).toEqual([]);
  });

  it('wants two consecutive years in the code and a start in the first year', () => {
    expect(codes(schoolYearErrors({ ...YEAR, code: '2026-2028' }))).toEqual(['code:schoolYearCode']);
    expect(codes(schoolYearErrors({ ...YEAR, startsOn: '2027-09-05' }))).toEqual(['startsOn:inRange']);
  });

  it('puts semester I before semester II and names the date it must follow', () => {
    const errors = semesterErrors({ ...YEAR, semester2Start: '2027-01-16' }, YEAR);
    expect(errors).toEqual([{ field: 'semester2Start', rule: 'dateAfter', args: ['16/01/2027'] }]);
  });

  it('keeps both semesters inside the year', () => {
    expect(codes(semesterErrors({ ...YEAR, semester1Start: '2026-09-01', semester2End: '2027-06-02' }, YEAR))).toEqual([
      'semester1Start:inRange',
      'semester2End:inRange',
    ]);
  });

  it('reports a date that does not exist rather than comparing it', () => {
    expect(codes(semesterErrors({ ...YEAR, semester1End: '2027-02-30' }, YEAR))).toEqual(['semester1End:isRealDate']);
  });
});

describe('attendance dates', () => {
  it('allows school days up to today inside the year', () => {
    expect(attendanceDateErrors('2026-11-25', YEAR, '2026-11-25')).toEqual([]);
  });

  it('refuses tomorrow, days before the year and impossible dates', () => {
    expect(codes(attendanceDateErrors('2026-11-26', YEAR, '2026-11-25'))).toEqual(['date:notInFuture']);
    expect(codes(attendanceDateErrors('2026-09-04', YEAR, '2026-11-25'))).toEqual(['date:inRange']);
    expect(codes(attendanceDateErrors('2026-11-31', YEAR, '2026-11-25'))).toEqual(['date:isRealDate']);
  });
});

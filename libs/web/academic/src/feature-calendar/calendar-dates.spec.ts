import { isoToVn, semesterOrderErrors } from './calendar-dates';

const year = { startsOn: '2025-09-05', endsOn: '2026-05-31' };
const dates = {
  semester1Start: '2025-09-05',
  semester1End: '2026-01-10',
  semester2Start: '2026-01-12',
  semester2End: '2026-05-25',
};

describe('the order of a school year’s semesters', () => {
  it('accepts semester I before semester II, both inside the year', () => {
    expect(semesterOrderErrors(dates, year)).toEqual({});
  });

  it('accepts semester II ending on the year’s last day', () => {
    expect(semesterOrderErrors({ ...dates, semester2End: '2026-05-31' }, year)).toEqual({});
  });

  it('flags a year that ends on or before its start', () => {
    expect(semesterOrderErrors(dates, { startsOn: '2025-09-05', endsOn: '2025-09-05' })).toMatchObject({
      endsOn: 'afterStart',
    });
  });

  it('flags semester I starting before the year', () => {
    expect(semesterOrderErrors({ ...dates, semester1Start: '2025-09-04' }, year)).toEqual({
      semester1Start: 'beforeYear',
    });
  });

  it('flags a semester that ends on or before its start', () => {
    expect(semesterOrderErrors({ ...dates, semester1End: '2025-09-05' }, year)).toEqual({ semester1End: 'afterStart' });
    expect(semesterOrderErrors({ ...dates, semester2End: '2026-01-12' }, year)).toEqual({ semester2End: 'afterStart' });
  });

  it('flags semester II starting on or before semester I’s last day', () => {
    expect(semesterOrderErrors({ ...dates, semester2Start: '2026-01-10' }, year)).toEqual({
      semester2Start: 'overlap',
    });
  });

  it('flags semester II ending after the year', () => {
    expect(semesterOrderErrors({ ...dates, semester2End: '2026-06-01' }, year)).toEqual({ semester2End: 'afterYear' });
  });

  it('checks nothing about a date not yet entered', () => {
    expect(
      semesterOrderErrors(
        { semester1Start: '', semester1End: '', semester2Start: '', semester2End: '' },
        { startsOn: '', endsOn: '' },
      ),
    ).toEqual({});
  });
});

describe('an ISO date shown the Vietnamese way', () => {
  it('reads yyyy-MM-dd as dd/MM/yyyy, with or without a time', () => {
    expect(isoToVn('2026-01-05')).toBe('05/01/2026');
    expect(isoToVn('2026-01-05T23:30:00+07:00')).toBe('05/01/2026');
  });

  it('shows nothing for an empty or malformed value', () => {
    expect(isoToVn(null)).toBe('');
    expect(isoToVn(undefined)).toBe('');
    expect(isoToVn('05/01/2026')).toBe('');
  });
});

import { isRealDate } from '@emis/domain';
import { displayDate, shiftYears, staffFieldErrors } from './staff-rules';

const TODAY = '2026-11-25';
const valid = {
  personalId: '033186012345',
  dateOfBirth: '1986-07-21',
  gender: 'FEMALE' as 'MALE' | 'FEMALE',
  ethnicity: '01',
  startDate: '2009-09-01',
  qualifications: [{ level: 'BACHELOR' as const, major: 'Sư phạm Toán học', institution: 'ĐHSP Hà Nội', year: 2008 }],
};
const codes = (f: typeof valid) => staffFieldErrors(f, TODAY).map((e) => `${e.field}:${e.rule}`);

describe('staff record rules', () => {
  it('accepts a consistent record', () => {
    expect(codes(valid)).toEqual([]);
  });

  it('checks the personal id against the birth year and gender (digit 4: century and gender; 5–6: year)', () => {
    expect(codes({ ...valid, gender: 'MALE' })).toEqual(['personalId:personalIdMismatch']);
    expect(codes({ ...valid, personalId: '033187012345' })).toEqual(['personalId:personalIdMismatch']);
    expect(codes({ ...valid, personalId: '099186012345' })).toEqual(['personalId:personalIdProvince']);
  });

  it('keeps working age between 18 and 70 and the start no earlier than the eighteenth birthday', () => {
    expect(staffFieldErrors({ ...valid, personalId: '033309012345', dateOfBirth: '2009-01-01' }, TODAY)).toEqual(
      expect.arrayContaining([{ field: 'dateOfBirth', rule: 'inRange', args: ['25/11/1956', '25/11/2008'] }]),
    );
    expect(codes({ ...valid, startDate: '2003-09-01' })).toEqual(['startDate:inRange']);
  });

  it('finds a qualification earned before age fifteen or in the future implausible', () => {
    expect(codes({ ...valid, qualifications: [{ ...valid.qualifications[0], year: 2000 }] })).toEqual([
      'qualifications.0.year:inRange',
    ]);
    expect(codes({ ...valid, qualifications: [{ ...valid.qualifications[0], year: 2027 }] })).toEqual([
      'qualifications.0.year:inRange',
    ]);
  });

  it('knows real dates', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2027-02-29')).toBe(false);
    expect(isRealDate('29/02/2028')).toBe(false);
  });

  it('shifts a date by whole years on the text and writes it dd/MM/yyyy for messages', () => {
    expect(shiftYears('2026-11-25', -70)).toBe('1956-11-25');
    expect(shiftYears('0030-01-01', -20)).toBe('0010-01-01');
    expect(displayDate('2008-11-25')).toBe('25/11/2008');
  });

  // Found while writing this spec: on 29 February the bound is 29 February of a common year, a date that does not
  // exist. The comparison stays right (it sits between the 28th and 1 March), but the message shows "29/02/2008".
  it('keeps the age bounds right on 29 February (the message then names a 29 February that does not exist)', () => {
    const bornOn = (dateOfBirth: string) =>
      staffFieldErrors(
        { ...valid, personalId: '033310012345', dateOfBirth, startDate: '2028-02-29', qualifications: [] },
        '2028-02-29',
      );
    expect(bornOn('2010-02-28')).toEqual([]);
    expect(bornOn('2010-03-01')).toEqual([
      { field: 'dateOfBirth', rule: 'inRange', args: ['29/02/1958', '29/02/2010'] },
      expect.objectContaining({ field: 'startDate' }),
    ]);
  });
});

import { isRealDate, todayInVietnam } from '@emis/domain';
import { validate } from 'class-validator';
import {
  FULL_NAME_PATTERN,
  HasPersonalIdProvince,
  IsEthnicity,
  IsPersonalIdFormat,
  IsPlausibleSchoolAge,
  IsRealDate,
  IsVietnameseFullName,
  normaliseName,
  PersonalIdMatchesRecord,
} from './student-rules';

/** The rules as a request DTO carries them. */
class StudentRecord {
  @IsPersonalIdFormat() @HasPersonalIdProvince() @PersonalIdMatchesRecord() personalId: unknown = '001213012345';
  @IsVietnameseFullName() fullName: unknown = 'Nguyễn Văn An';
  @IsRealDate() @IsPlausibleSchoolAge() dateOfBirth: unknown = '2013-09-05';
  gender: unknown = 'MALE';
  @IsEthnicity() ethnicity: unknown = '01';
}

async function failedRules(changes: Partial<StudentRecord>): Promise<string[]> {
  const errors = await validate(Object.assign(new StudentRecord(), changes));
  return errors.flatMap((e) => Object.keys(e.constraints ?? {}).map((rule) => `${e.property}:${rule}`));
}

/** yyyy-MM-dd `years` before today in Vietnam. */
function yearsAgo(years: number): string {
  const today = todayInVietnam();
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
}

describe('student field rules', () => {
  it('accepts only calendar dates that exist, written yyyy-MM-dd', () => {
    expect(isRealDate('2012-02-29')).toBe(true);
    expect(isRealDate('2013-02-29')).toBe(false);
    expect(isRealDate('2013-04-31')).toBe(false);
    expect(isRealDate('12/04/2013')).toBe(false);
    expect(isRealDate(20130412)).toBe(false);
  });

  it('takes 2–7 words of letters with Vietnamese diacritics (and joined parts of Central Highlands names) as a full name, nothing else', () => {
    const ok = ['Nguyễn An', 'Trần Thị Ánh', 'Đặng Thị Thu Hương Giang', 'Ưng Hoàng Phúc', "H'Hen Niê", 'Y-Moan Ênuôl'];
    for (const name of ok) expect(FULL_NAME_PATTERN.test(name)).toBe(true);
    for (const name of ['An', 'Nguyễn Văn 3', 'Một Hai Ba Bốn Năm Sáu Bảy Tám', '=cmd calc', 'Lê -Văn Tám'])
      expect(FULL_NAME_PATTERN.test(name)).toBe(false);
  });

  it('normalises spacing and composes decomposed diacritics (NFD from some keyboards) before checking', () => {
    const decomposed = 'Nguye\u0302\u0303n   Thi\u0323  A\u0301nh ';
    expect(normaliseName(decomposed)).toBe('Nguyễn Thị Ánh');
    expect(FULL_NAME_PATTERN.test(normaliseName(decomposed) as string)).toBe(true);
  });

  it('accepts a consistent record', async () => {
    expect(await failedRules({})).toEqual([]);
  });

  it('reports a malformed personal ID once, not also as an unknown province or a mismatch', async () => {
    expect(await failedRules({ personalId: '00121301234' })).toEqual(['personalId:personalIdFormat']);
    expect(await failedRules({ personalId: 12 })).toEqual(['personalId:personalIdFormat']);
  });

  it('rejects a province code that does not exist', async () => {
    expect(await failedRules({ personalId: '999213012345' })).toEqual(['personalId:personalIdProvince']);
  });

  it('checks the number against the birth year and gender only when both are well-formed', async () => {
    expect(await failedRules({ gender: 'FEMALE' })).toEqual(['personalId:personalIdMismatch']);
    expect(await failedRules({ personalId: '001214012345' })).toEqual(['personalId:personalIdMismatch']);
    expect(await failedRules({ gender: 'X' })).toEqual([]);
    expect(await failedRules({ dateOfBirth: '2013-02-30' })).toEqual(['dateOfBirth:isRealDate']);
  });

  it('takes ages 2 to 25 on today’s date in Vietnam as school age', async () => {
    expect(await failedRules({ dateOfBirth: yearsAgo(2), personalId: null })).not.toContain('dateOfBirth:schoolAge');
    expect(await failedRules({ dateOfBirth: yearsAgo(1), personalId: null })).toContain('dateOfBirth:schoolAge');
    expect(await failedRules({ dateOfBirth: yearsAgo(26), personalId: null })).toContain('dateOfBirth:schoolAge');
  });

  it('rejects a full name that is not a Vietnamese name and an unknown ethnicity code', async () => {
    expect(await failedRules({ fullName: 'An', ethnicity: '55' })).toEqual([
      'fullName:vietnameseFullName',
      'ethnicity:isEthnicityCode',
    ]);
  });
});

import { GradingSubject } from '../grade-column';
import { gradebookColumns } from '../gradebook-columns';

const subject = (code: string): GradingSubject => ({ code, assessment: 'SCORE', periodsPerYear: 175 });
const keys = (code: string, grade: '1' | '3' | '4' | '5', semester: 1 | 2 = 1) =>
  gradebookColumns('C27', subject(code), grade, semester).map((c) => c.key);

describe('Circular 27 periodic assessment columns', () => {
  it('adds a mid-semester test for Tiếng Việt and Toán in grades 4 and 5 only', () => {
    expect(keys('TOAN', '4')).toEqual(['GK_RATING', 'GK_TEST', 'CK_RATING', 'CK_TEST']);
    expect(keys('TIENG_VIET', '5', 2)).toEqual(['GK_RATING', 'GK_TEST', 'CK_RATING', 'CK_TEST']);
    expect(keys('TOAN', '3')).toEqual(['GK_RATING', 'CK_RATING', 'CK_TEST']);
    expect(keys('KHOA_HOC', '4')).toEqual(['GK_RATING', 'CK_RATING', 'CK_TEST']);
  });

  it('gives an end-of-period test to the circular’s tested subjects, none to the others', () => {
    for (const code of ['NGOAI_NGU_1', 'LICH_SU_DIA_LY', 'TIN_HOC', 'CONG_NGHE'])
      expect(keys(code, '3')).toContain('CK_TEST');
    expect(keys('DAO_DUC', '3')).toEqual(['GK_RATING', 'CK_RATING']);
    expect(keys('AM_NHAC', '1')).toEqual(['GK_RATING', 'CK_RATING']);
  });

  it('rates T / H / C and tests whole numbers 0–10, nothing weighted, everything required', () => {
    const columns = gradebookColumns('C27', subject('TOAN'), '5', 2);
    expect(columns.find((c) => c.key === 'CK_RATING')).toMatchObject({
      kind: 'RATING',
      ratings: ['T', 'H', 'C'],
      label: 'CN',
    });
    expect(columns.find((c) => c.key === 'CK_TEST')).toMatchObject({ kind: 'SCORE', min: 0, max: 10, decimals: 0 });
    expect(columns.every((c) => c.weight === 0 && c.required)).toBe(true);
  });
});

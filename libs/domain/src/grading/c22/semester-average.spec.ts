import { GradingSubject } from '../grade-column';
import { semesterSubjectResult } from '../subject-result';

const maths: GradingSubject = { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 140 };
const civics: GradingSubject = { code: 'GDCD', assessment: 'SCORE', periodsPerYear: 35 };

describe('Circular 22 semester subject average (ĐTBmhk)', () => {
  it('weights each regular score once, the mid-term twice and the end-of-term three times: 8, 7, 9 / 7.5 / 8 → 7.9', () => {
    const result = semesterSubjectResult('C22', { ...maths, periodsPerYear: 70 }, '6', 1, {
      TX1: 8,
      TX2: 7,
      TX3: 9,
      GK: 7.5,
      CK: 8,
    });
    expect(result).toEqual({ average: 7.9, rating: null, missing: [] });
  });

  it('rounds 51.6 / 8 = 6.45 half-up to exactly 6.5, where binary floating point would give 6.4', () => {
    // 6.6 + 6.5 + 6.5 + 2·6.4 + 3·6.4 = 51.6
    const result = semesterSubjectResult('C22', { ...maths, periodsPerYear: 70 }, '7', 2, {
      TX1: 6.6,
      TX2: 6.5,
      TX3: 6.5,
      GK: 6.4,
      CK: 6.4,
    });
    expect(result.average).toBe(6.5);
  });

  it('rounds just below the half down: 51.5 / 8 = 6.4375 → 6.4', () => {
    const result = semesterSubjectResult('C22', { ...maths, periodsPerYear: 70 }, '7', 2, {
      TX1: 6.5,
      TX2: 6.5,
      TX3: 6.5,
      GK: 6.4,
      CK: 6.4,
    });
    expect(result.average).toBe(6.4);
  });

  it('divides by n + 5 with four regular scores for a subject of more than 70 periods', () => {
    const result = semesterSubjectResult('C22', maths, '8', 1, { TX1: 10, TX2: 10, TX3: 10, TX4: 1, GK: 5, CK: 6 });
    // (31 + 10 + 18) / 9 = 6.555… → 6.6
    expect(result.average).toBe(6.6);
  });

  it('divides by n + 5 with two regular scores for a subject of 35 periods', () => {
    const result = semesterSubjectResult('C22', civics, '9', 1, { TX1: 9, TX2: 8, GK: 7, CK: 6.5 });
    // (17 + 14 + 19.5) / 7 = 7.214… → 7.2
    expect(result.average).toBe(7.2);
  });

  it('leaves the average uncomputed and names the mid-term when it is missing, never counting it as 0', () => {
    const result = semesterSubjectResult('C22', civics, '6', 1, { TX1: 9, TX2: 8, CK: 6.5 });
    expect(result).toEqual({ average: null, rating: null, missing: ['GK'] });
  });

  it('treats a rating typed into a score column as missing', () => {
    const result = semesterSubjectResult('C22', civics, '6', 1, { TX1: 9, TX2: 'D', GK: 7, CK: 6.5 });
    expect(result.missing).toEqual(['TX2']);
    expect(result.average).toBeNull();
  });

  it('gives 10 for all tens and 0 for all zeros', () => {
    expect(semesterSubjectResult('C22', civics, '6', 1, { TX1: 10, TX2: 10, GK: 10, CK: 10 }).average).toBe(10);
    expect(semesterSubjectResult('C22', civics, '6', 1, { TX1: 0, TX2: 0, GK: 0, CK: 0 }).average).toBe(0);
  });
});

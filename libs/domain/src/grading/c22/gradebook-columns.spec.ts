import { regularAssessmentCount } from './c22-columns';
import { gradebookColumns } from '../gradebook-columns';

describe('Circular 22 gradebook columns', () => {
  it('counts regular assessments by periods per year: 2 up to 35, 3 up to 70, 4 above', () => {
    expect(regularAssessmentCount(35)).toBe(2);
    expect(regularAssessmentCount(36)).toBe(3);
    expect(regularAssessmentCount(70)).toBe(3);
    expect(regularAssessmentCount(71)).toBe(4);
    expect(regularAssessmentCount(140)).toBe(4);
  });

  it('lays out a scored subject as TX1…TXn, GK, CK weighted 1, 2, 3, all required, 0–10 with one decimal', () => {
    const columns = gradebookColumns('C22', { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 140 }, '6', 1);
    expect(columns.map((c) => [c.key, c.weight, c.group])).toEqual([
      ['TX1', 1, 'REGULAR'],
      ['TX2', 1, 'REGULAR'],
      ['TX3', 1, 'REGULAR'],
      ['TX4', 1, 'REGULAR'],
      ['GK', 2, 'MID'],
      ['CK', 3, 'FINAL'],
    ]);
    expect(
      columns.every((c) => c.kind === 'SCORE' && c.required && c.min === 0 && c.max === 10 && c.decimals === 1),
    ).toBe(true);
  });

  it('lays out a comment subject on the same keys as Đạt / Chưa đạt ratings without weight', () => {
    const columns = gradebookColumns('C22', { code: 'AM_NHAC', assessment: 'COMMENT', periodsPerYear: 35 }, '7', 2);
    expect(columns.map((c) => c.key)).toEqual(['TX1', 'TX2', 'GK', 'CK']);
    expect(columns.every((c) => c.kind === 'RATING' && c.weight === 0 && c.required)).toBe(true);
    expect(columns[0].ratings).toEqual(['D', 'CD']);
  });
});

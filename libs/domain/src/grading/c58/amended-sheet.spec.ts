import { GradingSubject } from '../grade-column';
import { gradebookColumns } from '../gradebook-columns';
import { semesterSubjectResult } from '../subject-result';

const chemistry: GradingSubject = { code: 'HOA_HOC', assessment: 'SCORE', periodsPerYear: 70 };

describe('Circular 58 as amended by Circular 26/2020 (2020-21 onwards, grades not yet under Circular 22)', () => {
  it('uses the Circular 22 sheet when the school year is 2020-21 or later', () => {
    expect(gradebookColumns('C58', chemistry, '12', 1, '2023-2024').map((c) => c.key)).toEqual([
      'TX1',
      'TX2',
      'TX3',
      'GK',
      'CK',
    ]);
  });

  it('keeps the coefficient sheet for earlier years and when no year is given', () => {
    expect(gradebookColumns('C58', chemistry, '12', 1, '2019-2020')[0].key).toBe('HS1_1');
    expect(gradebookColumns('C58', chemistry, '12', 1)[0].key).toBe('HS1_1');
  });

  it('averages with the Circular 22 formula on that sheet', () => {
    const cells = { TX1: 8, TX2: 7, TX3: 9, GK: 7.5, CK: 8 };
    expect(semesterSubjectResult('C58', chemistry, '12', 1, cells, '2023-2024').average).toBe(7.9);
  });
});

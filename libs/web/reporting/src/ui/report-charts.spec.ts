import { GradeReportRow, ReportMeasures } from '@emis/contracts';
import {
  hasFigures,
  levelsByGrade,
  maleCount,
  subjectMeans,
  withoutEmpty,
  orderedCodes,
  outcomesByGrade,
  percent,
  pupilsByGender,
  shares,
  sharesSideBySide,
  staffSplit,
} from './report-charts';

function measures(overrides: Partial<ReportMeasures> = {}): ReportMeasures {
  return {
    schools: 1,
    classes: 2,
    pupils: 60,
    female: 28,
    ethnicMinority: 0,
    disabled: 0,
    staff: 30,
    teachers: 24,
    classSizeBreaches: 0,
    learning: {},
    training: {},
    awards: {},
    promotion: {},
    resultsMissing: 0,
    droppedOut: 1,
    transferredOut: 0,
    transferredIn: 0,
    attendanceRate: 97.5,
    suppressed: false,
    ...overrides,
  };
}

const label = (code: string) => `[${code}]`;
const grade = (g: string) => `Khối ${g}`;

describe('the report charts’ figures', () => {
  it('orders learning levels best first across the three circulars, unknown codes last', () => {
    expect(orderedCodes([{ CHUA_DAT: 1, DAT: 2, TOT: 3 }, { KHA: 4, ZZZ: 0 }])).toEqual([
      'TOT',
      'KHA',
      'DAT',
      'CHUA_DAT',
      'ZZZ',
    ]);
    expect(orderedCodes([{ CHT: 1, HTXS: 2, HT: 3, HTT: 4 }])).toEqual(['HTXS', 'HTT', 'HT', 'CHT']);
  });

  it('computes shares with one decimal, half up, and none when a count is withheld', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(5, 0)).toBeNull();
    expect(percent(null, 10)).toBeNull();
    expect(shares({ TOT: 30, KHA: 15, DAT: 5 })).toEqual({ TOT: 60, KHA: 30, DAT: 10 });
    expect(shares({ TOT: 30, KHA: null })).toEqual({ TOT: null, KHA: null });
  });

  it('stacks each grade’s pupils by level, a withheld count staying a gap', () => {
    const grades: GradeReportRow[] = [
      { grade: '6', measures: measures({ learning: { TOT: 10, KHA: 20 } }) },
      { grade: '7', measures: measures({ learning: { KHA: null, DAT: 7 } }) },
    ];
    expect(levelsByGrade(grades, 'learning', grade, label)).toEqual({
      categories: ['Khối 6', 'Khối 7'],
      series: [
        { name: '[TOT]', values: [10, null] },
        { name: '[KHA]', values: [20, null] },
        { name: '[DAT]', values: [null, 7] },
      ],
    });
  });

  it('puts drop-outs beside the promotion outcomes of each grade', () => {
    const grades: GradeReportRow[] = [{ grade: '9', measures: measures({ promotion: { REPEAT: 2, PROMOTE: 50 } }) }];
    expect(outcomesByGrade(grades, grade, label, 'Bỏ học')).toEqual({
      categories: ['Khối 9'],
      series: [
        { name: '[PROMOTE]', values: [50] },
        { name: '[REPEAT]', values: [2] },
        { name: 'Bỏ học', values: [1] },
      ],
    });
  });

  it('counts boys as pupils minus girls, unknown when either is withheld', () => {
    expect(maleCount(measures())).toBe(32);
    expect(maleCount(measures({ female: null }))).toBeNull();
    const data = pupilsByGender([{ grade: '1', measures: measures() }], grade, 'Nữ', 'Nam');
    expect(data.series).toEqual([
      { name: 'Nữ', values: [28] },
      { name: 'Nam', values: [32] },
    ]);
  });

  it('splits staff into teachers and the others', () => {
    expect(staffSplit(measures(), 'Số lượng', 'GV', 'Khác').series[0].values).toEqual([24, 6]);
  });

  it('puts a school’s level shares beside the province’s over the codes either has', () => {
    const data = sharesSideBySide({ TOT: 3, KHA: 1 }, { TOT: 50, KHA: 25, DAT: 25 }, 'Trường', 'Tỉnh', label);
    expect(data).toEqual({
      categories: ['[TOT]', '[KHA]', '[DAT]'],
      series: [
        { name: 'Trường', values: [75, 25, null] },
        { name: 'Tỉnh', values: [50, 25, 25] },
      ],
    });
  });

  it('knows an empty chart', () => {
    expect(hasFigures({ categories: [], series: [] })).toBe(false);
    expect(hasFigures({ categories: ['a'], series: [{ name: 's', values: [null] }] })).toBe(false);
    expect(hasFigures({ categories: ['a'], series: [{ name: 's', values: [0, 3] }] })).toBe(true);
  });

  it('leaves out grades and levels without any figure', () => {
    const data = {
      categories: ['MG3', '6', '7'],
      series: [
        { name: 'Tốt', values: [null, 10, 0] },
        { name: 'HTXS', values: [0, null, 0] },
        { name: 'Khá', values: [null, 5, 7] },
      ],
    };
    expect(withoutEmpty(data)).toEqual({
      categories: ['6', '7'],
      series: [
        { name: 'Tốt', values: [10, 0] },
        { name: 'Khá', values: [5, 7] },
      ],
    });
  });

  it('charts the means of the scored subjects only', () => {
    const subjects = [
      { subjectName: 'Toán', mean: 6.89 },
      { subjectName: 'Âm nhạc', mean: null },
    ] as unknown as Parameters<typeof subjectMeans>[0];
    expect(subjectMeans(subjects, 'Điểm TB')).toEqual({
      categories: ['Toán'],
      series: [{ name: 'Điểm TB', values: [6.89] }],
    });
  });
});

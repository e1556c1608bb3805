import { ReportMeasures } from '@emis/contracts';
import { againstProvince } from './against-province';

function measures(overrides: Partial<ReportMeasures>): ReportMeasures {
  return {
    pupils: 100,
    female: 50,
    learning: {},
    training: {},
    attendanceRate: null,
    suppressed: false,
    ...overrides,
  } as ReportMeasures;
}

describe('a school against the province', () => {
  it('puts the school’s shares beside the province’s, best level first, with the difference in points, one decimal', () => {
    const school = measures({ pupils: 40, female: 18, learning: { KHA: 30, TOT: 10 }, attendanceRate: 96.4 });
    const province = measures({ pupils: 1000, female: 490, learning: { TOT: 300, KHA: 700 }, attendanceRate: 97.1 });
    const rows = againstProvince(school, province, (key, code) => (code ? `${key}:${code}` : key));
    expect(rows.map((r) => [r.label, r.school, r.province, r.delta])).toEqual([
      ['learning:TOT', 25, 30, -5],
      ['learning:KHA', 75, 70, 5],
      ['attendanceRate', 96.4, 97.1, -0.7],
      ['female', 45, 49, -4],
    ]);
  });

  it('leaves the difference empty when the province withheld a figure or the school has none', () => {
    const school = measures({ learning: { TOT: 5 }, attendanceRate: null });
    const province = measures({ learning: { TOT: null, KHA: 3 } });
    const rows = againstProvince(school, province, (key, code) => (code ? `${key}:${code}` : key));
    expect(rows.find((r) => r.key === 'learning-TOT')?.delta).toBeNull();
    expect(rows.find((r) => r.key === 'attendanceRate')?.delta).toBeNull();
  });
});

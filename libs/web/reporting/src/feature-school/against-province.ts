import { ReportMeasures } from '@emis/contracts';
import { orderedCodes, percent, shares } from '../ui/report-charts';

export interface AgainstRow {
  key: string;
  label: string;
  school: number | null;
  province: number | null;
  /** School − province, one decimal; null when either is missing. */
  delta: number | null;
  percent: boolean;
}

/** The school's shares and rates beside the province's, with the difference in percentage points. */
export function againstProvince(
  school: ReportMeasures,
  province: ReportMeasures,
  label: (key: string, code?: string) => string,
): AgainstRow[] {
  const row = (key: string, text: string, a: number | null, b: number | null, isPercent = true): AgainstRow => ({
    key,
    label: text,
    school: a,
    province: b,
    delta: a === null || b === null ? null : Math.round((a - b) * 10) / 10,
    percent: isPercent,
  });
  const rows: AgainstRow[] = [];
  const schoolLearning = shares(school.learning);
  const provinceLearning = shares(province.learning);
  for (const code of orderedCodes([school.learning])) {
    rows.push(row(`learning-${code}`, label('learning', code), schoolLearning[code], provinceLearning[code] ?? null));
  }
  const schoolTraining = shares(school.training);
  const provinceTraining = shares(province.training);
  for (const code of orderedCodes([school.training])) {
    rows.push(row(`training-${code}`, label('training', code), schoolTraining[code], provinceTraining[code] ?? null));
  }
  rows.push(row('attendanceRate', label('attendanceRate'), school.attendanceRate, province.attendanceRate));
  rows.push(
    row(
      'femaleShare',
      label('female'),
      percent(school.female, school.pupils),
      percent(province.female, province.pupils),
    ),
  );
  return rows;
}

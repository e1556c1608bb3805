import { GradeReportRow, ReportMeasures, SubjectResultRow } from '@emis/contracts';
import { ChartData } from '@emis/web/ui';

/** A code's or a grade's label in the interface language, supplied by the page (the pure functions know no i18n). */
export type LabelOf = (code: string) => string;

/**
 * Learning and training levels of the three grading circulars, best first, so a province mixing schemes still reads
 * from the top level down (Circular 27 HTXS…CHT, Circular 58 GIOI…KEM, Circular 22 TOT…CHUA_DAT).
 */
const LEVEL_ORDER = ['HTXS', 'GIOI', 'TOT', 'HTT', 'KHA', 'HT', 'TB', 'DAT', 'YEU', 'CHT', 'CHUA_DAT', 'KEM'];
const PROMOTION_ORDER = ['PROMOTE', 'RETEST', 'SUMMER_TRAINING', 'RETEST_AND_TRAINING', 'REPEAT'];
const AWARD_ORDER = ['EXCELLENT', 'GOOD'];

function rank(order: readonly string[], code: string): number {
  const index = order.indexOf(code);
  return index < 0 ? order.length : index;
}

/** Every code present in any of the records, in the circulars' order (unknown codes last, alphabetically). */
export function orderedCodes(records: readonly Record<string, number | null>[], order = LEVEL_ORDER): string[] {
  const codes = new Set<string>();
  for (const record of records) for (const code of Object.keys(record)) codes.add(code);
  return [...codes].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
}

export const promotionCodes = (records: readonly Record<string, number | null>[]) =>
  orderedCodes(records, PROMOTION_ORDER);
export const awardCodes = (records: readonly Record<string, number | null>[]) => orderedCodes(records, AWARD_ORDER);

/** Share of a whole in %, one decimal, half up; null when either is withheld or the whole is zero. */
export function percent(part: number | null | undefined, whole: number | null | undefined): number | null {
  if (part === null || part === undefined || whole === null || whole === undefined || whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** Each code's share of the record's total. A withheld count makes the total unknown, so every share is null. */
export function shares(record: Record<string, number | null>): Record<string, number | null> {
  const values = Object.values(record);
  const known = values.every((v) => v !== null);
  const total = known ? values.reduce<number>((sum, v) => sum + (v ?? 0), 0) : null;
  return Object.fromEntries(Object.entries(record).map(([code, count]) => [code, percent(count, total)]));
}

/** Boys = pupils − girls, when both are published. */
export function maleCount(measures: ReportMeasures): number | null {
  return measures.pupils === null || measures.female === null ? null : measures.pupils - measures.female;
}

/** Grades as categories, one series per level code (stacked: the pupils of each level in each grade). */
export function levelsByGrade(
  grades: readonly GradeReportRow[],
  key: 'learning' | 'training',
  gradeLabel: LabelOf,
  codeLabel: LabelOf,
): ChartData {
  const codes = orderedCodes(grades.map((g) => g.measures[key]));
  return {
    categories: grades.map((g) => gradeLabel(g.grade)),
    series: codes.map((code) => ({ name: codeLabel(code), values: grades.map((g) => g.measures[key][code] ?? null) })),
  };
}

/** One record (e.g. the training levels of the whole unit) as a pie: a category per code. */
export function levelsPie(record: Record<string, number | null>, name: string, codeLabel: LabelOf): ChartData {
  const codes = orderedCodes([record]);
  return { categories: codes.map(codeLabel), series: [{ name, values: codes.map((c) => record[c] ?? null) }] };
}

/** Each scored subject's mean (comment-assessed subjects have none and are left out). */
export function subjectMeans(subjects: readonly SubjectResultRow[], name: string): ChartData {
  const scored = subjects.filter((s) => s.mean !== null);
  return { categories: scored.map((s) => s.subjectName), series: [{ name, values: scored.map((s) => s.mean) }] };
}

/** Year-end outcomes per grade: the promotion codes and the drop-outs, stacked. */
export function outcomesByGrade(
  grades: readonly GradeReportRow[],
  gradeLabel: LabelOf,
  codeLabel: LabelOf,
  droppedOutLabel: string,
): ChartData {
  const codes = promotionCodes(grades.map((g) => g.measures.promotion));
  return {
    categories: grades.map((g) => gradeLabel(g.grade)),
    series: [
      ...codes.map((code) => ({
        name: codeLabel(code),
        values: grades.map((g) => g.measures.promotion[code] ?? null),
      })),
      { name: droppedOutLabel, values: grades.map((g) => g.measures.droppedOut) },
    ],
  };
}

/** Girls and boys side by side in each grade. */
export function pupilsByGender(
  grades: readonly GradeReportRow[],
  gradeLabel: LabelOf,
  femaleLabel: string,
  maleLabel: string,
): ChartData {
  return {
    categories: grades.map((g) => gradeLabel(g.grade)),
    series: [
      { name: femaleLabel, values: grades.map((g) => g.measures.female) },
      { name: maleLabel, values: grades.map((g) => maleCount(g.measures)) },
    ],
  };
}

/** Teachers and the other staff in post (the reports count staff and, of them, teachers). */
export function staffSplit(measures: ReportMeasures, name: string, teachersLabel: string, otherLabel: string): ChartData {
  return {
    categories: [teachersLabel, otherLabel],
    series: [{ name, values: [measures.teachers, measures.staff - measures.teachers] }],
  };
}

/** Level shares of two populations side by side (a school and the province), over the codes either has. */
export function sharesSideBySide(
  a: Record<string, number | null>,
  b: Record<string, number | null>,
  aName: string,
  bName: string,
  codeLabel: LabelOf,
): ChartData {
  const codes = orderedCodes([a, b]);
  const aShares = shares(a);
  const bShares = shares(b);
  return {
    categories: codes.map(codeLabel),
    series: [
      { name: aName, values: codes.map((c) => aShares[c] ?? null) },
      { name: bName, values: codes.map((c) => bShares[c] ?? null) },
    ],
  };
}

/**
 * Leaves out the categories (e.g. grades of levels without results yet) and series where every value is missing or
 * zero, so a province's chart of learning levels is not a row of empty preschool grades.
 */
export function withoutEmpty(data: ChartData): ChartData {
  const has = (v: number | null) => v !== null && v !== 0;
  const keep = data.categories.map((_, i) => data.series.some((s) => has(s.values[i] ?? null)));
  const series = data.series
    .map((s) => ({ name: s.name, values: s.values.filter((_, i) => keep[i]) }))
    .filter((s) => s.values.some(has));
  return { categories: data.categories.filter((_, i) => keep[i]), series };
}

/** False when a chart would be empty (no category, or every value missing or zero). */
export function hasFigures(data: ChartData): boolean {
  return data.categories.length > 0 && data.series.some((s) => s.values.some((v) => v !== null && v !== 0));
}

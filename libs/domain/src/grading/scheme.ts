import { GradeLevel, levelOfGrade } from '../calendar/grades';

/** The circular a gradebook follows. Stored with every gradebook, with its version (docs/domain/gradebook.md). */
export type Scheme = 'C22' | 'C58' | 'C27';

export const SCHEME_VERSIONS: Record<Scheme, string> = {
  C22: '22/2021/TT-BGDĐT',
  C58: '58/2011/TT-BGDĐT (26/2020)',
  C27: '27/2020/TT-BGDĐT',
};

/**
 * First school year (its starting calendar year) each secondary grade was assessed under Circular 22/2021: it
 * followed the 2018 programme up the grades (the phase-in schedule of its article on entry into force; docs/domain/gradebook.md).
 */
const C22_FIRST_YEAR: Partial<Record<GradeLevel, number>> = {
  '6': 2021,
  '7': 2022,
  '10': 2022,
  '8': 2023,
  '11': 2023,
  '9': 2024,
  '12': 2024,
};

/** The calendar year a school year code ('2024-2025') starts in. */
export function schoolYearStart(yearCode: string): number {
  const m = /^(\d{4})-(\d{4})$/.exec(yearCode);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new RangeError(`Not a school year code: ${yearCode}`);
  return Number(m[1]);
}

/**
 * Which circular assesses `grade` in the school year `yearCode`; null for preschool groups (not graded).
 * Primary: Circular 27/2020 phased in with the 2018 programme (grade 1 in 2020-21 … grade 5 in 2024-25). Years and
 * grades before that were assessed under Circular 30/2014 amended by 22/2016 (comments plus periodic tests, no
 * qualities table of this shape); Emis does not model that scheme, so it answers C27 for them too, the closest one.
 */
export function schemeFor(yearCode: string, grade: GradeLevel): Scheme | null {
  const start = schoolYearStart(yearCode);
  const level = levelOfGrade(grade);
  if (level === 'PRESCHOOL') return null;
  if (level === 'PRIMARY') return 'C27';
  return start >= (C22_FIRST_YEAR[grade] ?? Number.POSITIVE_INFINITY) ? 'C22' : 'C58';
}

/**
 * Which sheet a Circular 58 gradebook uses. Circular 26/2020 amended Circular 58 from the 2020-21 school year
 * (it took effect 11 October 2020 — confirm the first year it governs): grades still on the old programme moved
 * to regular / mid-term / end-of-term assessments averaged with the formula Circular 22 later kept.
 * Earlier years used coefficient-1 / coefficient-2 tests and the semester exam.
 */
export type C58Layout = 'COEFFICIENT' | 'REGULAR_PERIODIC';

export function c58Layout(yearCode: string): C58Layout {
  return schoolYearStart(yearCode) >= 2020 ? 'REGULAR_PERIODIC' : 'COEFFICIENT';
}

/**
 * Whether the circular computes an average of all subjects (ĐTB các môn, docs/domain/gradebook.md "Results"): only
 * Circular 58/2011 (amended by 26/2020), whose academic ranking (Art. 13.1) rests on the mean of the scored
 * subjects' averages (docs/domain/circular-58.md "Overall average"). Circular 22/2021 rates learning from each
 * subject's average (Art. 9) without an overall average, and Circular 27/2020 assesses primary pupils by levels and
 * comments, with no average at all.
 */
export function hasOverallAverage(scheme: Scheme): boolean {
  return scheme === 'C58';
}

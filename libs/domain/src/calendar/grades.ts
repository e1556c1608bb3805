import { SchoolLevel } from '../organisation/org-unit';

/**
 * Grade levels (khối lớp): preschool age groups (nhà trẻ, mẫu giáo 3–4, 4–5, 5–6 tuổi), then grades 1–12.
 * Continuing-education centres teach grades 6–12 under the same numbers.
 */
export const GRADE_LEVELS = [
  'NT',
  'MG3',
  'MG4',
  'MG5',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
] as const;
export type GradeLevel = (typeof GRADE_LEVELS)[number];

export function isGradeLevel(value: unknown): value is GradeLevel {
  return typeof value === 'string' && (GRADE_LEVELS as readonly string[]).includes(value);
}

export const GRADES_OF_LEVEL: Record<SchoolLevel, readonly GradeLevel[]> = {
  PRESCHOOL: ['NT', 'MG3', 'MG4', 'MG5'],
  PRIMARY: ['1', '2', '3', '4', '5'],
  LOWER_SECONDARY: ['6', '7', '8', '9'],
  UPPER_SECONDARY: ['10', '11', '12'],
  CONTINUING_EDUCATION: ['6', '7', '8', '9', '10', '11', '12'],
};

export function levelOfGrade(grade: GradeLevel): SchoolLevel {
  if (GRADES_OF_LEVEL.PRESCHOOL.includes(grade)) return 'PRESCHOOL';
  if (GRADES_OF_LEVEL.PRIMARY.includes(grade)) return 'PRIMARY';
  if (GRADES_OF_LEVEL.LOWER_SECONDARY.includes(grade)) return 'LOWER_SECONDARY';
  return 'UPPER_SECONDARY';
}

/** The grades a school teaches, from its levels. */
export function gradesOfSchool(levels: readonly SchoolLevel[]): GradeLevel[] {
  return GRADE_LEVELS.filter((g) => levels.some((l) => GRADES_OF_LEVEL[l].includes(g)));
}

/** The grade after `grade` in the same school, or null when a student finishing it leaves the level (graduates). */
export function nextGrade(grade: GradeLevel, levels: readonly SchoolLevel[]): GradeLevel | null {
  const grades = gradesOfSchool(levels);
  const i = grades.indexOf(grade);
  return i >= 0 && i < grades.length - 1 ? grades[i + 1] : null;
}

/**
 * Class size ceilings from the school charters (primary: Circular 28/2020 Art. 15 — 35 pupils; lower and upper
 * secondary: Circular 32/2020 Art. 16 — 45 pupils; preschool groups by age: 15/20/25/30/35 — (confirm)).
 * Exceeding one warns; it never blocks.
 */
export const CLASS_SIZE_CEILING: Record<GradeLevel, number> = {
  NT: 25,
  MG3: 25,
  MG4: 30,
  MG5: 35,
  '1': 35,
  '2': 35,
  '3': 35,
  '4': 35,
  '5': 35,
  '6': 45,
  '7': 45,
  '8': 45,
  '9': 45,
  '10': 45,
  '11': 45,
  '12': 45,
};

/** Over the ceiling: a warning, never a refusal. `ceilings`: the province's settings of the year (rule-settings.ts). */
export function classSizeWarning(
  grade: GradeLevel,
  size: number,
  ceilings: Readonly<Record<GradeLevel, number>> = CLASS_SIZE_CEILING,
): { ceiling: number; over: number } | null {
  const ceiling = ceilings[grade];
  return size > ceiling ? { ceiling, over: size - ceiling } : null;
}

/** A class name: grade number (or preschool group) followed by letters/digits, e.g. 6A, 10A1, 12C3, MG5B. */
export const CLASS_NAME_PATTERN = /^[0-9A-Za-zĐđ][0-9A-Za-zĐđ.\- ]{0,19}$/;

/** School year codes "2025-2026": consecutive years. */
export function isSchoolYearCode(code: string): boolean {
  const m = /^(\d{4})-(\d{4})$/.exec(code);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

export const SCHOOL_YEAR_STATUSES = ['PLANNED', 'OPEN', 'CLOSED'] as const;
export type SchoolYearStatus = (typeof SCHOOL_YEAR_STATUSES)[number];

/** A closed school year is read-only for every context: classes, enrolments, attendance, grades. */
export function isSchoolYearWritable(status: SchoolYearStatus): boolean {
  return status !== 'CLOSED';
}

import { GradeLevel } from '../../calendar/grades';
import { C27_RATINGS, GradeColumn, GradingSubject, Semester } from '../grade-column';

/**
 * Subjects with a periodic test at the end of semester I and the end of the year (Circular 27/2020 Art. 7):
 * Tiếng Việt, Toán, Ngoại ngữ 1, Lịch sử và Địa lí, Khoa học, Tin học và Công nghệ. The programme's single subject
 * "Tin học và Công nghệ" is two catalogue subjects here (TIN_HOC, CONG_NGHE), each with its own test — confirm
 * whether schools should record one test for both.
 */
export const C27_TESTED_SUBJECTS: readonly string[] = [
  'TIENG_VIET',
  'TOAN',
  'NGOAI_NGU_1',
  'LICH_SU_DIA_LY',
  'KHOA_HOC',
  'TIN_HOC',
  'CONG_NGHE',
];

/** Grades 4 and 5 also sit a mid-semester test in Tiếng Việt and Toán (Circular 27 Art. 7 — confirm). */
const MID_TESTED_SUBJECTS: readonly string[] = ['TIENG_VIET', 'TOAN'];
const MID_TESTED_GRADES: readonly GradeLevel[] = ['4', '5'];

export function c27HasPeriodicTest(subjectCode: string): boolean {
  return C27_TESTED_SUBJECTS.includes(subjectCode);
}

export function c27HasMidTermTest(subjectCode: string, grade: GradeLevel): boolean {
  return MID_TESTED_SUBJECTS.includes(subjectCode) && MID_TESTED_GRADES.includes(grade);
}

/**
 * One subject's periodic assessments in a semester (Circular 27 Art. 7): semester 1 holds mid-semester I and end of
 * semester I, semester 2 mid-semester II and end of year. Each is a rating T/H/C; a test is scored 0–10 in whole numbers —
 * Circular 27 dropped the old "no 0" rule of Circular 30/2014 and keeps "no decimals" (docs/domain/primary-assessment-c27.md).
 * No threshold applies to a test at entry: the ≥ 9 / ≥ 7 / ≥ 5 of the classification read the end-of-year tests only. Which subjects are tested follows the circular's list, not the
 * subject's assessment kind. Nothing is averaged, so every weight is 0.
 */
export function c27Columns(subject: GradingSubject, grade: GradeLevel, semester: Semester): GradeColumn[] {
  const mid = semester === 1 ? 'GKI' : 'GKII';
  const end = semester === 1 ? 'CKI' : 'CN';
  const columns: GradeColumn[] = [rating('GK_RATING', mid)];
  if (c27HasMidTermTest(subject.code, grade)) columns.push(test('GK_TEST', `KT ${mid}`));
  columns.push(rating('CK_RATING', end));
  if (c27HasPeriodicTest(subject.code)) columns.push(test('CK_TEST', `KT ${end}`));
  return columns;
}

function rating(key: string, label: string): GradeColumn {
  return { key, label, kind: 'RATING', group: 'PERIODIC_RATING', weight: 0, required: true, ratings: C27_RATINGS };
}

function test(key: string, label: string): GradeColumn {
  return { key, label, kind: 'SCORE', group: 'PERIODIC_TEST', weight: 0, required: true, min: 0, max: 10, decimals: 0 };
}

import { GradeLevel } from '../calendar/grades';
import { c27HasPeriodicTest } from './c27/c27-columns';
import { AssessmentKind } from './grade-column';

export interface CurriculumEntry {
  grade: GradeLevel;
  subjectCode: string;
  periodsPerYear: number;
  assessment: AssessmentKind;
}

/**
 * Periods per school year (35 weeks) of the 2018 general education programme (Circular 32/2018/TT-BGDĐT), as we
 * know it — confirm against the programme before seeding a production reference table.
 * - Primary: the optional foreign language of grades 1–2 is left out; "Tin học và Công nghệ" (grades 3–5, 70
 *   periods) is split into TIN_HOC and CONG_NGHE, 35 each; local-education content has no separate subject there.
 * - Grades 6–9: Nghệ thuật's 70 periods are split into AM_NHAC and MI_THUAT, 35 each.
 * - Grades 10–12: every common elective is listed (70 periods each) — a student takes four of them, chosen by the
 *   school's subject combinations; LICH_SU 52 periods stands for 52.5.
 */
const PERIODS: Record<string, Readonly<Record<string, number>>> = {
  '1': { TIENG_VIET: 420, TOAN: 105, ...primaryCommon(), TU_NHIEN_XA_HOI: 70 },
  '2': { TIENG_VIET: 350, TOAN: 175, ...primaryCommon(), TU_NHIEN_XA_HOI: 70 },
  '3': { ...upperPrimaryCore(), TU_NHIEN_XA_HOI: 70 },
  '4': { ...upperPrimaryCore(), LICH_SU_DIA_LY: 70, KHOA_HOC: 70 },
  '5': { ...upperPrimaryCore(), LICH_SU_DIA_LY: 70, KHOA_HOC: 70 },
  '6': lowerSecondary(35),
  '7': lowerSecondary(35),
  '8': lowerSecondary(52),
  '9': lowerSecondary(52),
  '10': upperSecondary(),
  '11': upperSecondary(),
  '12': upperSecondary(),
};

function primaryCommon(): Record<string, number> {
  return { DAO_DUC: 35, GIAO_DUC_THE_CHAT: 70, AM_NHAC: 35, MI_THUAT: 35, HDTN_HN: 105 };
}

function upperPrimaryCore(): Record<string, number> {
  return { TIENG_VIET: 245, TOAN: 175, NGOAI_NGU_1: 140, ...primaryCommon(), TIN_HOC: 35, CONG_NGHE: 35 };
}

function lowerSecondary(technologyPeriods: number): Record<string, number> {
  return {
    NGU_VAN: 140,
    TOAN: 140,
    NGOAI_NGU_1: 105,
    GDCD: 35,
    LICH_SU_DIA_LY: 105,
    KHTN: 140,
    CONG_NGHE: technologyPeriods,
    TIN_HOC: 35,
    GIAO_DUC_THE_CHAT: 70,
    AM_NHAC: 35,
    MI_THUAT: 35,
    HDTN_HN: 105,
    GD_DIA_PHUONG: 35,
  };
}

function upperSecondary(): Record<string, number> {
  const electives = [
    ...['DIA_LY', 'GD_KT_PL', 'VAT_LY', 'HOA_HOC', 'SINH_HOC'],
    ...['CONG_NGHE', 'TIN_HOC', 'AM_NHAC', 'MI_THUAT'],
  ];
  return {
    NGU_VAN: 105,
    TOAN: 105,
    NGOAI_NGU_1: 105,
    LICH_SU: 52,
    GIAO_DUC_THE_CHAT: 70,
    GDQP_AN: 35,
    HDTN_HN: 105,
    GD_DIA_PHUONG: 35,
    ...Object.fromEntries(electives.map((code) => [code, 70])),
  };
}

/** Subjects assessed by comment only in secondary (Circular 22/2021 Art. 5.1.a). */
const SECONDARY_COMMENT_SUBJECTS: readonly string[] = [
  'GIAO_DUC_THE_CHAT',
  'AM_NHAC',
  'MI_THUAT',
  'HDTN_HN',
  'GD_DIA_PHUONG',
];

/**
 * Primary subjects are all rated T/H/C (Circular 27); those with a periodic test are marked SCORE, the others
 * COMMENT, so a grid knows which have a test column.
 */
function assessmentOf(grade: GradeLevel, subjectCode: string): AssessmentKind {
  if (Number(grade) <= 5) return c27HasPeriodicTest(subjectCode) ? 'SCORE' : 'COMMENT';
  return SECONDARY_COMMENT_SUBJECTS.includes(subjectCode) ? 'COMMENT' : 'SCORE';
}

export const CURRICULUM: readonly CurriculumEntry[] = Object.entries(PERIODS).flatMap(([grade, periods]) =>
  Object.entries(periods).map(([subjectCode, periodsPerYear]) => ({
    grade: grade as GradeLevel,
    subjectCode,
    periodsPerYear,
    assessment: assessmentOf(grade as GradeLevel, subjectCode),
  })),
);

export function curriculumOf(grade: GradeLevel): CurriculumEntry[] {
  return CURRICULUM.filter((entry) => entry.grade === grade);
}

import { GradeLevel, gradesOfSchool, levelOfGrade, SchoolLevel, StaffPosition } from '@emis/domain';
import { SeedUnit } from './demo-province.data';
import { SeededRandom } from './seeded-random';

export interface PlannedClass {
  id: string;
  name: string;
  grade: GradeLevel;
  level: SchoolLevel;
  room: string;
  programme: string;
  size: number;
}

export interface StaffRole {
  position: StaffPosition;
  subjects: string[];
  /** The level the person teaches (rank code and degree follow from it). */
  level: SchoolLevel;
  /** A non-teaching job (kế toán, văn thư…), for STAFF. */
  job?: string;
  /** Primary and preschool class teachers: the class they keep. */
  classIndex?: number;
}

/** A primary homeroom teacher teaches the core subjects of the class (Circular 32/2018 programme, grades 1–5). */
const PRIMARY_CLASS_SUBJECTS = ['TIENG_VIET', 'TOAN', 'DAO_DUC', 'TU_NHIEN_XA_HOI', 'KHOA_HOC', 'LICH_SU_DIA_LY'];
const SPECIALISTS = ['TIN_HOC', 'GIAO_DUC_THE_CHAT', 'AM_NHAC', 'MI_THUAT'];

/** Subject teachers per level: [subject, classes one teacher covers] (about 17–19 periods a week each). */
const SUBJECT_LOAD: Partial<Record<SchoolLevel, readonly (readonly [string, number])[]>> = {
  LOWER_SECONDARY: [
    ['TOAN', 4],
    ['NGU_VAN', 4],
    ['NGOAI_NGU_1', 5],
    ['KHTN', 4],
    ['LICH_SU_DIA_LY', 6],
    ['GDCD', 16],
    ['TIN_HOC', 16],
    ['CONG_NGHE', 16],
    ['GIAO_DUC_THE_CHAT', 12],
    ['AM_NHAC', 16],
    ['MI_THUAT', 16],
  ],
  UPPER_SECONDARY: [
    ['TOAN', 4],
    ['NGU_VAN', 4],
    ['NGOAI_NGU_1', 5],
    ['VAT_LY', 6],
    ['HOA_HOC', 6],
    ['SINH_HOC', 10],
    ['LICH_SU', 10],
    ['DIA_LY', 12],
    ['GD_KT_PL', 16],
    ['TIN_HOC', 16],
    ['CONG_NGHE', 16],
    ['GDQP_AN', 16],
    ['GIAO_DUC_THE_CHAT', 12],
  ],
};

/** Core subjects given teaching assignments in the demo (semester I). */
export const CORE_SUBJECTS: Partial<Record<SchoolLevel, readonly string[]>> = {
  LOWER_SECONDARY: ['TOAN', 'NGU_VAN', 'NGOAI_NGU_1', 'KHTN', 'LICH_SU_DIA_LY'],
  UPPER_SECONDARY: ['TOAN', 'NGU_VAN', 'NGOAI_NGU_1', 'VAT_LY', 'HOA_HOC', 'LICH_SU'],
};

const JOBS = ['Kế toán', 'Văn thư', 'Y tế học đường', 'Thư viện – thiết bị', 'Bảo vệ'];

/** Grade → a class name: NT1, MG5A, 3B, 6A, 10A1. */
function className(grade: GradeLevel, i: number): string {
  if (grade === 'NT') return `NT${i + 1}`;
  if (grade.startsWith('MG')) return `${grade}${'ABC'[i]}`;
  return Number(grade) >= 10 ? `${grade}A${i + 1}` : `${grade}${'ABCD'[i]}`;
}

/** The teaching level of a grade at this school: a continuing-education centre teaches the secondary programmes. */
function teachingLevel(grade: GradeLevel): SchoolLevel {
  return levelOfGrade(grade);
}

/** Preschool groups stay under their age ceilings; general classes of 25–40; one secondary class over 45 (warning). */
function classSize(rng: SeededRandom, grade: GradeLevel): number {
  const ranges: Record<string, [number, number]> = { NT: [15, 22], MG3: [18, 25], MG4: [20, 29], MG5: [24, 33] };
  const [min, max] = ranges[grade] ?? (levelOfGrade(grade) === 'PRIMARY' ? [25, 35] : [30, 42]);
  return rng.int(min, max);
}

export function planClasses(rng: SeededRandom, school: SeedUnit): PlannedClass[] {
  const levels = school.levels ?? [];
  const perGrade = levels.length > 1 || levels.includes('CONTINUING_EDUCATION') ? 2 : rng.int(2, 3);
  const classes = gradesOfSchool(levels).flatMap((grade) =>
    Array.from({ length: perGrade }, (_, i): PlannedClass => ({
      id: rng.uuid(),
      name: className(grade, i),
      grade,
      level: teachingLevel(grade),
      room:
        grade.startsWith('M') || grade === 'NT'
          ? `Nhóm ${className(grade, i)}`
          : `P.${rng.int(1, 3)}${String(rng.int(1, 20)).padStart(2, '0')}`,
      programme: levelOfGrade(grade) === 'PRESCHOOL' ? 'Chương trình Giáo dục mầm non' : 'Chương trình GDPT 2018',
      size: classSize(rng, grade),
    })),
  );
  // One class per secondary school over the charter's ceiling of 45, so the demo shows the size warning.
  const firstSecondary = classes.findIndex((c) => c.level === 'LOWER_SECONDARY' || c.level === 'UPPER_SECONDARY');
  if (firstSecondary >= 0) classes[firstSecondary + perGrade - 1].size = rng.int(46, 48);
  return classes;
}

/** The staff a school of this size needs: leaders, class teachers, subject teachers, office staff. */
export function planStaff(rng: SeededRandom, school: SeedUnit, classes: PlannedClass[]): StaffRole[] {
  const main = (school.levels ?? ['PRIMARY'])[0];
  const roles: StaffRole[] = [{ position: 'PRINCIPAL', subjects: [], level: main }];
  for (let i = 0; i < (classes.length > 14 ? 2 : 1); i++)
    roles.push({ position: 'VICE_PRINCIPAL', subjects: [], level: main });
  const byLevel = (level: SchoolLevel) => classes.map((c, i) => ({ c, i })).filter(({ c }) => c.level === level);
  for (const { i } of byLevel('PRESCHOOL')) {
    roles.push(
      { position: 'TEACHER', subjects: [], level: 'PRESCHOOL', classIndex: i },
      { position: 'TEACHER', subjects: [], level: 'PRESCHOOL' },
    );
  }
  const primary = byLevel('PRIMARY');
  for (const { i } of primary)
    roles.push({ position: 'TEACHER', subjects: PRIMARY_CLASS_SUBJECTS, level: 'PRIMARY', classIndex: i });
  if (primary.length) {
    for (let k = 0; k < Math.ceil(primary.length / 8); k++)
      roles.push({ position: 'TEACHER', subjects: ['NGOAI_NGU_1'], level: 'PRIMARY' });
    for (const s of SPECIALISTS) roles.push({ position: 'TEACHER', subjects: [s], level: 'PRIMARY' });
  }
  for (const level of ['LOWER_SECONDARY', 'UPPER_SECONDARY'] as const) {
    const n = byLevel(level).length;
    if (!n) continue;
    for (const [subject, perTeacher] of SUBJECT_LOAD[level] ?? []) {
      for (let k = 0; k < Math.ceil(n / perTeacher); k++)
        roles.push({ position: 'TEACHER', subjects: [subject], level });
    }
  }
  const jobs = main === 'PRESCHOOL' ? [...JOBS.slice(0, 3), 'Cấp dưỡng', 'Cấp dưỡng'] : JOBS.slice(0, rng.int(3, 5));
  for (const job of jobs) roles.push({ position: 'STAFF', subjects: [], level: main, job });
  return roles;
}

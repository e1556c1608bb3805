import { ContractType, Gender, QualificationLevel, SchoolLevel, StaffPosition } from '@emis/domain';
import { SeedUnit } from './demo-province.data';
import { genderOfName, mobilePhone, personName, PersonalIds } from './names';
import { CORE_SUBJECTS, PlannedClass, planStaff, StaffRole } from './school-plan';
import { SeededRandom } from './seeded-random';

export interface SeedStaff {
  id: string;
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  ethnicity: string;
  phone: string;
  position: StaffPosition;
  contractType: ContractType;
  rankCode: string | null;
  salaryCoefficient: number | null;
  salaryStep: number | null;
  qualifications: { level: QualificationLevel; major: string; institution: string; year: number }[];
  subjects: string[];
  startDate: string;
  status: 'ACTIVE' | 'RETIRED';
  partyMember: boolean;
  unionMember: boolean;
  history: { kind: 'HIRED' | 'POSITION' | 'STATUS'; effectiveOn: string; details: Record<string, unknown> }[];
}

export interface SeedAssignment {
  classId: string;
  subjectCode: string;
  staffId: string;
}

/** People the demo users are: their staff records carry these names (demo-province.data.ts DEMO_USERS). */
const NAMED: Record<string, { name: string; subject?: string; job?: string }[]> = {
  'THCS-NQ': [
    { name: 'Vũ Minh Tuấn', subject: 'TOAN' },
    { name: 'Đỗ Thị Lan', job: 'Kế toán' },
  ],
};

/** Civil-servant ranks of teachers, grade III then grade II (Circulars 01–04/2021/TT-BGDĐT). */
const RANKS: Record<SchoolLevel, [string, string]> = {
  PRESCHOOL: ['V.07.02.26', 'V.07.02.25'],
  PRIMARY: ['V.07.03.29', 'V.07.03.28'],
  LOWER_SECONDARY: ['V.07.04.32', 'V.07.04.31'],
  UPPER_SECONDARY: ['V.07.05.15', 'V.07.05.14'],
  CONTINUING_EDUCATION: ['V.07.05.15', 'V.07.05.14'],
};

const MAJORS: Record<string, string> = {
  TOAN: 'Sư phạm Toán học',
  NGU_VAN: 'Sư phạm Ngữ văn',
  NGOAI_NGU_1: 'Sư phạm Tiếng Anh',
  KHTN: 'Sư phạm Vật lý',
  LICH_SU_DIA_LY: 'Sư phạm Lịch sử',
  GDCD: 'Giáo dục chính trị',
  TIN_HOC: 'Sư phạm Tin học',
  CONG_NGHE: 'Sư phạm Kỹ thuật công nghiệp',
  GIAO_DUC_THE_CHAT: 'Giáo dục thể chất',
  AM_NHAC: 'Sư phạm Âm nhạc',
  MI_THUAT: 'Sư phạm Mỹ thuật',
  VAT_LY: 'Sư phạm Vật lý',
  HOA_HOC: 'Sư phạm Hóa học',
  SINH_HOC: 'Sư phạm Sinh học',
  LICH_SU: 'Sư phạm Lịch sử',
  DIA_LY: 'Sư phạm Địa lý',
  GD_KT_PL: 'Giáo dục chính trị',
  GDQP_AN: 'Giáo dục quốc phòng – an ninh',
  TIENG_VIET: 'Giáo dục Tiểu học',
};
const INSTITUTIONS = [
  'Trường Đại học Sư phạm Hà Nội',
  'Trường Đại học Sư phạm Hà Nội 2',
  'Trường Đại học Sư phạm – Đại học Thái Nguyên',
  'Trường Đại học Hải Phòng',
  'Trường Đại học Vinh',
  'Trường Đại học Thái Bình',
  'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
];
const COLLEGES = [
  'Trường Cao đẳng Sư phạm Hưng Yên',
  'Trường Cao đẳng Sư phạm Thái Bình',
  'Trường Cao đẳng Sư phạm Trung ương',
];

/**
 * The staff of one school with their homeroom classes and their semester-I teaching assignments of the core
 * subjects; `homerooms[i]` is the homeroom teacher of `classes[i]`.
 */
export function buildStaff(
  rng: SeededRandom,
  ids: PersonalIds,
  school: SeedUnit,
  province: string,
  classes: PlannedClass[],
) {
  const named = [...(NAMED[school.code] ?? [])];
  const roles = planStaff(rng, school, classes);
  const staff = roles.map((role) => person(rng, ids, province, role, fixedName(role, school, named)));
  staff.push(retiredTeacher(rng, ids, province, roles[0].level));
  const homerooms = classes.map(() => '');
  roles.forEach((r, i) => {
    if (r.classIndex !== undefined) homerooms[r.classIndex] = staff[i].id;
  });
  const free = roles
    .map((r, i) => ({ r, s: staff[i] }))
    .filter(
      ({ r }) =>
        r.position === 'TEACHER' && r.classIndex === undefined && r.level !== 'PRESCHOOL' && r.level !== 'PRIMARY',
    );
  classes.forEach((c, i) => {
    if (homerooms[i]) return;
    const k = free.findIndex(({ r }) => r.level === c.level);
    homerooms[i] = free[k].s.id;
    free.splice(k, 1);
  });
  return { staff, homerooms, assignments: assignments(roles, staff, classes) };
}

/** Semester I: each core subject's classes shared out in order among that subject's teachers. */
function assignments(roles: StaffRole[], staff: SeedStaff[], classes: PlannedClass[]): SeedAssignment[] {
  const out: SeedAssignment[] = [];
  for (const level of ['LOWER_SECONDARY', 'UPPER_SECONDARY'] as const) {
    const ofLevel = classes.filter((c) => c.level === level);
    for (const subject of CORE_SUBJECTS[level] ?? []) {
      const teachers = staff.filter((_, i) => roles[i]?.level === level && roles[i].subjects.includes(subject));
      ofLevel.forEach((c, k) =>
        out.push({
          classId: c.id,
          subjectCode: subject,
          staffId: teachers[Math.floor((k * teachers.length) / ofLevel.length)].id,
        }),
      );
    }
  }
  return out;
}

function fixedName(
  role: StaffRole,
  school: SeedUnit,
  named: { name: string; subject?: string; job?: string }[],
): string | undefined {
  if (role.position === 'PRINCIPAL') return school.principal;
  const k = named.findIndex((n) => (n.subject && role.subjects.includes(n.subject)) || (n.job && n.job === role.job));
  return k >= 0 ? named.splice(k, 1)[0].name : undefined;
}

function birthYearOf(rng: SeededRandom, role: StaffRole): number {
  if (role.position === 'PRINCIPAL') return rng.int(1968, 1978);
  if (role.position === 'VICE_PRINCIPAL') return rng.int(1972, 1984);
  return rng.int(1970, 2001);
}

function person(rng: SeededRandom, ids: PersonalIds, province: string, role: StaffRole, name?: string): SeedStaff {
  const gender: Gender = name
    ? genderOfName(name)
    : role.level === 'PRESCHOOL' || role.job === 'Cấp dưỡng'
      ? 'FEMALE'
      : role.job === 'Bảo vệ'
        ? 'MALE'
        : rng.chance(0.7)
          ? 'FEMALE'
          : 'MALE';
  const birthYear = birthYearOf(rng, role);
  const teaching = role.position !== 'STAFF';
  const college =
    teaching && (role.level === 'PRESCHOOL' || role.level === 'PRIMARY') && birthYear < 1980 && rng.chance(0.5);
  const gradYear = birthYear + (college ? 21 : 22);
  const qualifications = teaching
    ? [
        {
          level: (college ? 'COLLEGE' : 'BACHELOR') as QualificationLevel,
          major: role.subjects.length
            ? MAJORS[role.subjects[0]]
            : role.level === 'PRESCHOOL'
              ? 'Giáo dục Mầm non'
              : 'Giáo dục Tiểu học',
          institution: rng.pick(college ? COLLEGES : INSTITUTIONS),
          year: gradYear,
        },
      ]
    : [
        {
          level: (rng.chance(0.6) ? 'BACHELOR' : 'INTERMEDIATE') as QualificationLevel,
          major: role.job === 'Kế toán' ? 'Kế toán' : 'Quản trị văn phòng',
          institution: 'Trường Cao đẳng Kinh tế – Kỹ thuật Hưng Yên',
          year: gradYear,
        },
      ];
  if (role.position !== 'TEACHER' && role.position !== 'STAFF')
    qualifications.push({
      level: 'MASTER',
      major: 'Quản lý giáo dục',
      institution: 'Học viện Quản lý Giáo dục',
      year: gradYear + rng.int(8, 14),
    });
  const startYear = Math.min(gradYear + rng.int(0, 1), 2026);
  const startDate = `${startYear}-09-01`;
  const contractType: ContractType =
    role.position !== 'TEACHER' && role.position !== 'STAFF'
      ? 'CIVIL_SERVANT'
      : rng.chance(teaching ? 0.85 : 0.5)
        ? 'CIVIL_SERVANT'
        : 'CONTRACT';
  const step = Math.min(9, 1 + Math.floor((2026 - startYear) / 3));
  const senior = teaching && birthYear < 1985;
  const rankCode =
    contractType === 'CONTRACT'
      ? null
      : teaching
        ? RANKS[role.level][senior ? 1 : 0]
        : role.job === 'Kế toán'
          ? '06.031'
          : null;
  const salaryCoefficient =
    contractType === 'CONTRACT'
      ? 2.34
      : senior
        ? Math.min(6.38, 4 + 0.34 * (Math.min(step, 8) - 1))
        : 2.34 + 0.33 * (step - 1);
  const history: SeedStaff['history'] = [
    { kind: 'HIRED', effectiveOn: startDate, details: { position: teaching ? 'TEACHER' : 'STAFF', contractType } },
  ];
  if (role.position === 'PRINCIPAL' || role.position === 'VICE_PRINCIPAL') {
    history.push({
      kind: 'POSITION',
      effectiveOn: `${Math.min(startYear + rng.int(10, 18), 2025)}-08-15`,
      details: { from: 'TEACHER', to: role.position },
    });
  }
  return {
    id: rng.uuid(),
    personalId: ids.next(rng.chance(0.85) ? province : rng.pick(['001', '030', '035', '036']), birthYear, gender),
    fullName: name ?? personName(rng, gender, undefined, birthYear),
    dateOfBirth: rng.dayOf(birthYear),
    gender,
    ethnicity: rng.chance(0.98) ? '01' : rng.pick(['06', '02']),
    phone: mobilePhone(rng),
    position: role.position,
    contractType,
    rankCode,
    salaryCoefficient: Math.round(salaryCoefficient * 100) / 100,
    salaryStep: contractType === 'CONTRACT' ? 1 : step,
    qualifications,
    subjects: role.subjects,
    startDate,
    status: 'ACTIVE',
    partyMember:
      role.position === 'PRINCIPAL' || role.position === 'VICE_PRINCIPAL' || rng.chance(teaching ? 0.35 : 0.15),
    unionMember: rng.chance(0.95),
    history,
  };
}

/** A teacher who retired in 2024 (retirement age under Decree 135/2020): the record stays, read-only history. */
function retiredTeacher(rng: SeededRandom, ids: PersonalIds, province: string, level: SchoolLevel): SeedStaff {
  const p = person(rng, ids, province, { position: 'TEACHER', subjects: [], level });
  const birthYear = rng.int(1963, 1964);
  const gender = p.gender;
  return {
    ...p,
    personalId: ids.next(province, birthYear, gender),
    fullName: personName(rng, gender, undefined, birthYear),
    dateOfBirth: rng.dayOf(birthYear),
    startDate: `${birthYear + 22}-09-01`,
    status: 'RETIRED',
    qualifications: [{ ...p.qualifications[0], year: birthYear + 21 }],
    history: [
      {
        kind: 'HIRED',
        effectiveOn: `${birthYear + 22}-09-01`,
        details: { position: 'TEACHER', contractType: p.contractType },
      },
      { kind: 'STATUS', effectiveOn: '2024-09-01', details: { from: 'ACTIVE', to: 'RETIRED' } },
    ],
  };
}

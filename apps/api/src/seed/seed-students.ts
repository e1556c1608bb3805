import { Gender, GradeLevel, PolicyGroup } from '@emis/domain';
import { familyName, mobilePhone, OCCUPATIONS, personName, PersonalIds, VILLAGES } from './names';
import { PlannedClass } from './school-plan';
import { SeededRandom } from './seeded-random';

export interface SeedStudent {
  id: string;
  classId: string;
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  ethnicity: string;
  religion: string | null;
  placeOfBirth: string;
  address: string;
  policyGroups: PolicyGroup[];
  disability: string | null;
}

export interface SeedGuardian {
  id: string;
  studentId: string;
  relation: 'FATHER' | 'MOTHER' | 'GUARDIAN';
  fullName: string;
  phone: string;
  occupation: string;
  birthYear: number;
}

const PROVINCE_NAMES: Record<string, string> = {
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '001': 'Hà Nội',
  '030': 'Hải Dương',
  '036': 'Nam Định',
};

/** Birth year of a pupil of `grade` in 2026-2027: grade 1 enters the year they turn 6 (Education Law 2019 Art. 28). */
export function birthYearOfGrade(grade: GradeLevel): number {
  const preschool: Record<string, number> = { NT: 2024, MG3: 2023, MG4: 2022, MG5: 2021 };
  return preschool[grade] ?? 2021 - Number(grade);
}

/** Mostly Kinh; a few pupils of the minorities living in the Red River delta provinces and their neighbours. */
function ethnicity(rng: SeededRandom): string {
  return rng.chance(0.97)
    ? '01'
    : rng.weighted([
        ['06', 4],
        ['02', 3],
        ['03', 2],
        ['07', 1],
        ['08', 1],
        ['09', 1],
      ] as const);
}

function policyGroups(rng: SeededRandom, minority: boolean): { groups: PolicyGroup[]; disability: string | null } {
  const groups: PolicyGroup[] = [];
  if (minority && rng.chance(0.5)) groups.push('ETHNIC_MINORITY_DISADVANTAGED');
  const household = rng.next();
  if (household < 0.03) groups.push('POOR_HOUSEHOLD');
  else if (household < 0.06) groups.push('NEAR_POOR_HOUSEHOLD');
  if (rng.chance(0.005)) groups.push('ORPHAN');
  if (rng.chance(0.005)) groups.push('WAR_INVALID_CHILD');
  const disability = rng.chance(0.01)
    ? rng.pick(['MOBILITY', 'HEARING', 'VISUAL', 'INTELLECTUAL', 'SPEECH', 'AUTISM'])
    : null;
  if (disability) groups.push('DISABILITY');
  return { groups, disability };
}

/** The pupils of one class with their parents or guardians; a few repeat a year or started school late. */
export function buildClassStudents(
  rng: SeededRandom,
  ids: PersonalIds,
  c: PlannedClass,
  province: string,
  schoolAddress: string,
) {
  const students: SeedStudent[] = [];
  const guardians: SeedGuardian[] = [];
  for (let n = 0; n < c.size; n++) {
    const gender: Gender = rng.chance(0.51) ? 'MALE' : 'FEMALE';
    const late = c.level !== 'PRESCHOOL' && rng.chance(0.02);
    const birthYear = birthYearOfGrade(c.grade) - (late ? 1 : 0);
    const father = familyName(rng);
    const born = rng.chance(0.9) ? province : rng.pick(['001', '030', '036']);
    const minorityCode = ethnicity(rng);
    const { groups, disability } = policyGroups(rng, minorityCode !== '01');
    const student: SeedStudent = {
      id: rng.uuid(),
      classId: c.id,
      personalId: ids.next(born, birthYear, gender),
      fullName: personName(rng, gender, father, birthYear),
      dateOfBirth: rng.dayOf(birthYear),
      gender,
      ethnicity: minorityCode,
      religion: rng.weighted([
        [null, 88],
        ['Công giáo', 8],
        ['Phật giáo', 4],
      ] as const),
      placeOfBirth: PROVINCE_NAMES[born],
      address: `${rng.pick(VILLAGES)}, ${schoolAddress}`,
      policyGroups: groups,
      disability,
    };
    students.push(student);
    guardians.push(...parentsOf(rng, student, father, birthYear, groups.includes('ORPHAN')));
  }
  return { students, guardians };
}

function parentsOf(
  rng: SeededRandom,
  s: SeedStudent,
  father: string,
  childYear: number,
  orphan: boolean,
): SeedGuardian[] {
  const parent = (relation: SeedGuardian['relation'], gender: Gender, family: string, age: number): SeedGuardian => ({
    id: rng.uuid(),
    studentId: s.id,
    relation,
    fullName: personName(rng, gender, family),
    phone: mobilePhone(rng),
    occupation: rng.pick(OCCUPATIONS),
    birthYear: childYear - age,
  });
  if (orphan) return [parent('GUARDIAN', rng.chance(0.6) ? 'FEMALE' : 'MALE', father, rng.int(50, 65))];
  const mother = parent('MOTHER', 'FEMALE', familyName(rng), rng.int(22, 38));
  return rng.chance(0.8) ? [parent('FATHER', 'MALE', father, rng.int(24, 40)), mother] : [mother];
}

import type { StudentResult } from '@emis/contracts';
import { CellValue, defaultRuleSettings, Level4, Scheme } from '@emis/domain';
import type { ConductRecord } from './conduct.repository';
import type { CurriculumSubject, EntryRecord, GradebookRecord, RosterStudent } from './gradebook.repository';
import { ClassData, entryOfPeriod, studentResult, summaryOf } from './results.calculation';

// Six scored subjects of 35 periods (TX1, TX2, GK, CK) and one comment subject: the fewest that can reach Tốt
// (Circular 22 Art. 9.2 counts six scored subjects).
const SCORED = ['TOAN', 'NGU_VAN', 'TIENG_ANH', 'KHTN', 'LS_DL', 'GDCD'];
const subjects: CurriculumSubject[] = [
  ...SCORED.map((code) => ({ code, name: code, nameEn: code, assessment: 'SCORE' as const, periodsPerYear: 35 })),
  { code: 'AM_NHAC', name: 'Âm nhạc', nameEn: 'Music', assessment: 'COMMENT', periodsPerYear: 35 },
];

const score = (x: number): Record<string, CellValue> => ({ TX1: x, TX2: x, GK: x, CK: x });
const passed: Record<string, CellValue> = { TX1: 'D', TX2: 'D', GK: 'D', CK: 'D' };

/** A class builder: every subject has a gradebook per semester; tests add entries, conduct and absences. */
function classData(scheme: Scheme = 'C22', yearCode = '2024-2025'): ClassData {
  const books: GradebookRecord[] = subjects.flatMap((s) =>
    ([1, 2] as const).map((semester) => ({
      id: `${s.code}-${semester}`,
      classId: 'c6a',
      subjectCode: s.code,
      semester,
      scheme,
      schemeVersion: '',
      assessment: s.assessment,
      periodsPerYear: s.periodsPerYear,
      yearCode,
    })),
  );
  return {
    cls: {
      id: 'c6a',
      name: '6A',
      grade: '6',
      schoolYearId: 'y',
      schoolYearCode: yearCode,
      yearStatus: 'OPEN',
      homeroomStaffId: null,
    },
    scheme,
    subjects,
    books,
    entries: new Map(books.map((b) => [b.id, new Map<string, EntryRecord>()])),
    conduct: [],
    absences: new Map(),
    roster: [],
    settings: defaultRuleSettings(yearCode),
  };
}

function enter(
  data: ClassData,
  studentId: string,
  code: string,
  semester: 1 | 2,
  cells: Record<string, CellValue>,
): void {
  data.entries.get(`${code}-${semester}`)!.set(studentId, {
    studentId,
    cells,
    comment: `${code} HK${semester}`,
    average: null,
    rating: null,
    version: 1,
    updatedAt: null,
    updatedByName: null,
  });
}

/** Every scored subject at `x` in the semester (TOAN at `maths` when given), music Đạt, conduct `training`. */
function semesterOf(
  data: ClassData,
  studentId: string,
  semester: 1 | 2,
  x: number,
  training: Level4 | null,
  maths = x,
): void {
  for (const code of SCORED) enter(data, studentId, code, semester, score(code === 'TOAN' ? maths : x));
  enter(data, studentId, 'AM_NHAC', semester, passed);
  if (training)
    data.conduct.push({
      studentId,
      semester,
      training,
      qualities: {},
      comment: null,
      version: 1,
    } satisfies ConductRecord);
}

const pupil = (studentId: string): RosterStudent => ({
  studentId,
  fullName: studentId,
  dateOfBirth: '2013-09-05',
  gender: 'FEMALE',
});

describe('a class’s results under Circular 22', () => {
  it('rates a semester from the recomputed subject averages and the teacher’s training level', () => {
    const data = classData();
    semesterOf(data, 'an', 1, 8, 'TOT');
    const row = studentResult(data, 'HK1', pupil('an'), 1);
    expect(row.subjects['TOAN']).toEqual({ average: 8, rating: null });
    expect(row.subjects['AM_NHAC']).toEqual({ average: null, rating: 'D' });
    expect(row).toMatchObject({
      learning: 'TOT',
      training: 'TOT',
      overallAverage: null,
      award: null,
      promotion: null,
      missing: [],
    });
  });

  it('computes the year average as (I + 2·II) / 3, proposes promotion and the award at the end of the year', () => {
    const data = classData();
    semesterOf(data, 'an', 1, 8, 'KHA');
    semesterOf(data, 'an', 2, 9.5, 'TOT');
    const row = studentResult(data, 'CN', pupil('an'), 1);
    // (8,0 + 2 · 9,5) / 3 = 9,0 in every scored subject: six subjects from 9,0 make Xuất sắc (Art. 15.1).
    expect(row.subjects['TOAN'].average).toBe(9);
    expect(row).toMatchObject({
      learning: 'TOT',
      training: 'TOT',
      award: 'EXCELLENT',
      promotion: 'PROMOTE',
      retestSubjects: [],
    });
  });

  it('proposes a summer re-test of the subjects below 5,0 when the learning result is Chưa đạt', () => {
    const data = classData();
    semesterOf(data, 'binh', 1, 7, 'DAT', 3);
    semesterOf(data, 'binh', 2, 7, 'DAT', 3);
    const row = studentResult(data, 'CN', pupil('binh'), 2);
    expect(row).toMatchObject({
      learning: 'CHUA_DAT',
      training: 'DAT',
      award: null,
      promotion: 'RETEST',
      retestSubjects: ['TOAN'],
    });
  });

  it('proposes repeating the year after more than 45 sessions absent, whatever the results', () => {
    const data = classData();
    semesterOf(data, 'an', 1, 8, 'TOT');
    semesterOf(data, 'an', 2, 8, 'TOT');
    data.absences.set('an', { excused: 30, unexcused: 16 });
    const row = studentResult(data, 'CN', pupil('an'), 1);
    expect(row.absences).toEqual({ excused: 30, unexcused: 16 });
    expect(row.promotion).toBe('REPEAT');
    data.absences.set('an', { excused: 30, unexcused: 15 });
    expect(studentResult(data, 'CN', pupil('an'), 1).promotion).toBe('PROMOTE');
  });

  it('leaves the learning result empty and names what is missing: a subject never entered, a column, the training level', () => {
    const data = classData();
    semesterOf(data, 'chi', 1, 8, null);
    data.entries.get('TOAN-1')!.delete('chi');
    enter(data, 'chi', 'GDCD', 1, { TX1: 8, TX2: 8, GK: 8 });
    const row = studentResult(data, 'HK1', pupil('chi'), 3);
    expect(row.learning).toBeNull();
    expect(row.training).toBeNull();
    expect(row.missing).toEqual(['TOAN.HK1', 'GDCD.HK1.CK', 'TRAINING.HK1']);
  });

  it('names the missing semester’s columns for a year result', () => {
    const data = classData();
    semesterOf(data, 'chi', 1, 8, 'TOT');
    semesterOf(data, 'chi', 2, 8, 'TOT');
    enter(data, 'chi', 'TOAN', 2, { TX1: 8, TX2: 8, CK: 8 });
    const row = studentResult(data, 'CN', pupil('chi'), 3);
    expect(row.subjects['TOAN'].average).toBeNull();
    expect(row.missing).toEqual(['TOAN.HK2.GK']);
    expect(row.promotion).toBeNull();
  });

  it('takes the year training level from both semesters (Art. 8.2): II Đạt after I Tốt is Khá', () => {
    const data = classData();
    semesterOf(data, 'an', 1, 8, 'TOT');
    semesterOf(data, 'an', 2, 8, 'DAT');
    expect(studentResult(data, 'CN', pupil('an'), 1).training).toBe('KHA');
    expect(studentResult(data, 'HK2', pupil('an'), 1).training).toBe('DAT');
  });

  it('takes the teacher’s comment of the period from semester II for the year', () => {
    const data = classData();
    semesterOf(data, 'an', 1, 8, 'TOT');
    semesterOf(data, 'an', 2, 8, 'TOT');
    expect(entryOfPeriod(data, 'HK1', 'TOAN', 'an')?.comment).toBe('TOAN HK1');
    expect(entryOfPeriod(data, 'CN', 'TOAN', 'an')?.comment).toBe('TOAN HK2');
    expect(entryOfPeriod(data, 'CN', 'TOAN', 'nobody')).toBeUndefined();
  });
});

describe('a class’s results under Circular 58', () => {
  it('gives the overall average (ĐTBcm) and a ranking; the year conduct is the one entered, never semester II’s', () => {
    const data = classData('C58', '2021-2022');
    semesterOf(data, 'an', 1, 8, 'KHA');
    semesterOf(data, 'an', 2, 8.5, 'TOT');
    const hk1 = studentResult(data, 'HK1', pupil('an'), 1);
    expect(hk1.overallAverage).toBe(8);
    expect(hk1.learning).toBe('GIOI');
    const unentered = studentResult(data, 'CN', pupil('an'), 1);
    // (8,0 + 2 · 8,5) / 3 = 8,33… → 8,3
    expect(unentered.overallAverage).toBe(8.3);
    expect(unentered).toMatchObject({ training: null, award: null, promotion: null, missing: ['TRAINING.CN'] });
    data.conduct.push({ studentId: 'an', semester: 0, training: 'KHA', qualities: {}, comment: null, version: 1 });
    const year = studentResult(data, 'CN', pupil('an'), 1);
    expect(year).toMatchObject({ learning: 'GIOI', training: 'KHA', missing: [] });
  });

  it('proposes the title and promotion from the year ranking and the year conduct entered (Art. 15–18)', () => {
    const data = classData('C58', '2021-2022');
    semesterOf(data, 'an', 1, 8, 'TOT');
    semesterOf(data, 'an', 2, 8.5, 'TOT');
    data.conduct.push({ studentId: 'an', semester: 0, training: 'TOT', qualities: {}, comment: null, version: 1 });
    expect(studentResult(data, 'CN', pupil('an'), 1)).toMatchObject({ award: 'GOOD', promotion: 'PROMOTE' });
    data.conduct[data.conduct.length - 1] = { ...data.conduct[data.conduct.length - 1], training: 'KHA' };
    expect(studentResult(data, 'CN', pupil('an'), 1)).toMatchObject({ award: 'ADVANCED', promotion: 'PROMOTE' });
    data.conduct[data.conduct.length - 1] = { ...data.conduct[data.conduct.length - 1], training: 'CHUA_DAT' };
    expect(studentResult(data, 'CN', pupil('an'), 1)).toMatchObject({ award: null, promotion: 'SUMMER_TRAINING' });
  });

  it('proposes re-tests of the subjects below 5.0 for a Yếu ranking with conduct at least Trung bình', () => {
    const data = classData('C58', '2021-2022');
    semesterOf(data, 'binh', 1, 4, 'DAT', 6);
    semesterOf(data, 'binh', 2, 4, 'DAT', 6);
    data.conduct.push({ studentId: 'binh', semester: 0, training: 'DAT', qualities: {}, comment: null, version: 1 });
    const row = studentResult(data, 'CN', pupil('binh'), 1);
    expect(row.learning).toBe('YEU');
    expect(row.promotion).toBe('RETEST');
    expect(row.retestSubjects.sort()).toEqual(['GDCD', 'KHTN', 'LS_DL', 'NGU_VAN', 'TIENG_ANH']);
  });
});

describe('the class summary', () => {
  function row(
    learning: StudentResult['learning'],
    training: Level4 | null,
    extra: Partial<StudentResult> = {},
  ): StudentResult {
    return {
      studentId: 'x',
      ordinal: 1,
      fullName: 'x',
      dateOfBirth: '2013-01-01',
      gender: 'MALE',
      subjects: {},
      learning,
      training,
      overallAverage: null,
      absences: { excused: 0, unexcused: 0 },
      award: null,
      promotion: null,
      retestSubjects: [],
      missing: [],
      ...extra,
    };
  }

  it('counts every level, zeros included, and the incomplete rows', () => {
    const rows = [
      row('TOT', 'TOT', { award: 'GOOD', promotion: 'PROMOTE' }),
      row('TOT', 'KHA', { promotion: 'PROMOTE' }),
      row(null, null, { missing: ['TOAN.HK2'] }),
    ];
    expect(summaryOf('C22', 'CN', rows)).toEqual({
      students: 3,
      learning: { TOT: 2, KHA: 0, DAT: 0, CHUA_DAT: 0 },
      training: { TOT: 1, KHA: 1, DAT: 0, CHUA_DAT: 0 },
      awards: { EXCELLENT: 0, GOOD: 1 },
      promotion: { PROMOTE: 2, RETEST: 0, SUMMER_TRAINING: 0, RETEST_AND_TRAINING: 0, REPEAT: 0 },
      incomplete: 1,
    });
  });

  it('counts awards and promotion only at the end of a year, and no training or promotion under Circular 27', () => {
    expect(summaryOf('C22', 'HK1', [row('KHA', 'TOT')])).toMatchObject({ awards: {}, promotion: {} });
    expect(summaryOf('C58', 'CN', [row('KHA', 'TOT')]).learning).toEqual({ GIOI: 0, KHA: 1, TB: 0, YEU: 0, KEM: 0 });
    expect(summaryOf('C27', 'CN', [row('HTT', null, { award: 'EXEMPLARY' })])).toMatchObject({
      learning: { HTXS: 0, HTT: 1, HT: 0, CHT: 0 },
      training: {},
      awards: { EXCELLENT: 0, EXEMPLARY: 1 },
      promotion: {},
    });
    expect(summaryOf('C58', 'CN', [row('KHA', 'KHA', { award: 'ADVANCED' })]).awards).toEqual({ GOOD: 0, ADVANCED: 1 });
  });
});

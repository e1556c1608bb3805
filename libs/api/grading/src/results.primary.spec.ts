import { CellValue, defaultRuleSettings, PRIMARY_QUALITIES, QualityRating } from '@emis/domain';
import type { CurriculumSubject, EntryRecord, GradebookRecord, RosterStudent } from './gradebook.repository';
import { ClassData, studentResult } from './results.calculation';

// Grade 5: Toán has mid-semester and end-of-period tests, Đạo đức has none (Circular 27 Art. 7).
const subjects: CurriculumSubject[] = [
  { code: 'TOAN', name: 'Toán', nameEn: 'Maths', assessment: 'SCORE', periodsPerYear: 175 },
  { code: 'DAO_DUC', name: 'Đạo đức', nameEn: 'Ethics', assessment: 'COMMENT', periodsPerYear: 35 },
];

function classData(grade: '4' | '5' = '5'): ClassData {
  const books: GradebookRecord[] = subjects.flatMap((s) =>
    ([1, 2] as const).map((semester) => ({
      id: `${s.code}-${semester}`,
      classId: 'c5a',
      subjectCode: s.code,
      semester,
      scheme: 'C27' as const,
      schemeVersion: '',
      assessment: s.assessment,
      periodsPerYear: s.periodsPerYear,
      yearCode: '2024-2025',
    })),
  );
  return {
    cls: {
      id: 'c5a',
      name: `${grade}A`,
      grade,
      schoolYearId: 'y',
      schoolYearCode: '2024-2025',
      yearStatus: 'OPEN',
      homeroomStaffId: null,
    },
    scheme: 'C27',
    subjects,
    books,
    entries: new Map(books.map((b) => [b.id, new Map<string, EntryRecord>()])),
    conduct: [],
    absences: new Map(),
    roster: [],
    settings: defaultRuleSettings('2024-2025'),
  };
}

/** Semester II of a pupil: Toán's mid-semester test `mid`, end-of-year test `end`; every rating T, qualities `q`. */
function year(data: ClassData, studentId: string, mid: number, end: number, q: QualityRating = 'TOT'): void {
  const cells: Record<string, Record<string, CellValue>> = {
    TOAN: { GK_RATING: 'T', GK_TEST: mid, CK_RATING: 'T', CK_TEST: end },
    DAO_DUC: { GK_RATING: 'T', CK_RATING: 'T' },
  };
  for (const [code, c] of Object.entries(cells))
    data.entries.get(`${code}-2`)!.set(studentId, {
      studentId,
      cells: c,
      comment: null,
      average: null,
      rating: null,
      version: 1,
      updatedAt: null,
      updatedByName: null,
    });
  const qualities = Object.fromEntries(PRIMARY_QUALITIES.map((x) => [x.code, q]));
  data.conduct.push({ studentId, semester: 2, training: null, qualities, comment: null, version: 1 });
}

const pupil = (studentId: string): RosterStudent => ({
  studentId,
  fullName: studentId,
  dateOfBirth: '2014-09-05',
  gender: 'MALE',
});

describe('a primary class’s year-end results (Circular 27)', () => {
  it('is not held back from Hoàn thành tốt by a mid-semester test of 4: the thresholds read the end-of-year test', () => {
    const data = classData();
    year(data, 'an', 4, 8);
    expect(studentResult(data, 'CN', pupil('an'), 1)).toMatchObject({ learning: 'HTT', missing: [] });
  });

  it('takes an end-of-year test of 0 as a score: Chưa hoàn thành, proposed not completed, no award', () => {
    const data = classData();
    year(data, 'an', 9, 0);
    expect(studentResult(data, 'CN', pupil('an'), 1)).toMatchObject({
      learning: 'CHT',
      award: null,
      completion: 'NOT_COMPLETED',
      promotion: null,
    });
  });

  it('proposes Học sinh Xuất sắc and "Hoàn thành chương trình tiểu học" for a grade-5 pupil at HTXS', () => {
    const data = classData();
    year(data, 'an', 9, 9);
    expect(studentResult(data, 'CN', pupil('an'), 1)).toMatchObject({
      learning: 'HTXS',
      award: 'EXCELLENT',
      completion: 'PRIMARY_COMPLETED',
    });
  });

  it('proposes a Hoàn thành tốt pupil as a Học sinh tiêu biểu candidate only; Hoàn thành completes the grade', () => {
    const data = classData('4');
    year(data, 'an', 10, 7);
    year(data, 'binh', 10, 10, 'DAT');
    expect(studentResult(data, 'CN', pupil('an'), 1)).toMatchObject({
      award: 'EXEMPLARY',
      completion: 'GRADE_COMPLETED',
    });
    expect(studentResult(data, 'CN', pupil('binh'), 2)).toMatchObject({
      learning: 'HT',
      award: null,
      completion: 'GRADE_COMPLETED',
    });
  });

  it('proposes nothing in semester I or while the classification is missing', () => {
    const data = classData();
    year(data, 'an', 9, 9);
    expect(studentResult(data, 'HK1', pupil('an'), 1)).toMatchObject({ award: null, completion: null });
    expect(studentResult(data, 'CN', pupil('nobody'), 2)).toMatchObject({ learning: null, completion: null });
  });
});

import { CellValue, defaultRuleSettings } from '@emis/domain';
import type { CurriculumSubject, EntryRecord, GradebookRecord } from './gradebook.repository';
import { ClassData, studentResult } from './results.calculation';

// The class results read the year's province settings (docs/domain/secondary-assessment-c22.md): the Art. 9.3
// adjustment and the missed-assessment reading, in the level, the promotion proposal and the averages.
const SCORED = ['TOAN', 'NGU_VAN', 'TIENG_ANH', 'KHTN', 'LS_DL', 'GDCD', 'CONG_NGHE'];
const subjects: CurriculumSubject[] = SCORED.map((code) => ({
  code,
  name: code,
  nameEn: code,
  assessment: 'SCORE' as const,
  periodsPerYear: 35,
}));
const pupil = { studentId: 'an', fullName: 'An', dateOfBirth: '2013-09-05', gender: 'MALE' as const };

function classWith(cells: (code: string, semester: 1 | 2) => Record<string, CellValue>): ClassData {
  const books: GradebookRecord[] = subjects.flatMap((s) =>
    ([1, 2] as const).map((semester) => ({
      id: `${s.code}-${semester}`,
      classId: 'c',
      subjectCode: s.code,
      semester,
      scheme: 'C22' as const,
      schemeVersion: '',
      assessment: s.assessment,
      periodsPerYear: s.periodsPerYear,
      yearCode: '2026-2027',
    })),
  );
  const entry = (code: string, semester: 1 | 2): EntryRecord => ({
    studentId: 'an',
    cells: cells(code, semester),
    comment: null,
    average: null,
    rating: null,
    version: 1,
    updatedAt: null,
    updatedByName: null,
  });
  return {
    cls: {
      id: 'c',
      name: '6A',
      grade: '6',
      schoolYearId: 'y',
      schoolYearCode: '2026-2027',
      yearStatus: 'OPEN',
      homeroomStaffId: null,
    },
    scheme: 'C22',
    subjects,
    books,
    entries: new Map(books.map((b) => [b.id, new Map([['an', entry(b.subjectCode, b.semester)]])])),
    conduct: ([1, 2] as const).map((semester) => ({
      studentId: 'an',
      semester,
      training: 'TOT' as const,
      qualities: {},
      comment: null,
      version: 1,
    })),
    absences: new Map(),
    roster: [pupil],
    settings: defaultRuleSettings('2026-2027'),
  };
}

const all = (x: number) => ({ TX1: x, TX2: x, GK: x, CK: x });

describe('class results and the year’s rule settings', () => {
  // 9.0 in six subjects, KHTN 3.0: a would-be Tốt computed Chưa đạt.
  const pulledDown = () => classWith((code) => all(code === 'KHTN' ? 3 : 9));

  it('raises the level by Art. 9.3 by default, and the pupil is proposed for promotion', () => {
    const row = studentResult(pulledDown(), 'CN', pupil, 1);
    expect(row).toMatchObject({ learning: 'DAT', promotion: 'PROMOTE', retestSubjects: [] });
  });

  it('with the adjustment off: Chưa đạt, a summer re-test of KHTN', () => {
    const data = pulledDown();
    data.settings = { ...data.settings, c22Adjustment: 'OFF' };
    const row = studentResult(data, 'CN', pupil, 1);
    expect(row).toMatchObject({ learning: 'CHUA_DAT', promotion: 'RETEST', retestSubjects: ['KHTN'] });
  });

  it('a missed mid-term: no average by default; (8 + 8 + 2·0 + 3·8) / 7 = 5.7 when it counts as 0', () => {
    const data = classWith((code, semester) =>
      code === 'TOAN' && semester === 1 ? { TX1: 8, TX2: 8, CK: 8 } : all(8),
    );
    const before = studentResult(data, 'HK1', pupil, 1);
    expect(before.subjects['TOAN'].average).toBeNull();
    expect(before.missing).toContain('TOAN.HK1.GK');
    data.settings = { ...data.settings, missingAssessment: 'ZERO' };
    const after = studentResult(data, 'HK1', pupil, 1);
    expect(after.subjects['TOAN'].average).toBe(5.7);
    expect(after.learning).toBe('KHA');
  });
});

import { GradeEntryProgress } from '@emis/contracts';
import { progressMatrix, schoolPercent, teachersOf } from './progress-matrix';

const p = (
  className: string,
  subjectCode: string,
  staffId: string,
  filled: number,
  expected: number,
): GradeEntryProgress => ({
  classId: `id-${className}`,
  className,
  grade: '6',
  subjectCode,
  subjectName: subjectCode === 'TOAN' ? 'Toán' : 'Ngữ văn',
  subjectNameEn: subjectCode === 'TOAN' ? 'Mathematics' : 'Literature',
  staffId,
  teacherName: staffId === 'ha' ? 'Phạm Thu Hà' : 'Đỗ Minh Khôi',
  pupils: expected / 6,
  filled,
  expected,
});

describe('the principal’s progress matrix', () => {
  const progress = [p('6A', 'TOAN', 'ha', 7, 18), p('6A', 'NGU_VAN', 'khoi', 18, 18), p('6B', 'TOAN', 'khoi', 9, 12)];

  it('lays classes against subjects with each cell’s percent and tone', () => {
    const m = progressMatrix(progress, null, 'vi');
    expect(m.subjects.map((s) => s.name)).toEqual(['Toán', 'Ngữ văn']);
    expect(m.rows.map((r) => [r.className, r.cells.map((c) => (c ? `${c.percent} ${c.tone}` : null))])).toEqual([
      ['6A', ['38 behind', '100 done']],
      ['6B', ['75 partial', null]],
    ]);
  });

  it('keeps one teacher’s cells when filtered, and drops the subjects and classes left empty', () => {
    const m = progressMatrix(progress, 'ha', 'en');
    expect(m.subjects).toEqual([{ code: 'TOAN', name: 'Mathematics' }]);
    expect(m.rows.map((r) => r.className)).toEqual(['6A']);
  });

  it('lists the teachers once, by name, and the school’s overall percent (34 of 48 → 70 %)', () => {
    expect(teachersOf(progress).map((t) => t.name)).toEqual(['Đỗ Minh Khôi', 'Phạm Thu Hà']);
    expect(schoolPercent(progress)).toBe(70);
  });
});

import { GradeEntryProgress } from '@emis/contracts';
import { entryPercent } from '@emis/domain';

/** One cell of the principal's matrix: a class's subject, its teacher and how much is entered. */
export interface MatrixCell {
  teacherName: string;
  staffId: string;
  filled: number;
  expected: number;
  percent: number;
  tone: 'done' | 'partial' | 'behind';
}

export interface ProgressMatrix {
  subjects: { code: string; name: string }[];
  rows: { classId: string; className: string; cells: (MatrixCell | null)[] }[];
}

/** Below half entered is behind; complete is done; anything between is partial. */
export function toneOf(percent: number): MatrixCell['tone'] {
  return percent >= 100 ? 'done' : percent >= 50 ? 'partial' : 'behind';
}

/**
 * The progress by class × subject as a matrix (classes in the API's order, subjects in order of first appearance,
 * which is the curriculum's), optionally one teacher's cells only; a class with none of them is left out.
 */
export function progressMatrix(
  progress: readonly GradeEntryProgress[],
  staffId: string | null,
  lang: 'vi' | 'en',
): ProgressMatrix {
  const shown = staffId ? progress.filter((p) => p.staffId === staffId) : progress;
  const subjects: ProgressMatrix['subjects'] = [];
  for (const p of shown) {
    if (!subjects.some((s) => s.code === p.subjectCode))
      subjects.push({ code: p.subjectCode, name: lang === 'en' ? p.subjectNameEn : p.subjectName });
  }
  const rows: ProgressMatrix['rows'] = [];
  for (const p of shown) {
    let row = rows.find((r) => r.classId === p.classId);
    if (!row) {
      row = { classId: p.classId, className: p.className, cells: subjects.map(() => null) };
      rows.push(row);
    }
    const percent = entryPercent(p);
    row.cells[subjects.findIndex((s) => s.code === p.subjectCode)] = {
      teacherName: p.teacherName,
      staffId: p.staffId,
      filled: p.filled,
      expected: p.expected,
      percent,
      tone: toneOf(percent),
    };
  }
  return { subjects, rows };
}

/** The teachers of the progress, by name, once each (the filter's options). */
export function teachersOf(progress: readonly GradeEntryProgress[]): { staffId: string; name: string }[] {
  const byId = new Map(progress.map((p) => [p.staffId, p.teacherName]));
  return [...byId].map(([staffId, name]) => ({ staffId, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The school's cells entered out of those owed, over every assignment. */
export function schoolPercent(progress: readonly GradeEntryProgress[]): number {
  return entryPercent({
    filled: progress.reduce((s, p) => s + p.filled, 0),
    expected: progress.reduce((s, p) => s + p.expected, 0),
  });
}

import { GradeColumn } from './grade-column';

/**
 * What is left to enter in one subject's semester sheet (docs/domain/gradebook.md, "Homes"): every pupil now in the
 * class owes a value in each **required** column of the sheet (the columns whose absence leaves the result
 * uncomputed); optional columns (a fifth regular assessment, a comment) are not owed. `filledByKey` counts, per column
 * key, the pupils now in the class holding a value there; a count above the class size (pupils who left are not
 * counted by the caller, but a defensive cap costs nothing) never shows more than 100 %.
 */
export function entryProgress(
  columns: readonly GradeColumn[],
  pupils: number,
  filledByKey: Readonly<Record<string, number>>,
): { filled: number; expected: number } {
  const required = columns.filter((c) => c.required);
  const filled = required.reduce((sum, c) => sum + Math.min(filledByKey[c.key] ?? 0, pupils), 0);
  return { filled, expected: required.length * pupils };
}

/** Whole percent, rounded down so a sheet shows 100 % only when nothing is left; an empty class counts as done. */
export function entryPercent(p: { filled: number; expected: number }): number {
  return p.expected === 0 ? 100 : Math.floor((p.filled * 100) / p.expected);
}

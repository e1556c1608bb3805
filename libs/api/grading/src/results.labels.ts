import type { ResultPeriod } from '@emis/contracts';
import { GRADING_LABELS, Scheme } from '@emis/domain';

/** The words the printed books use for periods, result headings and levels (Vietnamese: the books are official). */
export const PERIOD_LABELS: Record<ResultPeriod, string> = { HK1: 'Học kì I', HK2: 'Học kì II', CN: 'Cả năm' };

export function learningHeading(scheme: Scheme): string {
  return { C22: 'Kết quả học tập', C58: 'Học lực', C27: 'Đánh giá' }[scheme];
}

export function trainingHeading(scheme: Scheme): string {
  return scheme === 'C58' ? 'Hạnh kiểm' : 'Kết quả rèn luyện';
}

/**
 * A level's printed word. Circular 58 conduct is stored on the Circular 22 scale (see ConductService): DAT prints
 * as Trung bình and CHUA_DAT as Yếu there.
 */
export function conductLabel(scheme: Scheme, level: string | null): string {
  if (level === null) return '';
  if (scheme === 'C58' && level === 'DAT') return GRADING_LABELS['TB'].vi;
  if (scheme === 'C58' && level === 'CHUA_DAT') return GRADING_LABELS['YEU'].vi;
  return label(level);
}

export function label(code: string | null): string {
  return code === null ? '' : (GRADING_LABELS[code]?.vi ?? code);
}

/** dd/MM/yyyy, as Vietnamese documents write dates. */
export function viDate(isoDate: string): string {
  return isoDate.split('-').reverse().join('/');
}

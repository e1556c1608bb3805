import { FormSection, ManualFigures } from './statistical-form-builder';
import { FACILITY_LINES, StatisticalFormKind, TOTAL_LINE } from './statistical-forms';

/**
 * A finding on a form. An ERROR blocks the submission (the principal must fix the data or type the figure in); a
 * WARNING is shown and sent up with the report. `field` names what the finding is about (`manual.CLASSROOMS`,
 * `sections.PUPILS`), so the API can answer a refused submission with field messages.
 */
export interface FormCheck {
  code: string;
  severity: 'ERROR' | 'WARNING';
  field: string;
  params: Record<string, string | number>;
}

export const STATISTICAL_CHECK_CODES = [
  'statisticalManualMissing',
  'statisticalGenderSum',
  'statisticalNoClasses',
  'statisticalClassOverCeiling',
  'statisticalResultsMissing',
  'statisticalNoTeachers',
] as const;

/** The checks of a form, in the order of its sections. */
export function checkStatisticalReport(
  kind: StatisticalFormKind,
  sections: readonly FormSection[],
  manual: ManualFigures,
): FormCheck[] {
  const checks: FormCheck[] = [];
  const section = (code: string) => sections.find((s) => s.code === code);
  const gradeLines = (code: string) => (section(code)?.lines ?? []).filter((l) => l.code !== TOTAL_LINE);

  const classes = section('CLASSES')?.lines.find((l) => l.code === TOTAL_LINE)?.values['classes'] ?? 0;
  if (!classes) checks.push(error('statisticalNoClasses', 'sections.CLASSES', {}));
  for (const line of gradeLines('CLASSES')) {
    const over = line.values['overCeiling'] ?? 0;
    // The charters' class-size ceilings (Circular 28/2020 Art. 15, Circular 32/2020 Art. 16) warn; they never block.
    if (over > 0)
      checks.push(warning('statisticalClassOverCeiling', 'sections.CLASSES', { grade: line.code, classes: over }));
  }
  for (const line of gradeLines('PUPILS')) {
    const { total, male, female } = line.values;
    // Every enrolled pupil is male or female: a difference means the headcount and the class rolls disagree.
    if ((male ?? 0) + (female ?? 0) !== (total ?? 0))
      checks.push(
        error('statisticalGenderSum', 'sections.PUPILS', {
          grade: line.code,
          total: total ?? 0,
          male: male ?? 0,
          female: female ?? 0,
        }),
      );
  }
  const teachers = section('STAFF')?.lines.find((l) => l.code === 'TEACHER')?.values['total'] ?? 0;
  if (!teachers) checks.push(warning('statisticalNoTeachers', 'sections.STAFF', {}));
  for (const line of FACILITY_LINES)
    if (typeof manual[line] !== 'number') checks.push(error('statisticalManualMissing', `manual.${line}`, { line }));
  if (kind === 'END_OF_YEAR')
    for (const line of gradeLines('LEARNING')) {
      const missing = line.values['missing'] ?? 0;
      if (missing > 0)
        checks.push(warning('statisticalResultsMissing', 'sections.LEARNING', { grade: line.code, pupils: missing }));
    }
  return checks;
}

export function hasBlockingCheck(checks: readonly FormCheck[]): boolean {
  return checks.some((c) => c.severity === 'ERROR');
}

function error(code: string, field: string, params: FormCheck['params']): FormCheck {
  return { code, severity: 'ERROR', field, params };
}

function warning(code: string, field: string, params: FormCheck['params']): FormCheck {
  return { code, severity: 'WARNING', field, params };
}

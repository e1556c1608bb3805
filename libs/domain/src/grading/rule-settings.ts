import { CLASS_SIZE_CEILING, GRADE_LEVELS, GradeLevel } from '../calendar/grades';
import { c58Layout } from './scheme';

/**
 * How Circular 22 Art. 9.3 (raising a learning level pulled down by one subject) is read
 * (docs/domain/secondary-assessment-c22.md, "Province rule settings"):
 * - EXCEPT_ONE_SUBJECT: a pupil who meets every condition of Tốt or Khá once a single subject is left out of the
 *   per-subject floors and the comment-subject condition (the count of subjects ≥ 8.0 / 6.5 taken as it is), and whose
 *   computed level is two or more steps lower, is raised one step;
 * - OFF: the level is the computed one.
 */
export const C22_ADJUSTMENT_READINGS = ['EXCEPT_ONE_SUBJECT', 'OFF'] as const;
export type C22AdjustmentReading = (typeof C22_ADJUSTMENT_READINGS)[number];

/**
 * What a required assessment that was missed and never made up counts as (Circular 22 Art. 6 lets it be made up):
 * - NOT_COMPUTED: the semester average is not computed (the default);
 * - ZERO: Circular 58 Art. 8.5's reading, a score of 0 (Chưa đạt for a comment subject), applied to a pupil with at
 *   least one assessment of the subject and semester entered.
 */
export const MISSING_ASSESSMENT_READINGS = ['NOT_COMPUTED', 'ZERO'] as const;
export type MissingAssessmentReading = (typeof MISSING_ASSESSMENT_READINGS)[number];

/** The rule choices the department makes per school year; every computation of results reads them. */
export interface ProvinceRuleSettings {
  c22Adjustment: C22AdjustmentReading;
  missingAssessment: MissingAssessmentReading;
  /**
   * Circular 26/2020 (amending Circular 58 Art. 13) lets the foreign language stand for "Maths or Literature" in the
   * rankings: true for the years it governs (2020-21 on), false before.
   */
  c58ForeignLanguage: boolean;
  /** Class-size ceilings per grade: above them the class is flagged, never refused (the charters, see calendar.md). */
  classSizeCeilings: Record<GradeLevel, number>;
}

/** The settings a year has until the department changes them. */
export function defaultRuleSettings(yearCode: string): ProvinceRuleSettings {
  return {
    c22Adjustment: 'EXCEPT_ONE_SUBJECT',
    missingAssessment: 'NOT_COMPUTED',
    c58ForeignLanguage: c58Layout(yearCode) === 'REGULAR_PERIODIC',
    classSizeCeilings: { ...CLASS_SIZE_CEILING },
  };
}

/** The largest ceiling accepted: twice the largest class any charter allows. */
export const MAX_CLASS_SIZE_CEILING = 90;

export interface RuleSettingsError {
  field: string;
  rule: string;
  args: unknown[];
}

/**
 * Field errors of a settings object sent by a client (rule names of the API's message catalogue): each choice one of
 * its readings, every grade's ceiling a whole number 1–90, no unknown grade.
 */
export function ruleSettingsErrors(input: Record<string, unknown>): RuleSettingsError[] {
  const errors: RuleSettingsError[] = [];
  const oneOf = (field: string, allowed: readonly string[]) => {
    if (!allowed.includes(input[field] as string)) errors.push({ field, rule: 'isIn', args: [allowed] });
  };
  oneOf('c22Adjustment', C22_ADJUSTMENT_READINGS);
  oneOf('missingAssessment', MISSING_ASSESSMENT_READINGS);
  if (typeof input['c58ForeignLanguage'] !== 'boolean')
    errors.push({ field: 'c58ForeignLanguage', rule: 'isBoolean', args: [] });
  const ceilings = input['classSizeCeilings'];
  if (typeof ceilings !== 'object' || ceilings === null || Array.isArray(ceilings)) {
    errors.push({ field: 'classSizeCeilings', rule: 'isDefined', args: [] });
    return errors;
  }
  const given = ceilings as Record<string, unknown>;
  for (const key of Object.keys(given))
    if (!(GRADE_LEVELS as readonly string[]).includes(key))
      errors.push({ field: `classSizeCeilings.${key}`, rule: 'unknownGrade', args: [] });
  for (const grade of GRADE_LEVELS) {
    const value = given[grade];
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_CLASS_SIZE_CEILING)
      errors.push({ field: `classSizeCeilings.${grade}`, rule: 'classSizeCeiling', args: [1, MAX_CLASS_SIZE_CEILING] });
  }
  return errors;
}

/** Stored settings read back: anything missing (a record written before a setting existed) takes the year's default. */
export function withDefaults(yearCode: string, stored: Partial<ProvinceRuleSettings> | null): ProvinceRuleSettings {
  const base = defaultRuleSettings(yearCode);
  if (!stored) return base;
  return {
    ...base,
    ...stored,
    classSizeCeilings: { ...base.classSizeCeilings, ...(stored.classSizeCeilings ?? {}) },
  };
}

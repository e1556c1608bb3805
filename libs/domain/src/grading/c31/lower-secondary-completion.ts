import { schoolYearStart } from '../scheme';
import { Level4 } from '../c22/learning-result';
import { MAX_ABSENCES_FOR_PROMOTION } from '../c22/promotion';

/**
 * Lower-secondary (grade 9) completion under Circular 31/2023/TT-BGDĐT, from school year 2024-25 when grade 9 came
 * under Circular 22/2021 (docs/domain/completion.md). The software proposes and names every unmet condition; the
 * school's completion council decides.
 */

/** A condition of completion a pupil may fail; the order is the order the page lists them. */
export type CompletionCondition = 'TRAINING' | 'LEARNING' | 'ABSENCES' | 'AGE' | 'RECORDS';

export const COMPLETION_CONDITIONS: readonly CompletionCondition[] = [
  'TRAINING',
  'LEARNING',
  'ABSENCES',
  'AGE',
  'RECORDS',
];

/** GENERAL: the general-education programme at a lower-secondary school; CONTINUING: a continuing-education centre. */
export type CompletionProgramme = 'GENERAL' | 'CONTINUING';

/**
 * The age limits, as configuration (docs/domain/completion.md, "Age"): at most 21 in the year for the general
 * programme, at least 15 for continuing education. The age "in the year" is the calendar year the school year ends
 * in minus the year of birth, the way Vietnamese enrolment rules count age (confirm against the circular's text).
 */
export interface CompletionAgeLimits {
  generalMaxAge: number;
  continuingMinAge: number;
}

export const COMPLETION_AGE_LIMITS: CompletionAgeLimits = { generalMaxAge: 21, continuingMinAge: 15 };

/** Circular 31/2023: a council sits at most twice in a school year. */
export const MAX_COMPLETION_SITTINGS_PER_YEAR = 2;

/**
 * From school year 2025-26 the amended Education Law (in force 1 January 2026) abolished the lower-secondary
 * diploma: the principal certifies completion in the pupil's record book (học bạ) with this text.
 */
export const COMPLETION_CERTIFICATION_TEXT = 'Hoàn thành chương trình trung học cơ sở';
export const FIRST_CERTIFICATION_YEAR = 2025;

export interface CompletionInput {
  /** The school year code, '2025-2026'. */
  schoolYearCode: string;
  /** The year results (Circular 22 Art. 9 and 8); null when they cannot be computed yet. */
  learning: Level4 | null;
  training: Level4 | null;
  /** School sessions (buổi) absent in the year, excused and unexcused together. */
  absences: number;
  /** ISO date of birth, null when the record lacks it. */
  dateOfBirth: string | null;
  programme: CompletionProgramme;
  /** What keeps the pupil's records incomplete (missing results, missing fields); empty when complete. */
  missingRecords: readonly string[];
  limits?: CompletionAgeLimits;
}

export interface CompletionProposal {
  completes: boolean;
  /** Every condition not met, in COMPLETION_CONDITIONS order; empty when the pupil completes. */
  unmet: CompletionCondition[];
  /** The pupil's age in the year, null without a date of birth. */
  age: number | null;
}

/**
 * The proposal: the Article 12 promotion conditions of Circular 22 applied at grade 9 (year training at least Đạt,
 * year learning at least Đạt, at most 45 sessions absent), the age within the programme's limit and complete
 * records. There is no classification and no separate "no comment subject Chưa đạt" condition: a pupil whose
 * learning is Đạt with one comment subject Chưa đạt completes (the Đạt level of Circular 22 Art. 9 already allows one).
 * A result that cannot be computed is an incomplete record, not a failed result.
 */
export function completionProposal(input: CompletionInput): CompletionProposal {
  const limits = input.limits ?? COMPLETION_AGE_LIMITS;
  const age = ageInYear(input.schoolYearCode, input.dateOfBirth);
  const unmet = new Set<CompletionCondition>();
  if (input.training === 'CHUA_DAT') unmet.add('TRAINING');
  if (input.learning === 'CHUA_DAT') unmet.add('LEARNING');
  if (input.absences > MAX_ABSENCES_FOR_PROMOTION) unmet.add('ABSENCES');
  if (age !== null && !ageWithinLimit(age, input.programme, limits)) unmet.add('AGE');
  if (input.missingRecords.length > 0 || input.learning === null || input.training === null || age === null)
    unmet.add('RECORDS');
  const ordered = COMPLETION_CONDITIONS.filter((c) => unmet.has(c));
  return { completes: ordered.length === 0, unmet: ordered, age };
}

/** The calendar year the school year ends in minus the year of birth; null without a date of birth. */
export function ageInYear(schoolYearCode: string, dateOfBirth: string | null): number | null {
  const born = dateOfBirth ? /^(\d{4})-\d{2}-\d{2}/.exec(dateOfBirth) : null;
  if (!born) return null;
  return schoolYearStart(schoolYearCode) + 1 - Number(born[1]);
}

function ageWithinLimit(age: number, programme: CompletionProgramme, limits: CompletionAgeLimits): boolean {
  return programme === 'GENERAL' ? age <= limits.generalMaxAge : age >= limits.continuingMinAge;
}

/**
 * Whether a completion decided in `schoolYearCode` is certified by the principal in the học bạ (2025-26 on) or is
 * a decision of the diploma era (2024-25, when a lower-secondary diploma was still issued).
 */
export function completionIsCertified(schoolYearCode: string): boolean {
  return schoolYearStart(schoolYearCode) >= FIRST_CERTIFICATION_YEAR;
}

/** Grade 9 completion is decided under Circular 31/2023 from 2024-25, the year grade 9 came under Circular 22. */
export function completionApplies(schoolYearCode: string, grade: string): boolean {
  return grade === '9' && schoolYearStart(schoolYearCode) >= 2024;
}

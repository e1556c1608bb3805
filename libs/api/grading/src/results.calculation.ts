import type { ResultPeriod, ResultSummary, StudentResult } from '@emis/contracts';
import {
  c22Award,
  c27AwardProposal,
  c27CompletionProposal,
  c27HasPeriodicTest,
  c27YearClassification,
  c58OverallAverage,
  c58PromotionProposal,
  c58Ranking,
  c58Title,
  C27Classification,
  C58Ranking,
  completionApplies,
  completionProposal,
  CompletionProgramme,
  GradingSubject,
  learningResult,
  LEVEL4_ORDER,
  Level4,
  PRIMARY_QUALITIES,
  promotionProposal,
  ProvinceRuleSettings,
  QualityRating,
  Scheme,
  semesterSubjectResult,
  SubjectOutcome,
  SubjectTermResult,
  yearSubjectResult,
  yearTrainingResult,
} from '@emis/domain';
import { ConductPeriod, ConductRecord, YEAR_CONDUCT } from './conduct.repository';
import { CurriculumSubject, EntryRecord, GradebookRecord, GradingClass, RosterStudent } from './gradebook.repository';
import type { Absences } from './results.repository';

/** Everything a class's results are computed from, read in one transaction. */
export interface ClassData {
  cls: GradingClass;
  scheme: Scheme;
  subjects: CurriculumSubject[];
  books: GradebookRecord[];
  /** gradebook id → student id → entry. */
  entries: Map<string, Map<string, EntryRecord>>;
  conduct: ConductRecord[];
  absences: Map<string, Absences>;
  roster: RosterStudent[];
  /** The department's rule settings of the class's year (docs/domain/secondary-assessment-c22.md). */
  settings: ProvinceRuleSettings;
  /** The programme grade 9 completion is judged on (a continuing-education centre's pupils: CONTINUING). */
  programme?: CompletionProgramme;
}

/** The levels each summary counts, in the order the books print them (zero counts included). */
const LEARNING_LEVELS: Record<Scheme, readonly string[]> = {
  C22: LEVEL4_ORDER,
  C58: ['GIOI', 'KHA', 'TB', 'YEU', 'KEM'],
  C27: ['HTXS', 'HTT', 'HT', 'CHT'],
};
/** The awards and titles each scheme proposes at the end of the year. */
const YEAR_AWARDS: Record<Scheme, readonly string[]> = {
  C22: ['EXCELLENT', 'GOOD'],
  C58: ['GOOD', 'ADVANCED'],
  C27: ['EXCELLENT', 'EXEMPLARY'],
};
const PROMOTION_OUTCOMES = ['PROMOTE', 'RETEST', 'SUMMER_TRAINING', 'RETEST_AND_TRAINING', 'REPEAT'];

interface Term {
  result: SubjectTermResult;
  entry: EntryRecord | undefined;
  /** Qualified: 'TOAN.HK1' when nothing was entered for the pupil, else 'TOAN.HK1.GK' per missing column. */
  missing: string[];
}

/**
 * A pupil's results for a period. Every number and level comes from libs/domain, so the grid, this API, the Excel
 * summary and the report card agree to the last digit. `missing` names what keeps a result uncomputed:
 * '<SUBJECT>.HK<n>[.<COLUMN>]', 'TRAINING.HK<n>' ('TRAINING.CN' for a Circular 58 year conduct not entered), and for Circular 27 'QUALITIES.HK2.<CODE>'.
 */
export function studentResult(
  data: ClassData,
  period: ResultPeriod,
  student: RosterStudent,
  ordinal: number,
): StudentResult {
  const terms = data.subjects.map((s) => subjectResult(data, period, s, student.studentId));
  const outcomes: SubjectOutcome[] = terms.map((t, i) => ({
    code: data.subjects[i].code,
    assessment: data.subjects[i].assessment,
    ...pick(t.result),
  }));
  const training = trainingOf(data, period, student.studentId);
  const learning = learningOf(data, period, student.studentId, outcomes);
  const missing = [
    ...(learning.value === null ? terms.flatMap((t) => t.missing) : []),
    ...learning.missing,
    ...training.missing,
  ];
  const absences = data.absences.get(student.studentId) ?? { excused: 0, unexcused: 0 };
  const row: StudentResult = {
    studentId: student.studentId,
    ordinal,
    fullName: student.fullName,
    dateOfBirth: student.dateOfBirth,
    gender: student.gender,
    subjects: Object.fromEntries(outcomes.map((o) => [o.code, { average: o.average, rating: o.rating }])),
    learning: learning.value,
    training: training.value,
    overallAverage: data.scheme === 'C58' ? c58OverallAverage(outcomes) : null,
    absences,
    award: null,
    promotion: null,
    retestSubjects: [],
    completion: null,
    missing,
  };
  if (period === 'CN') yearEndProposals(data, row, outcomes);
  // Grade 9 from 2024-25: the completion proposal of Circular 31/2023 in place of moving up (docs/domain/completion.md).
  if (data.scheme === 'C22' && period === 'CN' && completionApplies(data.cls.schoolYearCode, data.cls.grade)) {
    row.secondaryCompletion = completionProposal({
      schoolYearCode: data.cls.schoolYearCode,
      learning: row.learning as Level4 | null,
      training: row.training,
      absences: absences.excused + absences.unexcused,
      dateOfBirth: student.dateOfBirth,
      programme: data.programme ?? 'GENERAL',
      missingRecords: missing,
    });
  }
  return row;
}

/**
 * The year-end proposals the school decides on (the software proposes; the decisions are kept by
 * RecognitionService and the year-end promotion):
 * - Circular 22 Art. 12 and 15: promotion and awards from both year results;
 * - Circular 58 Art. 15–16 and 18: promotion and the title from the year ranking and the year conduct entered;
 * - Circular 27 Art. 14 and 15: programme completion (grade 5: primary) and the award from the classification.
 */
function yearEndProposals(data: ClassData, row: StudentResult, outcomes: SubjectOutcome[]): void {
  const absences = row.absences.excused + row.absences.unexcused;
  if (data.scheme === 'C27' && row.learning !== null) {
    const classification = row.learning as C27Classification;
    row.award = c27AwardProposal(classification);
    row.completion = c27CompletionProposal(data.cls.grade, classification);
  }
  if (data.scheme === 'C58' && row.learning !== null && row.training !== null) {
    const ranking = row.learning as C58Ranking;
    row.award = c58Title(ranking, row.training);
    const proposal = c58PromotionProposal({ ranking, conduct: row.training, absences, subjects: outcomes });
    row.promotion = proposal.outcome;
    row.retestSubjects = proposal.retestSubjects;
  }
  if (data.scheme === 'C22' && row.learning !== null && row.training !== null) {
    const learningLevel = row.learning as Level4;
    row.award = c22Award(learningLevel, row.training, outcomes);
    const proposal = promotionProposal({
      learning: learningLevel,
      training: row.training,
      absences,
      subjects: outcomes,
    });
    row.promotion = proposal.outcome;
    row.retestSubjects = proposal.retestSubjects;
  }
}

export function summaryOf(scheme: Scheme, period: ResultPeriod, rows: StudentResult[]): ResultSummary {
  const yearEnd = period === 'CN';
  return {
    students: rows.length,
    learning: countBy(
      LEARNING_LEVELS[scheme],
      rows.map((r) => r.learning),
    ),
    training: countBy(
      scheme === 'C27' ? [] : LEVEL4_ORDER,
      rows.map((r) => r.training),
    ),
    awards: countBy(
      yearEnd ? YEAR_AWARDS[scheme] : [],
      rows.map((r) => r.award),
    ),
    promotion: countBy(
      yearEnd && scheme !== 'C27' ? PROMOTION_OUTCOMES : [],
      rows.map((r) => r.promotion),
    ),
    incomplete: rows.filter((r) => r.missing.length > 0).length,
  };
}

/** The gradebook entry a subject's teacher comment of the period comes from (semester II for the year). */
export function entryOfPeriod(
  data: ClassData,
  period: ResultPeriod,
  subjectCode: string,
  studentId: string,
): EntryRecord | undefined {
  return term(data, subjectCode, period === 'HK1' ? 1 : 2, studentId).entry;
}

function countBy(keys: readonly string[], values: (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const v of values) if (v !== null) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

function pick(r: SubjectTermResult): { average: number | null; rating: SubjectTermResult['rating'] } {
  return { average: r.average, rating: r.rating };
}

function subjectResult(data: ClassData, period: ResultPeriod, subject: CurriculumSubject, studentId: string): Term {
  if (period !== 'CN') return term(data, subject.code, period === 'HK1' ? 1 : 2, studentId);
  const hk1 = term(data, subject.code, 1, studentId);
  const hk2 = term(data, subject.code, 2, studentId);
  const result = yearSubjectResult(
    hk2.book?.scheme ?? hk1.book?.scheme ?? data.scheme,
    gradingSubject(data, subject.code),
    hk1.result,
    hk2.result,
  );
  return {
    result,
    entry: hk2.entry,
    missing: result.missing.flatMap((m) => (m === 'HK1' ? hk1.missing : hk2.missing)),
  };
}

/**
 * One semester of one subject, recomputed from the cells exactly as GradeWriter computed the stored average (same
 * domain call, the gradebook's stamped scheme), so a result can also name the columns still missing.
 */
function term(
  data: ClassData,
  code: string,
  semester: 1 | 2,
  studentId: string,
): Term & { book: GradebookRecord | undefined } {
  const book = data.books.find((b) => b.subjectCode === code && b.semester === semester);
  const entry = book ? data.entries.get(book.id)?.get(studentId) : undefined;
  const subject = gradingSubject(data, code);
  // The year picks a Circular 58 book's layout (Circular 26/2020), as it did when GradeWriter stored the average.
  const result = semesterSubjectResult(
    book?.scheme ?? data.scheme,
    subject,
    data.cls.grade,
    semester,
    entry?.cells ?? {},
    data.cls.schoolYearCode,
    data.settings.missingAssessment,
  );
  const missing = entry ? result.missing.map((k) => `${code}.HK${semester}.${k}`) : [`${code}.HK${semester}`];
  return { result, entry, missing: result.missing.length ? missing : [], book };
}

function gradingSubject(data: ClassData, code: string): GradingSubject {
  const book = data.books.find((b) => b.subjectCode === code);
  const s = data.subjects.find((x) => x.code === code)!;
  return book
    ? { code, assessment: book.assessment, periodsPerYear: book.periodsPerYear }
    : { code, assessment: s.assessment, periodsPerYear: s.periodsPerYear };
}

function conductOf(data: ClassData, studentId: string, semester: ConductPeriod): ConductRecord | undefined {
  return data.conduct.find((c) => c.studentId === studentId && c.semester === semester);
}

/**
 * - Circular 22 Art. 8.2: the year level from both semesters (yearTrainingResult).
 * - Circular 58 Art. 3.2: the homeroom teacher enters the year's conduct ("mainly from semester II and the
 *   pupil's progress"); it is stored as its own row (semester 0, YEAR_CONDUCT) and never derived.
 * - Circular 27 has no training level (qualities feed the classification instead).
 */
function trainingOf(
  data: ClassData,
  period: ResultPeriod,
  studentId: string,
): { value: Level4 | null; missing: string[] } {
  if (data.scheme === 'C27') return { value: null, missing: [] };
  const level = (s: ConductPeriod) => conductOf(data, studentId, s)?.training ?? null;
  if (data.scheme === 'C58' && period === 'CN') {
    const year = level(YEAR_CONDUCT);
    return { value: year, missing: year === null ? ['TRAINING.CN'] : [] };
  }
  const semesters: (1 | 2)[] = period === 'HK1' ? [1] : period === 'HK2' ? [2] : [1, 2];
  const missing = semesters.filter((s) => level(s) === null).map((s) => `TRAINING.HK${s}`);
  if (missing.length) return { value: null, missing };
  const value = semesters.length === 2 ? yearTrainingResult(level(1)!, level(2)!) : level(semesters[0]);
  return { value, missing };
}

function learningOf(
  data: ClassData,
  period: ResultPeriod,
  studentId: string,
  outcomes: SubjectOutcome[],
): { value: StudentResult['learning']; missing: string[] } {
  switch (data.scheme) {
    case 'C22':
      // Circular 22 Art. 9.2, then Art. 9.3 as the year's settings read it (on by default).
      return { value: learningResult(outcomes, { adjustment: data.settings.c22Adjustment }), missing: [] };
    case 'C58':
      // Circular 26/2020 added the foreign language to "Maths or Literature" from the years it governs; the year's
      // settings say whether it applies (by default from 2020-21, the years whose sheet it changed — see c58Layout).
      return {
        value: c58Ranking(outcomes, { foreignLanguageCounts: data.settings.c58ForeignLanguage }),
        missing: [],
      };
    case 'C27':
      return c27Learning(data, period, studentId, outcomes);
  }
}

/**
 * Circular 27 Art. 9.2 classifies at the end of the year only: semester II's end-of-year ratings and tests with the
 * qualities rated at the end of the year; nothing for semester I.
 */
function c27Learning(
  data: ClassData,
  period: ResultPeriod,
  studentId: string,
  outcomes: SubjectOutcome[],
): { value: StudentResult['learning']; missing: string[] } {
  if (period === 'HK1') return { value: null, missing: [] };
  const qualities = conductOf(data, studentId, 2)?.qualities ?? {};
  const value = c27YearClassification({
    subjects: outcomes.map((o) => {
      const test = entryOfPeriod(data, 'HK2', o.code, studentId)?.cells['CK_TEST'];
      return {
        code: o.code,
        rating: o.rating,
        test: typeof test === 'number' ? test : null,
        tested: c27HasPeriodicTest(o.code),
      };
    }),
    qualities,
  });
  return { value, missing: value === null ? unratedQualities(qualities) : [] };
}

/** Listed only when the classification is missing: which qualities and competencies are still unrated. */
function unratedQualities(qualities: Readonly<Record<string, QualityRating>>): string[] {
  return PRIMARY_QUALITIES.filter((q) => !qualities[q.code]).map((q) => `QUALITIES.HK2.${q.code}`);
}

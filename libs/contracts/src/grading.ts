import type {
  AssessmentKind,
  Award,
  C27Classification,
  C27Completion,
  C58Ranking,
  MissingAssessmentReading,
  CellValue,
  GradeColumn,
  Level4,
  PromotionOutcome,
  QualityRating,
  RatingCode,
  RecognitionDecision,
  RecognitionKind,
  Scheme,
} from '@emis/domain';
import type { CompletionCondition, GradeLevel } from '@emis/domain';

/**
 * The gradebook (sổ theo dõi và đánh giá học sinh). Paths under /api/schools/:schoolId/classes/:classId/…;
 * `semester` is 1 or 2 in the path.
 */

/** GET …/gradebook?semester=1 — the subjects of the class with their teachers and what the caller may do. */
export interface ClassGradebook {
  classId: string;
  className: string;
  grade: GradeLevel;
  schoolYearId: string;
  schoolYearCode: string;
  semester: 1 | 2;
  scheme: Scheme | null;
  /** The semester is locked by the school: changes need a correction request. */
  locked: boolean;
  /** The caller is the class's homeroom teacher (records conduct, sees every subject). */
  homeroom: boolean;
  subjects: GradebookSubject[];
}

export interface GradebookSubject {
  code: string;
  name: string;
  nameEn: string;
  assessment: AssessmentKind;
  periodsPerYear: number;
  teacherStaffId: string | null;
  teacherName: string | null;
  /** The caller may enter scores (their own assignment, year open, semester not locked). */
  editable: boolean;
  /** The caller may read the sheet. */
  readable: boolean;
}

/** GET …/gradebook/:semester/:subjectCode — one subject's sheet for a semester. */
export interface GradeSheet {
  gradebookId: string | null;
  classId: string;
  subjectCode: string;
  subjectName: string;
  semester: 1 | 2;
  scheme: Scheme;
  schemeVersion: string;
  assessment: AssessmentKind;
  periodsPerYear: number;
  columns: GradeColumn[];
  editable: boolean;
  locked: boolean;
  /** Issue 16: assessment columns locked by the principal (read-only in the grid), with the reason. */
  lockedColumns?: { key: string; reason: string | null }[];
  /** The year's province setting for a missed assessment: the grid computes averages with it, as the server does. */
  missingAssessment: MissingAssessmentReading;
  /** Semester II sheets carry semester I's result so the grid can show the year average. */
  rows: GradeRow[];
}

export interface GradeRow {
  studentId: string;
  /** Number in the class list (Vietnamese name order). */
  ordinal: number;
  fullName: string;
  dateOfBirth: string;
  cells: Record<string, CellValue>;
  comment: string | null;
  average: number | null;
  rating: RatingCode | null;
  /** 0 when nothing was ever saved for this student. */
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
  /** Semester II only: semester I's average/rating and the year result. */
  semester1?: { average: number | null; rating: RatingCode | null };
  year?: { average: number | null; rating: RatingCode | null };
}

/**
 * PUT …/gradebook/:semester/:subjectCode — saves changed cells. `requestId` makes the save idempotent: a retry with
 * the same id returns the first answer without applying anything twice. Each row carries the version it was based
 * on; if another save changed the row since, the whole request is refused with 409 `grade_conflict` and
 * `conflicts` (the other person's values), nothing written. A null cell value clears the cell.
 */
export interface GradeSheetSave {
  requestId: string;
  rows: GradeRowChange[];
}

export interface GradeRowChange {
  studentId: string;
  version: number;
  /** Values as typed: numbers, '7,5', rating codes or 'Đ'/'CĐ' — parsed on the server by the domain's parseCell. */
  cells?: Record<string, number | string | null>;
  /** Omitted: unchanged; null: cleared. */
  comment?: string | null;
}

/**
 * A row as a save answers it: what the grid takes back (version, cells, comment, results, who saved it and when) —
 * not the pupil's place, name and birth date, which the grid already shows and the answer kept for retries need not
 * hold again (docs/adr/idempotent-versioned-saves.md, "A compact answer").
 */
export type SavedGradeRow = Omit<GradeRow, 'ordinal' | 'fullName' | 'dateOfBirth'>;

export interface GradeSaveResult {
  savedAt: string;
  rows: SavedGradeRow[];
}

/** The 409 problem's extra member. */
export interface GradeConflict {
  studentId: string;
  version: number;
  cells: Record<string, CellValue>;
  comment: string | null;
  updatedAt: string | null;
  updatedByName: string | null;
}

/** GET …/gradebook/:semester/:subjectCode/history?studentId=&column= — every change of a cell, newest first. */
export interface ScoreChange {
  studentId: string;
  column: string;
  oldValue: CellValue | string | null;
  newValue: CellValue | string | null;
  changedAt: string;
  changedByName: string | null;
  reason: string | null;
  correctionId: string | null;
}

/** GET /api/schools/:schoolId/grading/locks?yearId= ; POST {yearId, semester} locks; DELETE …/locks/:yearId/:semester unlocks. */
export interface GradingLock {
  schoolYearId: string;
  semester: 1 | 2;
  lockedAt: string;
  lockedByName: string | null;
  /**
   * Issue 16: a lock may be narrowed to a grade, a class, a subject and an assessment column (null = every one; all
   * null = the whole school's semester). DELETE …/locks/:lockId removes any lock.
   */
  id: string;
  grade: string | null;
  classId: string | null;
  className: string | null;
  subjectCode: string | null;
  subjectName: string | null;
  columnKey: string | null;
  reason: string | null;
}

/** POST /api/schools/:schoolId/grading/locks: the semester, and the scope's narrowing (each optional). */
export interface GradingLockInput {
  yearId: string;
  semester: 1 | 2;
  grade?: string;
  classId?: string;
  subjectCode?: string;
  columnKey?: string;
  reason?: string;
}

/**
 * Correction requests after a lock: POST /api/schools/:schoolId/grading/corrections (the subject's teacher);
 * GET …/corrections?status=&page=&pageSize= → Page<CorrectionRequest>; POST …/corrections/:correctionId/approve
 * | /reject {note} (the principal). Approval applies the change (409 when the cell changed since the request).
 */
export interface CorrectionRequestInput {
  classId: string;
  subjectCode: string;
  semester: 1 | 2;
  studentId: string;
  cells: Record<string, number | string | null>;
  reason: string;
}

export interface CorrectionRequest {
  id: string;
  classId: string;
  className: string;
  subjectCode: string;
  subjectName: string;
  semester: 1 | 2;
  studentId: string;
  studentName: string;
  changes: Record<string, { from: CellValue | null; to: CellValue | null }>;
  reason: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  requestedByName: string | null;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface CorrectionDecision {
  note?: string;
}

/**
 * Conduct (rèn luyện; hạnh kiểm under Circular 58; qualities and competencies under Circular 27), recorded by the
 * homeroom teacher: GET/PUT …/conduct/:semester.
 */
/**
 * GET/PUT …/conduct/:semester with 1, 2 or CN. CN (the year conduct, Circular 58 classes only) is entered by the
 * homeroom teacher: `semester` is 0 and each row carries the two semester ratings as a hint.
 */
export interface ConductSheet {
  classId: string;
  semester: 0 | 1 | 2;
  scheme: Scheme;
  editable: boolean;
  rows: ConductRow[];
}

export interface ConductRow {
  studentId: string;
  ordinal: number;
  fullName: string;
  training: Level4 | null;
  qualities: Record<string, QualityRating>;
  comment: string | null;
  version: number;
  /** The year sheet only: the semester I and II ratings the year conduct is entered from. */
  semesters?: { hk1: Level4 | null; hk2: Level4 | null };
}

export interface ConductSheetSave {
  rows: {
    studentId: string;
    version: number;
    training?: Level4 | null;
    qualities?: Record<string, QualityRating | null>;
    comment?: string | null;
  }[];
}

export type ResultPeriod = 'HK1' | 'HK2' | 'CN';

/**
 * GET …/results?period=HK1|HK2|CN computes the class's results on demand from the gradebooks; POST …/results/:period
 * stores them for reporting (school admin or the homeroom teacher).
 */
export interface ClassResults {
  classId: string;
  className: string;
  grade: GradeLevel;
  schoolYearCode: string;
  period: ResultPeriod;
  scheme: Scheme;
  subjects: { code: string; name: string; assessment: AssessmentKind }[];
  rows: StudentResult[];
  summary: ResultSummary;
  storedAt: string | null;
}

export interface StudentResult {
  studentId: string;
  ordinal: number;
  fullName: string;
  dateOfBirth: string;
  gender: 'MALE' | 'FEMALE';
  subjects: Record<string, { average: number | null; rating: RatingCode | null }>;
  /** C22: learning level; C58: ranking (học lực); C27: year classification. Null while a subject result is missing. */
  learning: Level4 | C58Ranking | C27Classification | null;
  training: Level4 | null;
  overallAverage: number | null;
  absences: { excused: number; unexcused: number };
  award: Award | null;
  /** CN only: the software's proposal (the school council decides). */
  promotion: PromotionOutcome | null;
  retestSubjects: string[];
  /** Circular 27, CN only: the programme completion proposed (Art. 14); grade 5 "Hoàn thành chương trình tiểu học". */
  completion?: C27Completion | null;
  missing: string[];
  /**
   * CN of grade 9 from 2024-25 (Circular 31/2023): the completion proposal, which takes the place of moving up;
   * the completion council decides.
   */
  secondaryCompletion?: { completes: boolean; unmet: CompletionCondition[]; age: number | null } | null;
}

/** The class summary sheet (tổng hợp kết quả): counts per level. */
export interface ResultSummary {
  students: number;
  learning: Record<string, number>;
  training: Record<string, number>;
  awards: Record<string, number>;
  promotion: Record<string, number>;
  incomplete: number;
}

/**
 * GET …/classes/:classId/recognitions — the year-end proposals (award or title; Circular 27 programme completion)
 * beside the school's decisions; PUT records decisions (the school administrator; who and when are kept).
 */
export interface YearRecognitionSheet {
  classId: string;
  scheme: Scheme;
  grade: GradeLevel;
  editable: boolean;
  rows: YearRecognitionRow[];
}

export interface RecognitionRecord {
  decision: RecognitionDecision;
  /** What the software proposed when the decision was made. */
  proposed: RecognitionDecision | null;
  reason: string | null;
  decidedBy: string;
  decidedByName: string | null;
  decidedAt: string;
  version: number;
  /** The school's decision document (số quyết định, ngày ký) the decision was recorded under; null before it. */
  decisionNumber: string | null;
  decisionDate: string | null;
}

export interface YearRecognitionRow {
  studentId: string;
  ordinal: number;
  fullName: string;
  /** Null while the year's results are incomplete; NONE when no award is proposed. */
  proposed: Partial<Record<RecognitionKind, RecognitionDecision | null>>;
  decided: Partial<Record<RecognitionKind, RecognitionRecord>>;
}

export interface YearRecognitionSave {
  decisions: {
    studentId: string;
    kind: RecognitionKind;
    decision: RecognitionDecision;
    reason?: string | null;
    /** The version the decision replaces (0 for a first decision). */
    version: number;
  }[];
  /** The principal's decision these decisions are recorded under: its number (45/QĐ-THCS) and date; both or none. */
  decisionNumber?: string | null;
  decisionDate?: string | null;
}

/** A class of the year on the school's award-decisions screen: its pupils' decisions recorded so far. */
export interface SchoolRecognitionClass {
  classId: string;
  className: string;
  grade: GradeLevel;
  /** Pupils with an award decision recorded (granted or not). */
  decided: number;
  /** Awards and titles granted, per decision (EXCELLENT, GOOD, ADVANCED, EXEMPLARY). */
  granted: Partial<Record<RecognitionDecision, number>>;
}

/**
 * GET /api/schools/:schoolId/recognitions?yearId= — the school's award decisions of a year, class by class
 * (docs/domain/gradebook.md, "The award-decisions screen"); `export.xlsx` beside it lists the granted awards.
 */
export interface SchoolRecognitionOverview {
  schoolYearId: string;
  schoolYearCode: string;
  classes: SchoolRecognitionClass[];
}

/**
 * The 423 answer of a save that changed a column the principal locked (`gradebook_column_locked`): every locked
 * column of the sheet with its reason, so the grid makes just those read-only.
 */
export interface GradeColumnsLocked {
  lockedColumns: { key: string; reason: string | null }[];
}

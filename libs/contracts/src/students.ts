import type {
  DisabilityKind,
  PupilRelation,
  GradeLevel,
  GuardianRelation,
  PolicyGroup,
  StudentStatus,
  TransferStatus,
  YearOutcome,
} from '@emis/domain';

export interface Guardian {
  relation: GuardianRelation;
  /** null only for a contact of relation UNKNOWN (a phone a list gave without a name). */
  fullName: string | null;
  phone: string | null;
  occupation: string | null;
  birthYear: number | null;
}

/**
 * GET /api/schools/:schoolId/students?q=&status=&classId=&grade=&yearId=&page=&pageSize=&sort=name|-name|dateOfBirth
 * &reveal=personalId → Page<StudentSummary>. `q` searches name (without diacritics) and personal ID. Sorted the Vietnamese
 * way by default. A teacher lists only the pupils of classes they lead or teach. Fields the reader may not see are
 * absent, and personal IDs come masked (`0341•••••789`) unless `reveal=personalId` is asked by a role that may see them
 * (docs/domain/personal-data.md, "Who sees which fields"; the web reads the same table, studentFieldAccess).
 * GET …/students/export.xlsx with the same filters streams the list as Excel (audited).
 */
export interface StudentSummary {
  id: string;
  /** Masked in lists unless revealed; absent for readers who may not see it. */
  personalId?: string;
  fullName: string;
  dateOfBirth: string;
  gender: 'MALE' | 'FEMALE';
  /** Sensitive (ethnic origin): absent for readers who may not see it. */
  ethnicity?: string;
  status: StudentStatus;
  /** The open enrolment of the selected (or current) year. */
  classId: string | null;
  className: string | null;
  grade: GradeLevel | null;
}

/** POST /api/schools/:schoolId/students → StudentDetail. Personal ID unique per school. */
export interface StudentInput {
  personalId: string;
  fullName: string;
  /** yyyy-MM-dd */
  dateOfBirth: string;
  gender: 'MALE' | 'FEMALE';
  /** Code of the 54 groups, '01' Kinh. */
  ethnicity: string;
  religion?: string | null;
  nationality?: string;
  placeOfBirth?: string | null;
  permanentAddress?: string | null;
  currentAddress?: string | null;
  policyGroups?: PolicyGroup[];
  disability?: DisabilityKind | null;
  guardians?: Guardian[];
  /** Enrol at once into this class of its year. */
  classId?: string | null;
}

/** PATCH /api/schools/:schoolId/students/:studentId (not allowed once the student left: 409). */
export interface StudentUpdate extends Partial<Omit<StudentInput, 'classId'>> {
  version: number;
}

export interface EnrolmentRecord {
  id: string;
  classId: string;
  className: string;
  grade: GradeLevel;
  schoolYearCode: string;
  /** The first day in the class, inclusive (yyyy-MM-dd). */
  fromDate: string;
  /** The last day in the class, inclusive; null while the pupil is still in it. A move dated d ends the old class on d - 1. */
  toDate: string | null;
  reason: string | null;
}

/**
 * GET /api/schools/:schoolId/students/:studentId (the access is audited as VIEW naming the field groups shown,
 * docs/domain/personal-data.md). The fields of groups the reader may not see are absent; a teacher gets 404 for a
 * pupil of none of their classes.
 */
export interface StudentDetail extends StudentSummary {
  religion?: string | null;
  nationality: string;
  placeOfBirth?: string | null;
  permanentAddress?: string | null;
  currentAddress?: string | null;
  policyGroups?: PolicyGroup[];
  disability?: DisabilityKind | null;
  guardians?: Guardian[];
  /** How the reader stands to the pupil: the web hides fields with studentFieldAccess(role, relation). */
  relation: PupilRelation;
  statusReason: string | null;
  statusDate: string | null;
  enrolments: EnrolmentRecord[];
  outcomes: { schoolYearCode: string; grade: GradeLevel; outcome: YearOutcome }[];
  transfers: StudentTransfer[];
  /** True for a record kept as history (transferred out, graduated, dropped out): no edits. */
  readOnly: boolean;
  version: number;
}

/** POST …/students/:studentId/enrolment: enrol, or move to another class of the same year. */
export interface EnrolmentRequest {
  classId: string;
  /** The first day in the new class; the old class keeps the pupil up to the day before. Defaults to today. */
  fromDate?: string;
  reason?: string | null;
}

/** POST …/students/bulk/enrol: move or enrol many students into one class (one transaction). */
export interface BulkEnrolmentRequest {
  studentIds: string[];
  classId: string;
  fromDate?: string;
}

export interface BulkResult {
  changed: number;
  unchanged: number;
}

/** POST …/students/:studentId/drop-out */
export interface DropOutRequest {
  reason: string;
  /** The first day away (the status date); the last day in the class is the day before. */
  date: string;
}

/**
 * Year-end promotion for a whole grade of a school (Circular 22/2021 Art. 12: the school council decides).
 * GET …/promotions/preview?yearId=&grade= → PromotionPreview (for the confirmation: how many records change);
 * POST …/promotions PromotionRequest → PromotionResult.
 */
export interface PromotionPreview {
  schoolYearId: string;
  grade: GradeLevel;
  /** Null when finishing this grade leaves the school's levels: the outcome is GRADUATED. */
  nextGrade: GradeLevel | null;
  students: number;
  alreadyDecided: number;
  /**
   * Grade 9 from 2024-25: completion is decided by the completion council under Circular 31/2023 (the completion
   * page), which graduates each pupil it recognises; set only then.
   */
  completionCouncil?: true;
}

export interface PromotionRequest {
  schoolYearId: string;
  grade: GradeLevel;
  /** Students who repeat the year; everyone else in the grade is promoted (or graduates). */
  repeaterIds: string[];
}

export interface PromotionResult {
  promoted: number;
  graduated: number;
  repeated: number;
}

/**
 * Transfers. The sending school releases (POST …/students/:studentId/transfers), the receiving school accepts or
 * rejects (POST …/transfers/:transferId/accept | reject), the sender may cancel while pending.
 * GET …/transfers?direction=IN|OUT&status= → Page<StudentTransfer>.
 * GET /api/transfer-targets?q= → schools of the province a student can move to (name and code only).
 */
export interface TransferRequest {
  toSchoolId: string;
  /** The first day at the receiving school; the sending school keeps the pupil up to the day before. */
  effectiveOn: string;
  reason: string;
}

export interface StudentTransfer {
  id: string;
  direction: 'OUT' | 'IN';
  studentId: string;
  studentName: string;
  /** Masked or absent as in the student list. */
  personalId?: string;
  counterpartSchoolId: string;
  counterpartSchoolName: string;
  status: TransferStatus;
  reason: string | null;
  effectiveOn: string;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface TransferAccept {
  /** Class of the receiving school to enrol the student into (optional). */
  classId?: string | null;
}

export interface TransferDecision {
  note: string;
}

export interface TransferTarget {
  id: string;
  code: string;
  name: string;
  levels: string[];
}

/**
 * One pupil found by the province-wide search (GET /api/students/search): the record's headline at one school, with
 * the school and the class of the pupil's latest enrolment. The ID number is masked (docs/domain/records.md,
 * "Finding a pupil across schools").
 */
export interface StudentSearchHit {
  id: string;
  schoolId: string;
  schoolName: string;
  schoolCode: string;
  /** Masked; absent for readers who may not see it. */
  personalId?: string;
  fullName: string;
  dateOfBirth: string;
  gender: 'MALE' | 'FEMALE';
  status: StudentStatus;
  className: string | null;
  /** The school year of that enrolment (e.g. 2025-2026). */
  schoolYearCode: string | null;
}

/** A keyset page of the search: `nextCursor` asks for the page after this one; null on the last page. */
export interface StudentSearchPage {
  items: StudentSearchHit[];
  nextCursor: string | null;
}

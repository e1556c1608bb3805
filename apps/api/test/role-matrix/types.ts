import { Role, ROLES } from '@emis/domain';

/** Objects of one school that a sample request may name (resolved from the seeded data). */
export interface Fixture {
  schoolId: string;
  studentId: string;
  classId: string;
  staffId: string;
  /** The open school year. */
  yearId: string;
  transferId: string;
  jobId: string;
  /** A school day, yyyy-MM-dd. */
  date: string;
  /** A grade correction request of the school (a fresh id when it has none). */
  correctionId: string;
  /** An asset of the school on the books, one of its rooms, and an attachment (fresh ids when it has none). */
  assetId: string;
  locationId: string;
  attachmentId: string;
  /** An inventory of the school, one of its lines, and a loan (fresh ids when it has none). */
  inventoryId: string;
  lineId: string;
  loanId: string;
  /** Finance, part B: a fee period, a charge and an adjustment — fresh ids, so no sample writes to the school. */
  periodId: string;
  chargeId: string;
  adjustmentId: string;
  /**
   * Accounts administration and sessions: an account, a password reset request and a session — fresh ids, so no
   * sample acts on a demo user or ends a demo account's sessions.
   */
  accountId: string;
  requestId: string;
  sessionId: string;
  /** Organisation administration: an org unit — a fresh id, so no sample moves or closes a unit of the seed. */
  unitId: string;
}

export interface SampleRequest {
  query?: Record<string, string>;
  body?: unknown;
}

export interface MatrixEntry {
  /** Who may call the operation; 'public' needs no session. */
  roles: readonly Role[] | 'public';
  /**
   * A well-formed request on the fixture's objects, so that a refusal can only come from the permission check.
   * Path parameters are filled from the fixture by name ({schoolId}, {studentId}, {classId}, {staffId}, {yearId},
   * {transferId}, {jobId}, {date}, {correctionId}, {assetId}, {locationId}, {attachmentId}, {inventoryId}, {lineId}, {loanId}, {periodId}, {chargeId}, {adjustmentId}, {accountId}, {requestId}, {sessionId}, {unitId}, {id} as the school; {semester} is 1, {subjectCode} TOAN,
   * {period} HK1).
   */
  sample?: (f: Fixture) => SampleRequest;
  /** The operation names no school-owned object (province data, the caller's own account). */
  provinceWide?: boolean;
}

export const ANY: readonly Role[] = ROLES;
export const SCHOOL_ADMIN_ONLY: readonly Role[] = ['SCHOOL_ADMIN'];
export const READERS_ALL: readonly Role[] = ROLES;

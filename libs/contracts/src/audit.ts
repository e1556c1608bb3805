export type AuditAction =
  | 'CREATE'
  | 'UPDATE'
  | 'DELETE'
  | 'LOGIN'
  | 'LOGIN_FAILED'
  | 'LOCKED'
  | 'LOGOUT'
  /** A session ended other than by its own sign-out: by the user elsewhere, an administrator, or the system. */
  | 'SESSION_ENDED'
  | 'MFA_ENROLLED'
  | 'PASSWORD_CHANGED'
  | 'EXPORT'
  | 'VIEW'
  /**
   * A read that returned personal data or grades of many records (a list, a grade sheet, class results, attendance):
   * one row per request, naming the records returned (docs/security.md).
   */
  | 'READ'
  | 'LOCK'
  | 'UNLOCK'
  | 'APPROVE'
  | 'REJECT'
  // Accounts administration (docs/domain/accounts.md), each with the administrator's reason.
  | 'ROLE_CHANGED'
  | 'ACCOUNT_DISABLED'
  | 'ACCOUNT_ENABLED'
  | 'PASSWORD_RESET'
  | 'MFA_RESET'
  // Organisation administration: a unit moved to another parent, closed, reopened.
  | 'MOVE'
  | 'CLOSE'
  | 'REOPEN';

export interface AuditEntry {
  schoolId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  entity: string;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditListQuery {
  schoolId?: string;
  entity?: string;
}

export interface ChainVerification {
  schoolId: string;
  rows: number;
  /** The chain recomputes without a break and, where anchors are kept, agrees with its latest anchor. */
  valid: boolean;
  /** The first sequence number whose hash or link does not match, when invalid. */
  brokenAtSeq: number | null;
  /** The comparison with the anchors written outside the database; absent where no anchors are kept. */
  anchor?: ChainAnchorCheck;
}

/**
 * How a chain stands against its latest anchor (docs/security/anchor.md). A chain rewritten by someone who recomputed
 * every later hash recomputes without a break; only the anchor, signed outside the database, tells.
 * - MATCHES: the row at the anchored sequence number carries the anchored hash;
 * - NOT_ANCHORED: no anchor names the chain yet (it is younger than the last anchor);
 * - REWRITTEN: the row at the anchored sequence number carries another hash;
 * - TRUNCATED: the chain ends before the anchored sequence number;
 * - DELETED: the chain (its head) no longer exists.
 */
export type ChainAnchorStatus = 'MATCHES' | 'NOT_ANCHORED' | 'REWRITTEN' | 'TRUNCATED' | 'DELETED';

export interface ChainAnchorCheck {
  status: ChainAnchorStatus;
  /** The head the latest anchor recorded, and when. */
  anchoredSeq: number | null;
  anchoredAt: string | null;
  /** Whether the anchor file verifies: every line signed by the anchor key, numbered without a gap, linked. */
  fileValid: boolean;
  fileProblems: AnchorFileProblem[];
}

export interface AnchorFileProblem {
  /** The line (from 1); 0 for the file as a whole. */
  line: number;
  /** UNREADABLE, BAD_SIGNATURE, WRONG_KEY (another key signed it), SEQUENCE_GAP and BROKEN_LINK (a line removed or
   * edited before it), SHRUNK (lines cut from the end of the file). */
  problem: 'UNREADABLE' | 'BAD_SIGNATURE' | 'WRONG_KEY' | 'SEQUENCE_GAP' | 'BROKEN_LINK' | 'SHRUNK';
}

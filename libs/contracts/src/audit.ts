export type AuditAction =
  | 'CREATE'
  | 'UPDATE'
  | 'DELETE'
  | 'LOGIN'
  | 'LOGIN_FAILED'
  | 'LOCKED'
  | 'LOGOUT'
  | 'MFA_ENROLLED'
  | 'PASSWORD_CHANGED'
  | 'EXPORT'
  | 'VIEW'
  | 'LOCK'
  | 'UNLOCK'
  | 'APPROVE'
  | 'REJECT';

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
  valid: boolean;
  /** The first sequence number whose hash or link does not match, when invalid. */
  brokenAtSeq: number | null;
}

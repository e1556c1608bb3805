/** A signed-in session (one per sign-in; its refresh tokens rotate inside it). docs/domain/sign-in.md, "Sessions". */
export interface SessionItem {
  id: string;
  /** Parsed from the user agent: "Chrome 131 · Windows". */
  device: string;
  userAgent: string | null;
  address: string | null;
  createdAt: string;
  lastUsedAt: string;
  /** The absolute end (12 h after sign-in by default), whatever the activity. */
  expiresAt: string;
  /** The session this request is made from. */
  current: boolean;
}

/** Why a session ended, as the audit and the user's list say. */
export type SessionEndReason =
  | 'LOGOUT'
  | 'ENDED_BY_USER'
  | 'ENDED_BY_ADMIN'
  | 'PASSWORD_CHANGED'
  | 'ROLE_CHANGED'
  | 'DISABLED'
  | 'SOFT_LOCKED'
  | 'MFA_RESET'
  | 'TOKEN_REUSE';

/** POST /api/auth/sessions/end-others, POST /api/accounts/{accountId}/sessions/end: how many sessions ended. */
export interface SessionsEnded {
  ended: number;
}

/** Recovery codes, shown once at enrolment (or when the user asks for new ones): each serves one sign-in. */
export interface RecoveryCodes {
  codes: string[];
}

import { Role } from '@emis/domain';

/**
 * Accounts administration (docs/domain/accounts.md): the department administers every account, a unit officer the
 * accounts of its schools, a principal those of their school. Nobody grants a role above their own, nobody changes
 * their own role.
 */
export type AccountStatus = 'ACTIVE' | 'DISABLED' | 'SOFT_LOCKED';

export interface AccountSummary {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitKind: 'DEPARTMENT' | 'UNIT' | 'SCHOOL';
  /** The staff record this account belongs to (teachers, principals, accountants), if any. */
  staffId: string | null;
  email: string | null;
  status: AccountStatus;
  mfaEnabled: boolean;
  /** The role's policy asks for a second factor (docs/domain/sign-in.md, "Second factor"). */
  mfaRequired: boolean;
  /** The next sign-in must set a new password (after creation or an administrator's reset). */
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface AccountDetail extends AccountSummary {
  disabledAt: string | null;
  disabledReason: string | null;
  softLockedAt: string | null;
  /** Sessions not ended and not expired. */
  activeSessions: number;
  /** Roles the caller may give this account (empty when the caller may not change it, e.g. their own). */
  grantableRoles: Role[];
}

/** GET /api/accounts filters, besides paging (q searches user name and full name, accent-free). */
export interface AccountListQuery {
  /** Restrict to this org unit's subtree (within the caller's scope). */
  unitId?: string;
  role?: Role;
  status?: AccountStatus;
  /** true: only accounts whose role requires MFA and that have none. */
  withoutMfa?: boolean;
}

/** POST /api/accounts: an account for a staff record (schools) or for department / unit staff (no staff record). */
export interface AccountCreate {
  orgUnitId: string;
  role: Role;
  /** Required for school roles, absent for department and unit roles. */
  staffId?: string;
  /** Required without staffId; taken from the staff record otherwise. */
  fullName?: string;
  /** Suggested from the name when absent: lower-case ascii, e.g. "nguyenvan.an". Unique province-wide. */
  username?: string;
  email?: string | null;
}

/** A new account or a reset: the one-time password is shown once and never stored in clear. */
export interface OneTimeCredential {
  accountId: string;
  username: string;
  fullName: string;
  orgUnitName: string;
  role: Role;
  oneTimePassword: string;
}

/** POST /api/accounts/bulk: accounts for a school's staff without one, in one step. */
export interface BulkAccountCreate {
  schoolId: string;
  /** The staff records to give accounts; absent: every working staff member of the school without an account. */
  staffIds?: string[];
  /** The role given to teachers; principals (position) get SCHOOL_ADMIN, accountants ACCOUNTANT. Default TEACHER. */
  defaultRole?: Role;
}

export interface BulkAccountResult {
  created: OneTimeCredential[];
  /** Staff records left out, with why (already has an account, not working, …). */
  skipped: { staffId: string; fullName: string; reason: 'has_account' | 'not_working' | 'not_in_school' }[];
  /**
   * A short-lived download token for the printable sheet (PDF) and workbook (xlsx) of these credentials:
   * GET /api/accounts/credential-sheets/{token}?format=pdf|xlsx. Kept in memory for 10 minutes, then forgotten.
   */
  sheetToken: string;
}

/** Every administrator's action on an account carries a reason: it goes to the audit trail. */
export interface AccountActionReason {
  reason: string;
}

export interface AccountRoleChange extends AccountActionReason {
  role: Role;
}

/** The department's home: what needs attention in accounts. */
export interface AccountsAttention {
  /** Accounts whose role requires MFA and that have none. */
  withoutMfa: number;
  softLocked: number;
  disabled: number;
  /** Schools (active, in scope) with no active SCHOOL_ADMIN account. */
  schoolsWithoutAdmin: { id: string; code: string; name: string }[];
  /** Password reset requests waiting for an administrator. */
  pendingResetRequests: number;
}

/** A "forgot password" request, waiting for the user's administrator. */
export interface PasswordResetRequestItem {
  id: string;
  accountId: string;
  username: string;
  fullName: string;
  orgUnitName: string;
  requestedAt: string;
  status: 'PENDING' | 'DONE' | 'DISMISSED';
}

/** POST /api/auth/password-reset-requests (public). The answer is the same whether or not the user exists. */
export interface PasswordResetRequestCreate {
  username: string;
}

/** Second-factor policy per role, set by the department (roles that read more than one school, and administrators, always). */
export interface MfaPolicyItem {
  role: Role;
  required: boolean;
  /** The law of the system: this role can never be exempted (department, unit officers and administrators). */
  fixed: boolean;
}

export interface MfaPolicyUpdate {
  required: Partial<Record<Role, boolean>>;
}

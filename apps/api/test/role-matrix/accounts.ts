import { MatrixEntry } from './types';

/** Who reads accounts: administrators and the department's and units' officers (docs/domain/accounts.md). */
const READERS = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'] as const;
/** Who administers them: the department, a unit for its schools, a principal for their school. */
const MANAGERS = ['DEPARTMENT_ADMIN', 'UNIT_OFFICER', 'SCHOOL_ADMIN'] as const;

/** An administrator's reason, as every action on an account carries one. */
const reason = () => ({ body: { reason: 'Kiểm tra phân quyền' } });

/**
 * Accounts administration's operations (see types.ts for what an entry declares). The samples name a fresh account
 * and request id ({accountId}, {requestId}: 404 past the permission check) and staff records no school has, so the
 * sweep never disables, resets or re-roles a demo account the other specs sign in with.
 */
export const ACCOUNTS: Record<string, MatrixEntry> = {
  'GET /api/accounts': { roles: READERS, sample: () => ({ query: { status: 'ACTIVE' } }) },
  'GET /api/accounts/attention': { roles: READERS, provinceWide: true },
  'GET /api/accounts/reset-requests': { roles: MANAGERS, provinceWide: true },
  'POST /api/accounts/reset-requests/{requestId}/dismiss': { roles: MANAGERS, sample: reason },
  // A token no bulk creation issued: 404, like an expired sheet.
  'GET /api/accounts/credential-sheets/{token}': { roles: MANAGERS, sample: () => ({ query: { format: 'pdf' } }) },
  // A staff record the school does not have: a field error past the permission check, no account made.
  'POST /api/accounts': {
    roles: MANAGERS,
    sample: (f) => ({ body: { orgUnitId: f.schoolId, role: 'TEACHER', staffId: f.accountId } }),
  },
  'POST /api/accounts/bulk': {
    roles: MANAGERS,
    sample: (f) => ({ body: { schoolId: f.schoolId, staffIds: [f.accountId] } }),
  },
  'GET /api/accounts/{accountId}': { roles: READERS },
  'POST /api/accounts/{accountId}/role': {
    roles: MANAGERS,
    sample: () => ({ body: { role: 'TEACHER', reason: 'Kiểm tra phân quyền' } }),
  },
  'POST /api/accounts/{accountId}/disable': { roles: MANAGERS, sample: reason },
  'POST /api/accounts/{accountId}/enable': { roles: MANAGERS, sample: reason },
  'POST /api/accounts/{accountId}/reset-password': { roles: MANAGERS, sample: reason },
  'POST /api/accounts/{accountId}/reset-mfa': { roles: MANAGERS, sample: reason },
  'POST /api/accounts/{accountId}/unlock': { roles: MANAGERS, sample: reason },
};

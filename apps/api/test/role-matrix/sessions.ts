import { ANY, MatrixEntry } from './types';

const ACCOUNT_ADMINS = ['DEPARTMENT_ADMIN', 'UNIT_OFFICER', 'SCHOOL_ADMIN'] as const;

/**
 * Sessions (docs/domain/sign-in.md, "Sessions"). The caller's own sessions are everyone's; an account's sessions are
 * its administrators'. The samples name fresh ids (404 past the permission check): the sweep must never end the
 * sessions of the demo accounts every other spec signs in with.
 */
export const SESSIONS: Record<string, MatrixEntry> = {
  'GET /api/auth/sessions': { roles: ANY, provinceWide: true },
  'DELETE /api/auth/sessions/{sessionId}': { roles: ANY, provinceWide: true },
  // Ends the caller's other sessions only: the sweep's one session per role survives it.
  'POST /api/auth/sessions/end-others': { roles: ANY, provinceWide: true },
  'GET /api/accounts/{accountId}/sessions': { roles: ACCOUNT_ADMINS },
  'POST /api/accounts/{accountId}/sessions/end': {
    roles: ACCOUNT_ADMINS,
    sample: () => ({ body: { reason: 'Kiểm tra quyền truy cập' } }),
  },
};

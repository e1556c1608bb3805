import { ANY, MatrixEntry } from './types';

export const FOUNDATION: Record<string, MatrixEntry> = {
  'GET /api/health': { roles: 'public' },
  'POST /api/auth/login': { roles: 'public' },
  'POST /api/auth/mfa/verify': { roles: 'public' },
  'POST /api/auth/mfa/enroll/start': { roles: 'public' },
  'POST /api/auth/mfa/enroll/confirm': { roles: 'public' },
  'POST /api/auth/refresh': { roles: 'public' },
  'POST /api/auth/logout': { roles: 'public' },
  // Changing one's own password is sampled in auth.int-spec.ts; the sweep must not change the demo passwords.
  'POST /api/auth/password': { roles: ANY, provinceWide: true },
  'POST /api/auth/password/first': { roles: 'public' },
  'POST /api/auth/password-reset-requests': { roles: 'public' },
  // No proof in the sample (400 before any check): a wrong code would count as a failed sign-in of the demo users.
  'POST /api/auth/mfa/re-enroll/start': { roles: ANY, provinceWide: true, sample: () => ({ body: {} }) },
  'POST /api/auth/mfa/re-enroll/confirm': { roles: ANY, provinceWide: true, sample: () => ({ body: {} }) },
  'POST /api/auth/mfa/recovery-codes': { roles: ANY, provinceWide: true, sample: () => ({ body: {} }) },
  // The department's policy; the sample changes nothing (no role named).
  'GET /api/accounts/mfa-policy': { roles: ['DEPARTMENT_ADMIN'], provinceWide: true },
  'PUT /api/accounts/mfa-policy': {
    roles: ['DEPARTMENT_ADMIN'],
    provinceWide: true,
    sample: () => ({ body: { required: {} } }),
  },
  'GET /api/auth/me': { roles: ANY, provinceWide: true },
  'GET /api/org-units/tree': { roles: ANY, provinceWide: true },
  'GET /api/org-units/scope-summary': { roles: ANY, provinceWide: true },
  'GET /api/schools': { roles: ANY, provinceWide: true },
  'GET /api/schools/{id}': { roles: ANY },
  'PATCH /api/schools/{id}/profile': {
    roles: ['DEPARTMENT_ADMIN', 'SCHOOL_ADMIN'],
    sample: () => ({ body: { version: 1 } }),
  },
  'GET /api/audit': {
    roles: ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
    sample: (f) => ({ query: { schoolId: f.schoolId } }),
  },
  'GET /api/audit/verify': {
    roles: ['DEPARTMENT_ADMIN', 'SCHOOL_ADMIN'],
    sample: (f) => ({ query: { schoolId: f.schoolId } }),
  },
};

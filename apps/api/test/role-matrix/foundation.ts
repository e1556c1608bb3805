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

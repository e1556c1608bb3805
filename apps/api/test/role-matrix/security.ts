import { MatrixEntry } from './types';

/**
 * Security events (docs/security/coverage.md): the department administrator's alone. The acknowledge sample names the
 * fixture's school id, which is no event (404 past the permission check), so the sweep acknowledges nothing real.
 */
export const SECURITY: Record<string, MatrixEntry> = {
  'GET /api/security-events': { roles: ['DEPARTMENT_ADMIN'], provinceWide: true },
  'GET /api/security-events/open-alerts': { roles: ['DEPARTMENT_ADMIN'], provinceWide: true },
  'POST /api/security-events/{id}/acknowledge': { roles: ['DEPARTMENT_ADMIN'], provinceWide: true },
};

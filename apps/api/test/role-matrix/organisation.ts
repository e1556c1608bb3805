import { MatrixEntry } from './types';

/** org.read: the department's administrator and officers, and unit officers (their own subtree). */
export const ORG_READERS = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'] as const;
/** org.manage: the department's administrator. */
export const ORG_MANAGERS = ['DEPARTMENT_ADMIN'] as const;

/** A parent no unit has: a create past the permission check answers 400 and writes nothing. */
const NO_PARENT = '00000000-0000-4000-8000-000000000000';

/**
 * Organisation administration (libs/contracts organisation.ts). The tree is province data, so every entry is
 * province-wide. {unitId} is a fresh id (Fixture.unitId): a move, close or reopen past the permission check answers
 * 404 and never changes the seeded tree other specs sign in under.
 */
export const ORGANISATION: Record<string, MatrixEntry> = {
  'GET /api/org-admin/units': { roles: ORG_READERS, provinceWide: true, sample: () => ({ query: { kind: 'SCHOOL' } }) },
  'GET /api/org-admin/units/export': {
    roles: ORG_READERS,
    provinceWide: true,
    sample: () => ({ query: { kind: 'UNIT' } }),
  },
  'GET /api/org-admin/units/import/template': { roles: ORG_MANAGERS, provinceWide: true },
  'POST /api/org-admin/units/import': { roles: ORG_MANAGERS, provinceWide: true },
  'GET /api/org-admin/units/{unitId}': { roles: ORG_READERS, provinceWide: true },
  'POST /api/org-admin/units': {
    roles: ORG_MANAGERS,
    provinceWide: true,
    sample: () => ({ body: { kind: 'UNIT', code: 'MATRIX-UNIT', name: 'Đơn vị thử quyền', parentId: NO_PARENT } }),
  },
  'PATCH /api/org-admin/units/{unitId}': {
    roles: ORG_MANAGERS,
    provinceWide: true,
    sample: () => ({ body: { name: 'Tên mới', reason: 'Thử quyền' } }),
  },
  'POST /api/org-admin/units/{unitId}/move': {
    roles: ORG_MANAGERS,
    provinceWide: true,
    sample: () => ({ body: { parentId: NO_PARENT, effectiveFrom: '2030-09-01', reason: 'Thử quyền' } }),
  },
  'POST /api/org-admin/units/{unitId}/close': {
    roles: ORG_MANAGERS,
    provinceWide: true,
    sample: (f) => ({ body: { closedOn: f.date, reason: 'Thử quyền' } }),
  },
  'POST /api/org-admin/units/{unitId}/reopen': {
    roles: ORG_MANAGERS,
    provinceWide: true,
    sample: () => ({ body: { reason: 'Thử quyền' } }),
  },
};

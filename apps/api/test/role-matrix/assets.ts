import { MatrixEntry } from './types';

/** assets.read: the department, units, and the school's administrator and accountant. */
export const ASSET_READERS = [
  'DEPARTMENT_ADMIN',
  'DEPARTMENT_OFFICER',
  'UNIT_OFFICER',
  'SCHOOL_ADMIN',
  'ACCOUNTANT',
] as const;
/** assets.manage and assets.wear: the school's administrator and accountant. */
export const ASSET_KEEPERS = ['SCHOOL_ADMIN', 'ACCOUNTANT'] as const;

/**
 * The assets context's operations (see types.ts for what an entry declares). Each part of the context keeps its
 * entries in its own block, under its heading.
 */
export const ASSETS: Record<string, MatrixEntry> = {
  // — part B: register —
  'GET /api/schools/{schoolId}/assets': {
    roles: ASSET_READERS,
    sample: () => ({ query: { status: 'IN_USE', sort: '-cost', q: 'may' } }),
  },
  'GET /api/schools/{schoolId}/assets/export.xlsx': {
    roles: ASSET_READERS,
    sample: () => ({ query: { kind: 'FIXED' } }),
  },
  'POST /api/schools/{schoolId}/assets': {
    roles: ASSET_KEEPERS,
    sample: () => ({
      body: {
        name: 'Máy chiếu Epson EB-X51',
        categoryCode: 'TEACHING_EQUIPMENT',
        quantity: 1,
        unit: 'cái',
        unitCost: 14_500_000,
        fundingSource: 'STATE_BUDGET',
        inUseOn: '2025-09-05',
      },
    }),
  },
  'GET /api/schools/{schoolId}/assets/{assetId}': { roles: ASSET_READERS },
  'PATCH /api/schools/{schoolId}/assets/{assetId}': { roles: ASSET_KEEPERS, sample: () => ({ body: { version: 1 } }) },
  'POST /api/schools/{schoolId}/assets/{assetId}/cost-changes': {
    roles: ASSET_KEEPERS,
    sample: (f) => ({
      body: { kind: 'REVALUATION', effectiveOn: f.date, newCost: 1, documentNumber: '01/QĐ-ĐGL', version: 1 },
    }),
  },
  'POST /api/schools/{schoolId}/assets/{assetId}/attachments': { roles: ASSET_KEEPERS },
  'GET /api/schools/{schoolId}/assets/{assetId}/attachments/{attachmentId}': { roles: ASSET_READERS },
  'DELETE /api/schools/{schoolId}/assets/{assetId}/attachments/{attachmentId}': { roles: ASSET_KEEPERS },
  'GET /api/schools/{schoolId}/asset-locations': { roles: ASSET_READERS },
  'POST /api/schools/{schoolId}/asset-locations': {
    roles: ASSET_KEEPERS,
    sample: () => ({ body: { building: 'Nhà A', room: 'Phòng thiết bị' } }),
  },
  'PATCH /api/schools/{schoolId}/asset-locations/{locationId}': {
    roles: ASSET_KEEPERS,
    sample: () => ({ body: { building: 'Nhà A', room: 'Phòng thư viện' } }),
  },

  // — part A: wear —

  // — part C: excel and print —

  // — part D: movements and inventory —

  // — part H: reporting —
};

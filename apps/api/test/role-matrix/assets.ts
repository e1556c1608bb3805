import { MatrixEntry, SCHOOL_ADMIN_ONLY } from './types';

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

  // — part A: wear —

  // — part C: excel and print —

  // — part D: movements and inventory —
  // Movements name a version far from any real one: an allowed role meets 409 version_conflict (past the permission
  // check) and the sweep's copy of the seeded register is left as it was. A transfer names the caller's own school as
  // the receiver (400), so the sweep never writes into another school.
  'POST /api/schools/{schoolId}/assets/{assetId}/move': {
    roles: ASSET_KEEPERS,
    sample: (f) => ({ body: { locationId: f.locationId, effectiveOn: f.date, version: 999_999 } }),
  },
  'POST /api/schools/{schoolId}/assets/{assetId}/loans': {
    roles: ASSET_KEEPERS,
    sample: (f) => ({ body: { borrower: 'Trường Tiểu học Như Quỳnh', lentOn: f.date, version: 999_999 } }),
  },
  'POST /api/schools/{schoolId}/assets/{assetId}/loans/{loanId}/return': {
    roles: ASSET_KEEPERS,
    sample: (f) => ({ body: { returnedOn: f.date } }),
  },
  'POST /api/schools/{schoolId}/assets/{assetId}/disposal': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({
      body: { method: 'SALE', decisionNumber: '1/QĐ', decisionDate: f.date, disposedOn: f.date, version: 999_999 },
    }),
  },
  'POST /api/schools/{schoolId}/assets/{assetId}/transfers': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ body: { toSchoolId: f.schoolId, effectiveOn: f.date, decisionNumber: '1/QĐ', version: 1 } }),
  },
  'GET /api/schools/{schoolId}/asset-transfers': {
    roles: ASSET_READERS,
    sample: () => ({ query: { direction: 'IN', status: 'PENDING' } }),
  },
  'POST /api/schools/{schoolId}/asset-transfers/{transferId}/accept': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: (f) => ({ body: { locationId: f.locationId } }),
  },
  'POST /api/schools/{schoolId}/asset-transfers/{transferId}/reject': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({ body: { reason: 'Trường không có nhu cầu sử dụng' } }),
  },
  'POST /api/schools/{schoolId}/asset-transfers/{transferId}/cancel': { roles: SCHOOL_ADMIN_ONLY },
  'POST /api/schools/{schoolId}/asset-inventories': {
    roles: ASSET_KEEPERS,
    sample: (f) => ({ body: { year: 2025, title: 'Kiểm kê cuối năm', countDate: f.date } }),
  },
  'GET /api/schools/{schoolId}/asset-inventories': { roles: ASSET_READERS },
  'GET /api/schools/{schoolId}/asset-inventories/{inventoryId}': {
    roles: ASSET_READERS,
    sample: (f) => ({ query: { locationId: f.locationId } }),
  },
  'GET /api/schools/{schoolId}/asset-inventories/{inventoryId}/checklist.xlsx': {
    roles: ASSET_READERS,
    sample: (f) => ({ query: { locationId: f.locationId } }),
  },
  'GET /api/schools/{schoolId}/asset-inventories/{inventoryId}/checklist.pdf': {
    roles: ASSET_READERS,
    sample: (f) => ({ query: { locationId: f.locationId } }),
  },
  'PUT /api/schools/{schoolId}/asset-inventories/{inventoryId}/lines/{lineId}': {
    roles: ASSET_KEEPERS,
    sample: () => ({ body: { countedQuantity: 1, condition: 'GOOD' } }),
  },
  'POST /api/schools/{schoolId}/asset-inventories/{inventoryId}/scan': {
    roles: ASSET_KEEPERS,
    sample: () => ({ body: { code: 'TS-0001' } }),
  },
  'POST /api/schools/{schoolId}/asset-inventories/{inventoryId}/surplus': {
    roles: ASSET_KEEPERS,
    sample: () => ({ body: { description: 'Quạt treo tường', quantity: 1 } }),
  },
  // A JSON body instead of the workbook: 400 file_required, past the permission check.
  'POST /api/schools/{schoolId}/asset-inventories/{inventoryId}/import': {
    roles: ASSET_KEEPERS,
    sample: () => ({ body: {} }),
  },
  'POST /api/schools/{schoolId}/asset-inventories/{inventoryId}/close': {
    roles: ASSET_KEEPERS,
    sample: () => ({ body: { committee: ['Nguyễn Văn An', 'Trần Thị Bình'] } }),
  },
  'POST /api/schools/{schoolId}/asset-inventories/{inventoryId}/approve': {
    roles: SCHOOL_ADMIN_ONLY,
    sample: () => ({ body: { decisionNumber: '45/QĐ-THCS' } }),
  },
  'GET /api/schools/{schoolId}/asset-inventories/{inventoryId}/report.xlsx': { roles: ASSET_READERS },
  'GET /api/schools/{schoolId}/asset-inventories/{inventoryId}/report.pdf': { roles: ASSET_READERS },

  // — part H: reporting —
};

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

/** A year after the current one: a wear run of it is refused (Art. 12.1.a). Part A. */
const YEAR_TO_COME = new Date().getUTCFullYear() + 2;

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
  // A run's sample names a year still to come: refused (409) after the permission check, so the sweep queues no run
  // whose background work could change a school while another test compares its snapshots.
  'GET /api/schools/{schoolId}/asset-wear': { roles: ASSET_READERS, sample: () => ({ query: { year: '2025' } }) },
  'POST /api/schools/{schoolId}/asset-wear/runs': {
    roles: ASSET_KEEPERS,
    sample: () => ({ body: { year: YEAR_TO_COME } }),
  },
  // {runId} is an import job's id (or a fresh one): not a wear run, so 404 — past the permission check.
  'GET /api/schools/{schoolId}/asset-wear/runs/{runId}': { roles: ASSET_READERS },
  'GET /api/schools/{schoolId}/asset-wear/{year}/export.xlsx': { roles: ASSET_READERS },
  'GET /api/schools/{schoolId}/asset-wear/{year}/export.pdf': { roles: ASSET_READERS },
  'POST /api/asset-wear/runs': {
    roles: ['DEPARTMENT_ADMIN'],
    provinceWide: true,
    sample: () => ({ body: { year: YEAR_TO_COME } }),
  },
  'GET /api/asset-wear/runs/{runId}': { roles: ['DEPARTMENT_ADMIN'], provinceWide: true },
  'GET /api/assets-config/categories': { roles: ASSET_READERS, provinceWide: true },
  // The sample sets the default's own rate back: the sweep leaves the configuration as it found it.
  'PUT /api/assets-config/categories/{code}': {
    roles: ['DEPARTMENT_ADMIN'],
    provinceWide: true,
    sample: () => ({ body: { rateBasisPoints: null } }),
  },
  'GET /api/assets-config/policy': { roles: ASSET_READERS, provinceWide: true },
  'PUT /api/assets-config/policy': {
    roles: ['DEPARTMENT_ADMIN'],
    provinceWide: true,
    sample: () => ({ body: { fixedAssetThreshold: 10_000_000 } }),
  },

  // — part C: excel and print —
  // Printing reads the register (labels, the books of a year); an unknown asset answers 404, past the permission check.
  'GET /api/schools/{schoolId}/assets/labels.pdf': {
    roles: ASSET_READERS,
    sample: (f) => ({ query: { ids: f.assetId } }),
  },
  'GET /api/schools/{schoolId}/assets/{assetId}/label.pdf': { roles: ASSET_READERS },
  'GET /api/schools/{schoolId}/asset-books/fixed-assets.xlsx': {
    roles: ASSET_READERS,
    sample: () => ({ query: { year: '2025' } }),
  },
  'GET /api/schools/{schoolId}/asset-books/fixed-assets.pdf': {
    roles: ASSET_READERS,
    sample: () => ({ query: { year: '2025' } }),
  },
  'GET /api/schools/{schoolId}/asset-books/tools.xlsx': {
    roles: ASSET_READERS,
    sample: () => ({ query: { year: '2025' } }),
  },
  'GET /api/schools/{schoolId}/asset-books/tools.pdf': {
    roles: ASSET_READERS,
    sample: () => ({ query: { year: '2025' } }),
  },
  // The asset list import (assets.manage); the sweep's JSON body answers 400 file_required, past the permission check.
  'GET /api/schools/{schoolId}/imports/templates/assets.xlsx': { roles: ASSET_KEEPERS },
  'POST /api/schools/{schoolId}/imports/assets': { roles: ASSET_KEEPERS, sample: () => ({ body: {} }) },

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

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
  'GET /api/schools/{schoolId}/assets/export.xlsx': { roles: ASSET_READERS, sample: () => ({ query: { kind: 'FIXED' } }) },
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
  'POST /api/schools/{schoolId}/asset-wear/runs': { roles: ASSET_KEEPERS, sample: () => ({ body: { year: YEAR_TO_COME } }) },
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

  // — part H: reporting —
};

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

  // — part A: wear —

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

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

  // — part D: movements and inventory —

  // — part H: reporting —
};

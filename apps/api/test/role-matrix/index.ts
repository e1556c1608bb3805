import { ACADEMIC } from './academic';
import { ACCOUNTS } from './accounts';
import { ASSETS } from './assets';
import { FINANCE } from './finance';
import { FOUNDATION } from './foundation';
import { GRADING } from './grading';
import { PEOPLE } from './people';
import { REPORTING } from './reporting';
import { SESSIONS } from './sessions';
import { STAFF } from './staff';
import { ORGANISATION } from './organisation';
import { IMPORTS } from './spreadsheets';
import { SECURITY } from './security';
import { MatrixEntry } from './types';

export * from './types';

/**
 * The declared role matrix: who may call each operation of the API, written by hand per context, independently
 * of the permission table the guards read. An operation of the OpenAPI document without an entry fails the sweep.
 */
export const ROLE_MATRIX: Record<string, MatrixEntry> = {
  ...FOUNDATION,
  ...ACADEMIC,
  ...STAFF,
  ...PEOPLE,
  ...IMPORTS,
  ...GRADING,
  ...REPORTING,
  ...ASSETS,
  ...FINANCE,
  ...SESSIONS,
  ...ACCOUNTS,
  ...ORGANISATION,
  ...SECURITY,
};

import { MatrixEntry } from './types';

/** The staff context's operations (see types.ts for what an entry declares). */
export const STAFF: Record<string, MatrixEntry> = {};

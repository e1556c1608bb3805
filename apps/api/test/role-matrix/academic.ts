import { MatrixEntry } from './types';

/** The academic context's operations (see types.ts for what an entry declares). */
export const ACADEMIC: Record<string, MatrixEntry> = {};

import { MatrixEntry } from './types';

/** The people context's operations (see types.ts for what an entry declares). */
export const PEOPLE: Record<string, MatrixEntry> = {};

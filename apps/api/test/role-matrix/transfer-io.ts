import { MatrixEntry } from './types';

/** The transfer-io context's operations (see types.ts for what an entry declares). */
export const TRANSFER_IO: Record<string, MatrixEntry> = {};

import { createHash, randomInt } from 'node:crypto';

/** How many recovery codes an enrolment (or a renewal) issues. */
export const RECOVERY_CODE_COUNT = 10;

/** Crockford's base32 without the letters read as digits (I, L, O, U): easy to copy from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * One recovery code: 16 random base32 characters (80 bits) in groups of four, e.g. "7K3M-Q9XD-2HPA-WR4T". At 80 bits a
 * plain SHA-256 of the code is safe to store (no dictionary to try), and a lookup by hash stays one indexed query.
 */
export function newRecoveryCode(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, newRecoveryCode);
}

/** Case, spaces and dashes do not matter when a user types a code back. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(`emis-recovery:${normalizeRecoveryCode(code)}`)
    .digest('hex');
}

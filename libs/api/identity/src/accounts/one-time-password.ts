import { passwordProblems } from '@emis/domain';
import * as argon2 from 'argon2';
import { randomInt } from 'node:crypto';

/**
 * Letters and digits that cannot be misread on a printed slip: no 0/o, 1/l/i, 5/s, 2/z, 8/b. 25 symbols; twelve of
 * them carry about 55 bits, far beyond guessing within the sign-in throttle, and the password serves only until the
 * first sign-in replaces it (docs/domain/accounts.md, "One-time passwords").
 */
const ALPHABET = 'acdefghjkmnpqrtuvwxy34679';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A one-time password in groups of four ("k7mp-3xqa-9hte"), easy to read out and type; always a letter and a digit. */
export function newOneTimePassword(username = ''): string {
  for (;;) {
    const groups = Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
    );
    const password = groups.join('-');
    if (passwordProblems(password, username).length === 0) return password;
  }
}

/** argon2id, as every password of Emis is stored; the clear text never reaches the database. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** How many hashes run at once: argon2 runs on libuv's pool (4 threads); more would only queue. */
const HASH_CONCURRENCY = 4;

/** Fresh one-time passwords and their hashes for many accounts, hashed a few at a time (a school: ~100 people). */
export async function newOneTimePasswords(count: number): Promise<{ password: string; hash: string }[]> {
  const out: { password: string; hash: string }[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const password = newOneTimePassword();
      out[i] = { password, hash: await hashPassword(password) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, count) }, worker));
  return out;
}

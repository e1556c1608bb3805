import { passwordProblems } from '@emis/domain';
import * as argon2 from 'argon2';
import { newOneTimePassword, newOneTimePasswords } from './one-time-password';

describe('one-time passwords', () => {
  it('are three groups of four unambiguous characters that pass the password policy', () => {
    for (let i = 0; i < 200; i++) {
      const password = newOneTimePassword('nguyenvan.an');
      expect(password).toMatch(/^[acdefghjkmnpqrtuvwxy34679]{4}(-[acdefghjkmnpqrtuvwxy34679]{4}){2}$/);
      expect(passwordProblems(password, 'nguyenvan.an')).toEqual([]);
    }
  });

  it('differ from one another', () => {
    const passwords = new Set(Array.from({ length: 500 }, () => newOneTimePassword()));
    expect(passwords.size).toBe(500);
  });

  it('come with their argon2id hashes, which verify the clear text and nothing else', async () => {
    const issued = await newOneTimePasswords(2);
    expect(issued).toHaveLength(2);
    for (const { password, hash } of issued) {
      expect(hash).toMatch(/^\$argon2id\$/);
      expect(await argon2.verify(hash, password)).toBe(true);
      expect(await argon2.verify(hash, `${password}x`)).toBe(false);
    }
  });
});

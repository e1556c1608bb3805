import { passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a long password with a letter and a digit', () => {
    expect(passwordProblems('Hoa phượng đỏ 2026', 'giaovien.nhuquynh')).toEqual([]);
  });

  it('names every rule a password breaks', () => {
    expect(passwordProblems('abc', 'x')).toEqual(['tooShort', 'needsDigit']);
    expect(passwordProblems('1234567890', 'x')).toEqual(['needsLetter']);
    expect(passwordProblems('giaovien.nhuquynh1', 'GiaoVien.NhuQuynh')).toEqual(['containsUsername']);
    expect(passwordProblems('a1'.repeat(101), 'x')).toEqual(['tooLong']);
  });
});

import { passwordWeaknesses } from './password-weaknesses';

describe('password weaknesses', () => {
  it('refuses common words dressed with digits and symbols', () => {
    expect(passwordWeaknesses('password123', [])).toContain('common');
    expect(passwordWeaknesses('ketoan12345', [])).toContain('common');
    expect(passwordWeaknesses('KếToán@2026', [])).toContain('common');
    expect(passwordWeaknesses('P@ssw0rd2026', [])).toContain('common');
    expect(passwordWeaknesses('1234567890a', [])).toContain('common');
  });

  it('refuses repeated and sequential characters', () => {
    expect(passwordWeaknesses('aaaaaaaaa1', [])).toContain('repetitive');
    expect(passwordWeaknesses('abcdefgh12', [])).toContain('repetitive');
    expect(passwordWeaknesses('abab1212ab', [])).toContain('repetitive');
  });

  it("refuses pieces of the user's names, accents or not", () => {
    expect(passwordWeaknesses('Quynh mua thu 2026', ['giaovien.nhuquynh', 'Nguyễn Như Quỳnh'])).toEqual([
      'containsName',
    ]);
    expect(passwordWeaknesses('Nguyễn vui vẻ 88', ['gv.an', 'Nguyễn Văn An'])).toEqual(['containsName']);
  });

  it('accepts a long passphrase of ordinary words', () => {
    expect(passwordWeaknesses('Hoa phượng đỏ 2026', ['giaovien.nhuquynh', 'Nguyễn Như Quỳnh'])).toEqual([]);
    expect(passwordWeaknesses('Sông Hồng mùa lũ 1971', ['admin.so', 'Trần Quản Trị'])).toEqual([]);
  });
});

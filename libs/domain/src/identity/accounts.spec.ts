import { accountRoleForStaff, firstFreeUsername, USERNAME_PATTERN, usernameStem } from './accounts';

describe('usernameStem', () => {
  it('joins the family and middle names, then a dot and the given name, without accents', () => {
    expect(usernameStem('Nguyễn Văn An')).toBe('nguyenvan.an');
    expect(usernameStem('Đỗ Thị Bích Ngọc')).toBe('dothibich.ngoc');
  });

  it('reads the decomposed (NFD) form of a name the same as the composed one', () => {
    expect(usernameStem('Trần Thị Thu Hà'.normalize('NFD'))).toBe('tranthithu.ha');
  });

  it('keeps a one-word name as it is and ignores stray spaces and symbols', () => {
    expect(usernameStem('  Hùng  ')).toBe('hung');
    expect(usernameStem("Lê  Văn  O'Neil")).toBe('levan.oneil');
  });

  it('falls back to a neutral stem when the name has no latin letters, and pads a too-short one', () => {
    expect(usernameStem('——')).toBe('nguoidung');
    expect(usernameStem('Y')).toBe('y00');
  });

  it('stays within the user name pattern and leaves room for a suffix', () => {
    const stem = usernameStem('Công Tằng Tôn Nữ Thị Phương Thảo Nguyên Hạnh Phúc Vĩnh Viễn');
    expect(stem.length).toBeLessThanOrEqual(36);
    expect(stem).toMatch(USERNAME_PATTERN);
  });
});

describe('firstFreeUsername', () => {
  it('answers the stem itself when it is free, else the first free numbered name', () => {
    expect(firstFreeUsername('nguyenvan.an', new Set())).toBe('nguyenvan.an');
    expect(firstFreeUsername('nguyenvan.an', new Set(['nguyenvan.an', 'nguyenvan.an2']))).toBe('nguyenvan.an3');
  });
});

describe('accountRoleForStaff', () => {
  it('makes the principal and vice-principals school administrators', () => {
    expect(accountRoleForStaff({ position: 'PRINCIPAL', rankCode: 'V.07.04.31' }, 'TEACHER')).toBe('SCHOOL_ADMIN');
    expect(accountRoleForStaff({ position: 'VICE_PRINCIPAL', rankCode: null }, 'TEACHER')).toBe('SCHOOL_ADMIN');
  });

  it('makes a holder of an accountant rank the accountant', () => {
    expect(accountRoleForStaff({ position: 'STAFF', rankCode: '06.031' }, 'TEACHER')).toBe('ACCOUNTANT');
    expect(accountRoleForStaff({ position: 'STAFF', rankCode: ' 06.032 ' }, 'TEACHER')).toBe('ACCOUNTANT');
  });

  it('gives everyone else the default role', () => {
    expect(accountRoleForStaff({ position: 'TEACHER', rankCode: 'V.07.04.32' }, 'TEACHER')).toBe('TEACHER');
    expect(accountRoleForStaff({ position: 'STAFF', rankCode: null }, 'TEACHER')).toBe('TEACHER');
  });
});

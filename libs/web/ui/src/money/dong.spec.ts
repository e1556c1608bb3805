// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { formatDong, groupDong, parseDong } from './dong';

describe('money in whole đồng', () => {
  it('shows an amount with vi-VN grouping and the đồng sign', () => {
    expect(formatDong(25_000_000)).toBe('25.000.000 ₫');
    expect(formatDong(0)).toBe('0 ₫');
    expect(formatDong(null)).toBe('');
    expect(groupDong(1_250_000)).toBe('1.250.000');
    expect(groupDong(null)).toBe('');
  });

  it('reads an amount typed with dots, spaces or none, with or without the currency', () => {
    expect(parseDong('25.000.000')).toEqual({ ok: true, value: 25_000_000 });
    expect(parseDong('25 000 000 đ')).toEqual({ ok: true, value: 25_000_000 });
    expect(parseDong('25\u00a0000\u00a0000 ₫')).toEqual({ ok: true, value: 25_000_000 });
    expect(parseDong(' 9999999 ')).toEqual({ ok: true, value: 9_999_999 });
    expect(parseDong('0')).toEqual({ ok: true, value: 0 });
  });

  it('reads an empty field as no amount', () => {
    expect(parseDong('')).toEqual({ ok: true, value: null });
    expect(parseDong('  đ')).toEqual({ ok: true, value: null });
  });

  it('refuses a fraction of a đồng, a grouping not by thousands, a sign and letters', () => {
    expect(parseDong('1,5')).toEqual({ ok: false });
    expect(parseDong('12.500,50')).toEqual({ ok: false });
    expect(parseDong('2.50.000')).toEqual({ ok: false });
    expect(parseDong('-100')).toEqual({ ok: false });
    expect(parseDong('mười triệu')).toEqual({ ok: false });
  });

  it('refuses an amount beyond what JSON carries exactly', () => {
    expect(parseDong('9007199254740991')).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER });
    expect(parseDong('9007199254740993')).toEqual({ ok: false });
  });

  it('gives back what it shows', () => {
    for (const value of [0, 7, 1_000, 10_000_000, 123_456_789_012]) {
      expect(parseDong(formatDong(value))).toEqual({ ok: true, value });
    }
  });
});

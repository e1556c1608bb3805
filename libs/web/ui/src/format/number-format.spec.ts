import { formatEmisNumber } from './number-format';

describe('numbers shown to officials', () => {
  it('groups thousands with dots and writes decimals with a comma (vi-VN)', () => {
    expect(formatEmisNumber(1250000)).toBe('1.250.000');
    expect(formatEmisNumber(7.5)).toBe('7,5');
    expect(formatEmisNumber(0)).toBe('0');
    expect(formatEmisNumber(-1234.5)).toBe('-1.234,5');
  });

  it('keeps at most two decimals, rounded', () => {
    expect(formatEmisNumber(8.125)).toBe('8,13');
    expect(formatEmisNumber(1 / 3)).toBe('0,33');
  });

  it('shows nothing for a missing value or NaN', () => {
    expect(formatEmisNumber(null)).toBe('');
    expect(formatEmisNumber(undefined)).toBe('');
    expect(formatEmisNumber(Number.NaN)).toBe('');
  });
});

import { formatEmisDate } from './date-format';

describe('dates shown to officials', () => {
  it('shows a date as dd/MM/yyyy', () => {
    expect(formatEmisDate('2025-09-05')).toBe('05/09/2025');
  });

  it('shows a timestamp in Vietnam’s time zone, whatever the machine’s zone (UTC 17:30 is 00:30 the next day)', () => {
    expect(formatEmisDate('2025-12-31T17:30:00Z', 'datetime')).toBe('01/01/2026 00:30');
    expect(formatEmisDate('2025-12-31T17:30:00Z')).toBe('01/01/2026');
    expect(formatEmisDate(Date.UTC(2025, 0, 2, 1, 5), 'datetime')).toBe('02/01/2025 08:05');
    expect(formatEmisDate(new Date('2025-06-15T00:00:00+07:00'), 'datetime')).toBe('15/06/2025 00:00');
  });

  it('shows a time alone as HH:mm in Vietnam, whatever the browser’s zone', () => {
    expect(formatEmisDate('2026-12-05T02:05:00Z', 'time')).toBe('09:05');
  });

  it('shows nothing for an empty or unreadable value', () => {
    expect(formatEmisDate(null)).toBe('');
    expect(formatEmisDate(undefined)).toBe('');
    expect(formatEmisDate('')).toBe('');
    expect(formatEmisDate('not a date')).toBe('');
  });
});

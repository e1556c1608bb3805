import { ATTENDANCE_KEYS, statusForKey } from './attendance-keys';

describe('keys that mark attendance', () => {
  it('sets each status by its digit in the homeroom book’s order', () => {
    expect(['1', '2', '3', '4'].map(statusForKey)).toEqual(['PRESENT', 'EXCUSED', 'UNEXCUSED', 'LATE']);
  });

  it('sets each status by the first letter of its symbol, in either case (P, CP, KP, M)', () => {
    expect(['p', 'c', 'k', 'm'].map(statusForKey)).toEqual(['PRESENT', 'EXCUSED', 'UNEXCUSED', 'LATE']);
    expect(['P', 'C', 'K', 'M'].map(statusForKey)).toEqual(['PRESENT', 'EXCUSED', 'UNEXCUSED', 'LATE']);
  });

  it('ignores any other key', () => {
    expect(['0', '5', 'x', 'Enter', 'Tab', ''].map(statusForKey)).toEqual([null, null, null, null, null, null]);
  });

  it('gives every status one digit and one letter, none shared', () => {
    const keys = ATTENDANCE_KEYS.flatMap((k) => [k.digit, k.letter]);
    expect(new Set(keys).size).toBe(8);
    expect(new Set(ATTENDANCE_KEYS.map((k) => k.status)).size).toBe(4);
  });
});

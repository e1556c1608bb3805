import { AttendanceStatus } from '@emis/domain';

/**
 * The four statuses in the homeroom book's order with their short symbols (P có mặt, CP vắng có phép,
 * KP vắng không phép, M đi muộn) and the keys that set them: the digit, or the symbol's first letter.
 */
export const ATTENDANCE_KEYS: readonly { status: AttendanceStatus; digit: string; letter: string }[] = [
  { status: 'PRESENT', digit: '1', letter: 'p' },
  { status: 'EXCUSED', digit: '2', letter: 'c' },
  { status: 'UNEXCUSED', digit: '3', letter: 'k' },
  { status: 'LATE', digit: '4', letter: 'm' },
];

export function statusForKey(key: string): AttendanceStatus | null {
  const k = key.toLowerCase();
  return ATTENDANCE_KEYS.find((e) => e.digit === k || e.letter === k)?.status ?? null;
}

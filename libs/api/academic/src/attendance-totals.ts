import type { MonthlyAttendance } from '@emis/contracts';
import { ATTENDANCE_STATUSES, AttendanceStatus } from '@emis/domain';

export interface AttendanceMark {
  studentId: string;
  day: string;
  status: AttendanceStatus;
}

/**
 * A class's month: the days anyone recorded, and per student the status of each recorded day with totals by
 * status. Absences (EXCUSED + UNEXCUSED) feed the promotion rule of Circular 22/2021 Art. 12 (at most 45 sessions).
 */
export function monthlyAttendance(
  classId: string,
  month: string,
  students: { studentId: string; fullName: string }[],
  marks: AttendanceMark[],
): MonthlyAttendance {
  const days = [...new Set(marks.map((m) => m.day))].sort();
  const byStudent = new Map<string, Record<string, AttendanceStatus>>();
  for (const m of marks) byStudent.set(m.studentId, { ...byStudent.get(m.studentId), [m.day]: m.status });
  const rows = students.map((s) => {
    const byDay = byStudent.get(s.studentId) ?? {};
    const totals = Object.fromEntries(ATTENDANCE_STATUSES.map((st) => [st, 0])) as Record<AttendanceStatus, number>;
    for (const status of Object.values(byDay)) totals[status]++;
    return { studentId: s.studentId, fullName: s.fullName, byDay, totals };
  });
  return { classId, month, days, rows };
}

/** The first and last day of a month written yyyy-MM. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

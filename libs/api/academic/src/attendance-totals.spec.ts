import { monthBounds, monthlyAttendance } from './attendance-totals';

describe('monthly attendance', () => {
  const students = [
    { studentId: 'a', fullName: 'Lê Thị An' },
    { studentId: 'b', fullName: 'Bùi Văn Bình' },
  ];

  it('counts each recorded day once per student and status, and lists the days anyone recorded', () => {
    const month = monthlyAttendance('c', '2026-11', students, [
      { studentId: 'a', day: '2026-11-03', status: 'EXCUSED' },
      { studentId: 'a', day: '2026-11-02', status: 'PRESENT' },
      { studentId: 'a', day: '2026-11-04', status: 'EXCUSED' },
      { studentId: 'b', day: '2026-11-02', status: 'LATE' },
    ]);
    expect(month.days).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
    expect(month.rows[0]).toEqual({
      studentId: 'a',
      fullName: 'Lê Thị An',
      byDay: { '2026-11-02': 'PRESENT', '2026-11-03': 'EXCUSED', '2026-11-04': 'EXCUSED' },
      totals: { PRESENT: 1, EXCUSED: 2, UNEXCUSED: 0, LATE: 0 },
    });
    expect(month.rows[1].totals).toEqual({ PRESENT: 0, EXCUSED: 0, UNEXCUSED: 0, LATE: 1 });
  });

  it('shows a student with nothing recorded with zero totals', () => {
    expect(monthlyAttendance('c', '2026-11', students, []).rows[1]).toEqual({
      studentId: 'b',
      fullName: 'Bùi Văn Bình',
      byDay: {},
      totals: { PRESENT: 0, EXCUSED: 0, UNEXCUSED: 0, LATE: 0 },
    });
  });

  it('knows the last day of each month, leap Februaries included', () => {
    expect(monthBounds('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthBounds('2028-02').to).toBe('2028-02-29');
    expect(monthBounds('2026-11').to).toBe('2026-11-30');
  });
});

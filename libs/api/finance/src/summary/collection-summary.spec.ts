import { summarise } from './collection-summary';
import type { PupilPeriodSums } from './collection-summary.repository';

const sums = (s: Partial<PupilPeriodSums>): PupilPeriodSums => ({
  periodId: 'hk1',
  periodCode: 'HK1',
  periodName: 'Học kỳ I',
  periodStartsOn: '2025-09-01',
  periodEndsOn: '2026-01-15',
  classId: '6a',
  studentId: 'p1',
  listAmount: 0,
  reliefAmount: 0,
  supportAmount: 0,
  reimbursedAmount: 0,
  due: 0,
  adjusted: 0,
  paid: 0,
  ...s,
});

const classes = new Map([
  ['6a', { name: '6A', grade: '6' }],
  ['6b', { name: '6B', grade: '6' }],
  ['10a', { name: '10A', grade: '10' }],
]);

const data = [
  sums({ studentId: 'p1', listAmount: 1_500_000, reliefAmount: 1_500_000 }),
  sums({ studentId: 'p2', listAmount: 1_500_000, due: 1_500_000, paid: 1_000_000 }),
  sums({
    periodId: 'hk2',
    periodCode: 'HK2',
    periodName: 'Học kỳ II',
    periodStartsOn: '2026-01-20',
    studentId: 'p2',
    due: 800_000,
    adjusted: -100_000,
  }),
  sums({ classId: '6b', studentId: 'p3', due: 500_000, paid: 500_000 }),
  sums({ classId: '10a', studentId: 'p4', due: 900_000 }),
];

describe('the collection summary', () => {
  it('sums by class in grade order, counting a pupil once however many periods they were charged in', () => {
    const s = summarise('class', data, classes);
    expect(s.rows.map((r) => [r.label, r.pupils, r.due, r.adjusted, r.paid, r.outstanding])).toEqual([
      ['Lớp 6A', 2, 2_300_000, -100_000, 1_000_000, 1_200_000],
      ['Lớp 6B', 1, 500_000, 0, 500_000, 0],
      ['Lớp 10A', 1, 900_000, 0, 0, 900_000],
    ]);
    expect(s.total).toMatchObject({
      pupils: 4,
      listAmount: 3_000_000,
      reliefAmount: 1_500_000,
      outstanding: 2_100_000,
    });
  });

  it('sums by grade and by period to the same total', () => {
    const byGrade = summarise('grade', data, classes);
    const byPeriod = summarise('period', data, classes);
    expect(byGrade.rows.map((r) => [r.label, r.pupils, r.outstanding])).toEqual([
      ['Khối 6', 3, 1_200_000],
      ['Khối 10', 1, 900_000],
    ]);
    expect(byPeriod.rows.map((r) => [r.label, r.pupils, r.outstanding])).toEqual([
      ['HK1 — Học kỳ I', 4, 1_400_000],
      ['HK2 — Học kỳ II', 1, 700_000],
    ]);
    expect(byGrade.total).toEqual(byPeriod.total);
  });
});

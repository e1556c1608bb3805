import { ReportMeasures, ReportRow } from '@emis/contracts';
import { nextSort, sortRows } from './report-columns';

function row(name: string, pupils: number | null, attendanceRate: number | null, grade?: string): ReportRow {
  return {
    id: name,
    code: name,
    name,
    kind: grade ? 'CLASS' : 'SCHOOL',
    grade,
    measures: { pupils, attendanceRate, suppressed: pupils === null } as ReportMeasures,
  };
}

describe('sorting the rows of a report table', () => {
  const rows = [
    row('Trường B', 300, 95.5),
    row('Trường Ă', null, 99),
    row('Trường A', 300, null),
    row('Trường C', 120, 97),
  ];

  it('sorts by a figure, ties by name in Vietnamese order, withheld values last in both directions', () => {
    expect(sortRows(rows, { key: 'pupils', descending: true }).map((r) => r.name)).toEqual([
      'Trường A',
      'Trường B',
      'Trường C',
      'Trường Ă',
    ]);
    expect(sortRows(rows, { key: 'pupils', descending: false }).map((r) => r.name)).toEqual([
      'Trường C',
      'Trường A',
      'Trường B',
      'Trường Ă',
    ]);
    expect(sortRows(rows, { key: 'attendanceRate', descending: true }).map((r) => r.name)).toEqual([
      'Trường Ă',
      'Trường C',
      'Trường B',
      'Trường A',
    ]);
  });

  it('sorts names the Vietnamese way (Ă after A) and grades as numbers', () => {
    expect(sortRows(rows, { key: 'name', descending: false }).map((r) => r.name)).toEqual([
      'Trường A',
      'Trường Ă',
      'Trường B',
      'Trường C',
    ]);
    const classes = [row('10A', 40, 1, '10'), row('6A', 40, 1, '6'), row('9B', 40, 1, '9')];
    expect(sortRows(classes, { key: 'grade', descending: false }).map((r) => r.name)).toEqual(['6A', '9B', '10A']);
  });

  it('breaks ties between classes in natural order: 10A2 before 10A10', () => {
    const classes = [row('10A10', 40, 90, '10'), row('10A2', 40, 90, '10'), row('10A1', 40, 90, '10')];
    expect(sortRows(classes, { key: 'pupils', descending: true }).map((r) => r.name)).toEqual([
      '10A1',
      '10A2',
      '10A10',
    ]);
  });

  it('flips the direction on the same column and starts figures descending, names ascending', () => {
    expect(nextSort({ key: 'pupils', descending: true }, 'pupils')).toEqual({ key: 'pupils', descending: false });
    expect(nextSort({ key: 'name', descending: false }, 'staff')).toEqual({ key: 'staff', descending: true });
    expect(nextSort({ key: 'staff', descending: true }, 'name')).toEqual({ key: 'name', descending: false });
  });
});

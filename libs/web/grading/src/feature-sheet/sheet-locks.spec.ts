import { GradeRow, ProblemDetails } from '@emis/contracts';
import { gradebookColumns, GradingSubject } from '@emis/domain';
import { applyInput, GridRow, SheetContext, toGridRow } from './sheet-model';
import { applyColumnLocks, columnLock, lockedColumnsOf } from './sheet-locks';

const maths: GradingSubject = { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 140 };
const context: SheetContext = {
  scheme: 'C22',
  subject: maths,
  grade: '6',
  semester: 1,
  yearCode: '2024-2025',
  columns: gradebookColumns('C22', maths, '6', 1),
};

function rowOf(studentId: string, cells: GradeRow['cells']): GridRow {
  return toGridRow(context, {
    studentId,
    ordinal: 1,
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '2013-09-05',
    cells,
    comment: null,
    average: null,
    rating: null,
    version: 1,
    updatedAt: null,
    updatedByName: null,
  });
}

const problem = (extra: Record<string, unknown>): ProblemDetails => ({
  type: 'x',
  title: 'locked',
  status: 423,
  code: 'gradebook_column_locked',
  ...extra,
});

describe('lockedColumnsOf', () => {
  it('reads the columns a 423 gradebook_column_locked names, and nothing from a whole-sheet lock or another answer', () => {
    const columns = [{ key: 'TX2', reason: 'Đã nộp' }];
    expect(lockedColumnsOf(problem({ lockedColumns: columns }))).toEqual(columns);
    expect(lockedColumnsOf(problem({ code: 'gradebook_locked', lockedColumns: columns }))).toBeUndefined();
    expect(lockedColumnsOf(problem({}))).toBeUndefined();
    expect(lockedColumnsOf(problem({ status: 409, lockedColumns: columns }))).toBeUndefined();
  });
});

describe('applyColumnLocks', () => {
  it('puts the locked column’s pasted cells back to the saved values and sends the other cells again', () => {
    const an = rowOf('an', { TX1: 8, TX2: 7, TX3: 9, TX4: 8, GK: 7, CK: 8 });
    const binh = rowOf('binh', {});
    for (const [row, key, text] of [
      [an, 'TX1', '9'],
      [an, 'TX2', '10'],
      [binh, 'TX2', '6'],
      [binh, 'TX3', '5,5'],
    ] as const)
      expect(applyInput(context, row, key, text).changed).toBe(true);
    const sent = new Map([
      ['an', ['TX1', 'TX2']],
      ['binh', ['TX2', 'TX3']],
    ]);
    const outcome = applyColumnLocks(
      context,
      new Map([
        ['an', an],
        ['binh', binh],
      ]),
      sent,
      new Set(['TX2']),
    );
    expect(outcome).toEqual({
      reverted: 2,
      revertedKeys: ['TX2'],
      resend: [
        ['an', 'TX1'],
        ['binh', 'TX3'],
      ],
    });
    expect(an.values).toMatchObject({ TX1: 9, TX2: 7 });
    expect(binh.values).toMatchObject({ TX2: null, TX3: 5.5 });
    // The average follows the reverted value: (9 + 7 + 9 + 8 + 2·7 + 3·8) / 9 = 71 / 9 = 7,88… → 7,9.
    expect(an.result.average).toBe(7.9);
  });
});

describe('the lock both views show on a column (the grid and the phone)', () => {
  const loaded = [{ key: 'GK', reason: 'Đã chấm xong giữa kì' }];
  const later = [
    { key: 'TX2', reason: 'Khoá sau khi mở sổ' },
    { key: 'GK', reason: null },
  ];

  it('is the lock the sheet was loaded with, else one a 423 named since; an open column has none', () => {
    expect(columnLock(loaded, later, 'GK')).toEqual({ key: 'GK', reason: 'Đã chấm xong giữa kì' });
    expect(columnLock(loaded, later, 'TX2')).toEqual({ key: 'TX2', reason: 'Khoá sau khi mở sổ' });
    expect(columnLock(undefined, later, 'TX2')?.reason).toBe('Khoá sau khi mở sổ');
    expect(columnLock(loaded, [], 'TX1')).toBeUndefined();
  });
});

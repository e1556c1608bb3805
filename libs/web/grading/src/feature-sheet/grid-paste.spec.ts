import { GradeRow } from '@emis/contracts';
import { gradebookColumns, GradingSubject } from '@emis/domain';
import { GridApi, IRowNode } from 'ag-grid-community';
import { pasteBlock } from './grid-paste';
import { applyInput, COMMENT_KEY, GridRow, SheetContext, toGridRow } from './sheet-model';

const maths: GradingSubject = { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 140 };
const context: SheetContext = {
  scheme: 'C22',
  subject: maths,
  grade: '6',
  semester: 1,
  yearCode: '2024-2025',
  columns: gradebookColumns('C22', maths, '6', 1),
};
/** The columns the grid displays, in order (see gridColumns): the pinned student, TX1–TX4, GK, CK, the result, the comment. */
const DISPLAYED = ['ordinal', 'fullName', 'dateOfBirth', 'TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK', 'result', COMMENT_KEY];

function rowOf(n: number): GridRow {
  const row: GradeRow = {
    studentId: `s${n}`,
    ordinal: n,
    fullName: `Học sinh ${n}`,
    dateOfBirth: '2013-09-05',
    cells: {},
    comment: null,
    average: null,
    rating: null,
    version: 1,
    updatedAt: null,
    updatedByName: null,
  };
  return toGridRow(context, row);
}

/**
 * The three calls pasteBlock makes on AG Grid's API, answered from a list of rows and the displayed columns — AG
 * Grid itself needs a DOM to run.
 */
function gridOf(rows: GridRow[], focus: { rowIndex: number; colId: string } | null): GridApi<GridRow> {
  const columns = DISPLAYED.map((id) => ({ getColId: () => id }));
  const nodes = rows.map((data) => ({ data }) as IRowNode<GridRow>);
  return {
    getFocusedCell: () => (focus ? { rowIndex: focus.rowIndex, column: { getColId: () => focus.colId } } : null),
    getAllDisplayedColumns: () => columns,
    getDisplayedRowAtIndex: (index: number) => nodes[index],
  } as unknown as GridApi<GridRow>;
}

const accepts = (key: string) => key === COMMENT_KEY || context.columns.some((c) => c.key === key);
const apply = (row: GridRow, key: string, raw: string) => {
  applyInput(context, row, key, raw);
  return !(key in row.errors);
};

describe('pasting a block copied from Excel', () => {
  it('fills right and down from the focused cell, reading decimal commas', () => {
    const rows = [rowOf(1), rowOf(2), rowOf(3)];
    const outcome = pasteBlock(gridOf(rows, { rowIndex: 1, colId: 'TX2' }), '7,5\t8\r\n6\t9,0\r\n', accepts, apply);
    expect(outcome).toMatchObject({ rows: 2, cols: 2, cells: 4, invalid: 0 });
    expect(outcome?.nodes.map((n) => n.data?.studentId)).toEqual(['s2', 's3']);
    expect(rows[0].values).toEqual({});
    expect(rows[1].values).toEqual({ TX2: 7.5, TX3: 8 });
    expect(rows[2].values).toEqual({ TX2: 6, TX3: 9 });
  });

  it('counts invalid values, keeps their text in the cell and still applies the valid ones', () => {
    const rows = [rowOf(1), rowOf(2)];
    const outcome = pasteBlock(gridOf(rows, { rowIndex: 0, colId: 'GK' }), '11\t8\nvắng\t7,25\n', accepts, apply);
    expect(outcome).toMatchObject({ cells: 4, invalid: 3 });
    expect(rows[0].errors).toEqual({ GK: 'outOfRange' });
    expect(rows[0].values['CK']).toBe(8);
    expect(rows[1].invalidText).toEqual({ GK: 'vắng', CK: '7,25' });
    expect(rows[1].errors).toEqual({ GK: 'notANumber', CK: 'tooManyDecimals' });
  });

  it('trims spaces around pasted values', () => {
    const rows = [rowOf(1)];
    pasteBlock(gridOf(rows, { rowIndex: 0, colId: 'TX1' }), ' 8 \t 7,5', accepts, apply);
    expect(rows[0].values).toEqual({ TX1: 8, TX2: 7.5 });
  });

  it('skips the computed result column in a block wider than the scores, and lands the next value in the comment', () => {
    const rows = [rowOf(1)];
    const outcome = pasteBlock(
      gridOf(rows, { rowIndex: 0, colId: 'GK' }),
      '7\t8\t9,9\tChăm chỉ\tthừa\tthừa',
      accepts,
      apply,
    );
    expect(outcome).toMatchObject({ rows: 1, cols: 6, cells: 3, invalid: 0 });
    expect(rows[0].values).toEqual({ GK: 7, CK: 8 });
    expect(rows[0].values).not.toHaveProperty('result');
    expect(rows[0].comment).toBe('Chăm chỉ');
  });

  it('skips the student’s own columns when the focus is on the name', () => {
    const rows = [rowOf(1)];
    const outcome = pasteBlock(gridOf(rows, { rowIndex: 0, colId: 'fullName' }), 'Tên\t2013\t8', accepts, apply);
    expect(outcome).toMatchObject({ cells: 1 });
    expect(rows[0].fullName).toBe('Học sinh 1');
    expect(rows[0].values).toEqual({ TX1: 8 });
  });

  it('drops the rows that fall past the last student', () => {
    const rows = [rowOf(1), rowOf(2)];
    const outcome = pasteBlock(gridOf(rows, { rowIndex: 1, colId: 'TX1' }), '5\n6\n7\n', accepts, apply);
    expect(outcome).toMatchObject({ rows: 3, cells: 1 });
    expect(outcome?.nodes.map((n) => n.data?.studentId)).toEqual(['s2']);
    expect(rows[1].values).toEqual({ TX1: 5 });
  });

  it('does nothing without a focused cell', () => {
    expect(pasteBlock(gridOf([rowOf(1)], null), '8', accepts, apply)).toBeNull();
  });

  it('does nothing when the focused column is not displayed', () => {
    expect(pasteBlock(gridOf([rowOf(1)], { rowIndex: 0, colId: 'hidden' }), '8', accepts, apply)).toBeNull();
  });
});

// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { HttpErrorResponse } from '@angular/common/http';
import { GradeRow, GradeSaveResult, GradeSheetSave } from '@emis/contracts';
import { gradebookColumns, GradingSubject } from '@emis/domain';
import { Subject } from 'rxjs';
import { AUTOSAVE_DELAY_MS } from './sheet-autosave';
import { GridRow, SheetContext, toGridRow } from './sheet-model';
import { SheetSession } from './sheet-session';

const maths: GradingSubject = { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 140 };
const context: SheetContext = {
  scheme: 'C22',
  subject: maths,
  grade: '6',
  semester: 1,
  yearCode: '2024-2025',
  columns: gradebookColumns('C22', maths, '6', 1),
};

function gradeRow(cells: GradeRow['cells'], version: number, updatedByName: string | null = null): GradeRow {
  return {
    studentId: 'a',
    ordinal: 1,
    fullName: 'Nguyễn An',
    dateOfBirth: '2013-09-05',
    cells,
    comment: null,
    average: null,
    rating: null,
    version,
    updatedAt: null,
    updatedByName,
  };
}

function harness() {
  const rows = new Map<string, GridRow>([['a', toGridRow(context, gradeRow({ TX1: 8 }, 1))]]);
  const requests: { body: GradeSheetSave; reply: Subject<GradeSaveResult> }[] = [];
  const repainted: string[][] = [];
  const locked: string[][] = [];
  const session = new SheetSession({
    context: () => context,
    rows: () => rows,
    send: (body) => {
      const reply = new Subject<GradeSaveResult>();
      requests.push({ body, reply });
      return reply;
    },
    repaint: (ids) => repainted.push(ids),
    lockedMeanwhile: () => undefined,
    columnsLocked: (columns) => locked.push(columns.map((c) => c.key)),
    translate: (key) => key,
  });
  return { rows, requests, repainted, locked, session };
}

describe('SheetSession (the phone sheet’s typing, autosave and conflicts)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('saves a valid value after the quiet spell and takes the server’s version; never sends an invalid one', () => {
    const { rows, requests, session } = harness();
    const row = rows.get('a')!;
    expect(session.input(row, 'TX2', '11')).toBe(false);
    expect(session.message()).toBe('grading.sheet.invalidCell');
    expect(session.input(row, 'TX2', '7,5')).toBe(true);
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(requests).toHaveLength(1);
    expect(requests[0].body.rows).toEqual([{ studentId: 'a', version: 1, cells: { TX2: 7.5 } }]);
    requests[0].reply.next({
      rows: [gradeRow({ TX1: 8, TX2: 7.5 }, 2)],
      savedAt: '2026-12-06T00:00:00Z',
    } as GradeSaveResult);
    expect(row.version).toBe(2);
    expect(session.autosave.status()).toBe('saved');
  });

  it('lists a real conflict for the teacher to decide, and re-sends on the new version when they keep theirs', () => {
    const { rows, requests, session } = harness();
    const row = rows.get('a')!;
    session.input(row, 'TX1', '9');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    const conflict = new HttpErrorResponse({
      status: 409,
      error: {
        status: 409,
        code: 'grade_conflict',
        title: 'Conflict',
        conflicts: [{ studentId: 'a', version: 3, cells: { TX1: 6 }, comment: null, updatedByName: 'Cô Lan' }],
      },
    });
    requests[0].reply.error(conflict);
    expect(session.autosave.status()).toBe('conflict');
    expect(session.conflicts()).toHaveLength(1);
    expect(session.conflicts()[0]).toMatchObject({ key: 'TX1', mine: 9, theirs: 6 });
    session.keepMine(session.conflicts()[0]);
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(requests[1].body.rows).toEqual([{ studentId: 'a', version: 3, cells: { TX1: 9 } }]);
  });

  it('a 423 naming a column locked meanwhile: that column goes back to its saved value, the other cell is sent again', () => {
    const { rows, requests, locked, session } = harness();
    const row = rows.get('a')!;
    session.input(row, 'TX1', '9');
    session.input(row, 'TX2', '7');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    requests[0].reply.error(
      new HttpErrorResponse({
        status: 423,
        error: {
          status: 423,
          code: 'gradebook_column_locked',
          title: 'Locked',
          lockedColumns: [{ key: 'TX1', reason: 'Đã chốt' }],
        },
      }),
    );
    expect(locked).toEqual([['TX1']]);
    expect(row.values).toMatchObject({ TX1: 8, TX2: 7 });
    expect(session.message()).toBe('grading.grid.columnsLockedMeanwhile');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(requests[1].body.rows).toEqual([{ studentId: 'a', version: 1, cells: { TX2: 7 } }]);
  });
});

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

interface HarnessOptions {
  /** An editor the view keeps open, as the grid's: open while `text` is set, committed through the session. */
  editor?: boolean;
}

function harness(options: HarnessOptions = {}) {
  const rows = new Map<string, GridRow>([
    ['a', toGridRow(context, gradeRow({ TX1: 8 }, 1))],
    ['b', toGridRow(context, { ...gradeRow({}, 4), studentId: 'b', ordinal: 2, fullName: 'Lê Bình' })],
  ]);
  const requests: { body: GradeSheetSave; reply: Subject<GradeSaveResult> }[] = [];
  const repainted: string[][] = [];
  const translated: { key: string; params?: Record<string, unknown> }[] = [];
  let lockedMeanwhile = 0;
  const columnsLocked: string[][] = [];
  const editor = { text: null as string | null, row: 'a', key: 'TX3' };
  const session: SheetSession = new SheetSession({
    context: () => context,
    rows: () => rows,
    send: (body) => {
      const reply = new Subject<GradeSaveResult>();
      requests.push({ body, reply });
      return reply;
    },
    repaint: (ids) => repainted.push(ids),
    lockedMeanwhile: () => (lockedMeanwhile += 1),
    columnsLocked: (columns) => columnsLocked.push(columns.map((c) => c.key)),
    translate: (key, params) => {
      translated.push({ key, params });
      return key;
    },
    editor: options.editor
      ? {
          open: () => editor.text !== null,
          commit: () => {
            if (editor.text === null) return;
            session.edit(rows.get(editor.row)!, editor.key, editor.text);
            editor.text = null;
          },
        }
      : undefined,
  });
  return { rows, requests, repainted, translated, session, editor, columnsLocked, locked: () => lockedMeanwhile };
}

/** The server's answer to a save: each row at the version given, with the cells it now holds. */
function answer(request: { reply: Subject<GradeSaveResult> }, ...saved: GradeRow[]): void {
  request.reply.next({ rows: saved, savedAt: '2026-12-06T00:00:00Z' } as GradeSaveResult);
  request.reply.complete();
}

function refuse(request: { reply: Subject<GradeSaveResult> }, status: number, error: object): void {
  request.reply.error(new HttpErrorResponse({ status, error: { status, title: 'Refused', ...error } }));
}

describe('SheetSession (both views’ typing, autosave and conflicts)', () => {
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

  it('counts invalid cells for the save status and the leave guard, and forgets one once it is corrected', () => {
    const { rows, session } = harness();
    const [a, b] = [rows.get('a')!, rows.get('b')!];
    expect(session.invalidCells()).toBe(0);
    session.edit(a, 'TX2', '11');
    session.edit(b, 'TX2', 'abc');
    expect(session.invalidCells()).toBe(2);
    expect(session.pendingChanges()).toEqual({ saving: 0, invalid: 2, dirty: false });
    session.edit(b, 'TX2', '6');
    expect(session.invalidCells()).toBe(1);
    expect(session.pendingChanges()).toEqual({ saving: 1, invalid: 1, dirty: false });
  });

  it('the grid’s edit keeps the message line (a paste report stays); the phone’s input clears it on a valid change', () => {
    const { rows, session } = harness();
    const row = rows.get('a')!;
    session.tell('Đã dán 6 ô', 'info');
    session.edit(row, 'TX2', '7');
    expect(session.message()).toBe('Đã dán 6 ô');
    session.input(row, 'TX3', '6');
    expect(session.message()).toBe('');
    session.input(row, 'TX3', '12');
    expect(session.messageTone()).toBe('error');
    session.edit(row, 'TX3', '6');
    expect(session.message()).toBe('grading.sheet.invalidCell');
  });

  it('a paste is one undo step: undo takes every cell back and saves it, redo brings the block again', () => {
    const { rows, requests, session, translated } = harness();
    const [a, b] = [rows.get('a')!, rows.get('b')!];
    const invalid = session.writeAll([
      { row: a, key: 'TX2', raw: '5' },
      { row: a, key: 'TX3', raw: '6,5' },
      { row: b, key: 'TX2', raw: '11' },
    ]);
    expect(invalid).toBe(1);
    expect(session.invalidCells()).toBe(1);
    expect(session.isPending(a, 'TX2')).toBe(true);
    expect(session.isPending(b, 'TX2')).toBe(false);

    const undone = session.replay('undo');
    expect(undone?.map((c) => [c.studentId, c.key, c.after])).toEqual([
      ['b', 'TX2', ''],
      ['a', 'TX3', ''],
      ['a', 'TX2', ''],
    ]);
    expect(a.values['TX2']).toBeNull();
    expect(b.errors).toEqual({});
    expect(session.invalidCells()).toBe(0);
    expect(translated.at(-1)).toEqual({ key: 'grading.grid.undoDone', params: { cells: 3 } });
    // Nothing was sent yet: the quiet spell restarted with every change, and what goes is the state after the undo
    // (the red cell emptied counts as a change: it leaves the invalid list).
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(requests).toHaveLength(1);
    expect(requests[0].body.rows).toEqual([
      { studentId: 'a', version: 1, cells: { TX2: null, TX3: null } },
      { studentId: 'b', version: 4, cells: { TX2: null } },
    ]);

    session.replay('redo');
    expect(a.values['TX3']).toBe(6.5);
    expect(b.invalidText['TX2']).toBe('11');
    expect(session.invalidCells()).toBe(1);
    expect(session.replay('redo')).toBeNull();
    expect(translated.at(-1)?.key).toBe('grading.grid.nothingTo.redo');
  });

  it('typed cells are undone one by one, and an undo after a save is saved again on the new version', () => {
    const { rows, requests, session } = harness();
    const row = rows.get('a')!;
    session.edit(row, 'TX2', '7');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    answer(requests[0], gradeRow({ TX1: 8, TX2: 7 }, 2));
    session.edit(row, 'TX3', '9');
    session.replay('undo');
    session.replay('undo');
    expect(row.values).toMatchObject({ TX2: null, TX3: null });
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(requests[1].body.rows).toEqual([{ studentId: 'a', version: 2, cells: { TX2: null, TX3: null } }]);
    expect(session.replay('undo')).toBeNull();
  });

  it('the leave guard counts an open editor, and flush commits it before it sends and awaits the save', async () => {
    const { rows, requests, session, editor } = harness({ editor: true });
    editor.text = '8,5';
    expect(session.pendingChanges()).toEqual({ saving: 1, invalid: 0, dirty: false });
    const flushed = session.flush();
    expect(editor.text).toBeNull();
    expect(requests).toHaveLength(1);
    expect(requests[0].body.rows).toEqual([{ studentId: 'a', version: 1, cells: { TX3: 8.5 } }]);
    expect(session.pendingChanges().saving).toBe(1);
    answer(requests[0], gradeRow({ TX1: 8, TX3: 8.5 }, 2));
    await expect(flushed).resolves.toBe(true);
    expect(rows.get('a')!.version).toBe(2);
    expect(session.pendingChanges()).toEqual({ saving: 0, invalid: 0, dirty: false });
  });

  it('resolves every conflict at once with "keep all mine", shows the other person’s time in Vietnam time', () => {
    const { rows, requests, session, translated, repainted } = harness();
    const [a, b] = [rows.get('a')!, rows.get('b')!];
    session.edit(a, 'TX1', '9');
    session.edit(b, 'TX2', '5');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    refuse(requests[0], 409, {
      code: 'grade_conflict',
      conflicts: [
        {
          studentId: 'a',
          version: 3,
          cells: { TX1: 6 },
          comment: null,
          updatedByName: 'Cô Lan',
          updatedAt: '2026-12-06T01:30:00Z',
        },
        { studentId: 'b', version: 7, cells: { TX2: 4 }, comment: null, updatedByName: null, updatedAt: null },
      ],
    });
    expect(session.conflicts()).toHaveLength(2);
    expect(session.pendingChanges().dirty).toBe(true);
    expect(repainted.at(-1)).toEqual(['a', 'b']);
    session.conflictText(session.conflicts()[0]);
    // 01:30 UTC is 08:30 in Hà Nội, whatever the zone of the machine running the test.
    expect(translated.at(-1)?.params).toMatchObject({
      name: 'Nguyễn An',
      mine: '9',
      theirs: '6',
      by: 'Cô Lan',
      at: '08:30',
    });
    session.resolveAll(true);
    expect(session.conflicts()).toEqual([]);
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(requests[1].body.rows).toEqual([
      { studentId: 'a', version: 3, cells: { TX1: 9 } },
      { studentId: 'b', version: 7, cells: { TX2: 5 } },
    ]);
  });

  it('"use theirs" puts the other person’s value back and leaves nothing to save', () => {
    const { rows, requests, session } = harness();
    const row = rows.get('a')!;
    session.edit(row, 'TX1', '9');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    refuse(requests[0], 409, {
      code: 'grade_conflict',
      conflicts: [{ studentId: 'a', version: 3, cells: { TX1: 6 }, comment: null, updatedByName: null }],
    });
    session.useTheirs(session.conflicts()[0]);
    expect(row.values['TX1']).toBe(6);
    expect(session.status()).toBe('saved');
    expect(session.pendingChanges()).toEqual({ saving: 0, invalid: 0, dirty: false });
  });

  it('a 400 field error marks the cell red like a typing error; a 423 tells the page the sheet was locked', () => {
    const { rows, requests, session, locked } = harness();
    const row = rows.get('a')!;
    session.edit(row, 'TX2', '7');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    refuse(requests[0], 400, { errors: [{ field: 'rows.0.cells.TX2', message: 'Điểm không hợp lệ' }] });
    expect(row.errors['TX2']).toBe('Điểm không hợp lệ');
    expect(session.errorText(row, 'TX2')).toBe('Điểm không hợp lệ');
    expect(session.invalidCells()).toBe(1);
    expect(session.status()).toBe('error');

    session.edit(row, 'TX3', '6');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    refuse(requests[1], 423, { code: 'gradebook_locked' });
    expect(locked()).toBe(1);
    expect(session.messageTone()).toBe('error');
  });

  it('"Thử lại" re-sends a request lost to the network with the same requestId', () => {
    const { rows, requests, session } = harness();
    session.edit(rows.get('a')!, 'TX2', '7');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    requests[0].reply.error(new HttpErrorResponse({ status: 0 }));
    expect(session.status()).toBe('error');
    session.retry();
    expect(requests).toHaveLength(2);
    expect(requests[1].body.requestId).toBe(requests[0].body.requestId);
  });

  it('a 423 naming a column locked meanwhile: that column goes back to its saved value, the other cell is sent again', () => {
    const { rows, requests, columnsLocked, session } = harness();
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
    expect(columnsLocked).toEqual([['TX1']]);
    expect(row.values).toMatchObject({ TX1: 8, TX2: 7 });
    expect(session.message()).toBe('grading.grid.columnsLockedMeanwhile');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(requests[1].body.rows).toEqual([{ studentId: 'a', version: 1, cells: { TX2: 7 } }]);
  });
});

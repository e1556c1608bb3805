// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { HttpErrorResponse } from '@angular/common/http';
import { GradeRow, GradeSaveResult, GradeSheetSave, ProblemDetails } from '@emis/contracts';
import { gradebookColumns, GradingSubject } from '@emis/domain';
import { Subject } from 'rxjs';
import { AUTOSAVE_DELAY_MS, SaveBatch, SaveStatus, SheetAutosave } from './sheet-autosave';
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

function gradeRow(studentId: string, version: number): GradeRow {
  return {
    studentId,
    ordinal: 1,
    fullName: studentId,
    dateOfBirth: '2013-09-05',
    cells: { TX1: 8 },
    comment: null,
    average: null,
    rating: null,
    version,
    updatedAt: null,
    updatedByName: null,
  };
}

/** The page's side, as the grade grid wires it: real rows, a request per PUT that the test answers. */
class Harness {
  readonly rows = new Map<string, GridRow>([
    ['a', toGridRow(context, gradeRow('a', 1))],
    ['b', toGridRow(context, gradeRow('b', 5))],
  ]);
  readonly requests: { body: GradeSheetSave; reply: Subject<GradeSaveResult> }[] = [];
  readonly saved: { result: GradeSaveResult; batch: SaveBatch }[] = [];
  readonly refused: { problem: ProblemDetails; batch: SaveBatch }[] = [];
  refusedStatus: SaveStatus = 'error';
  readonly autosave = new SheetAutosave({
    send: (body) => {
      const reply = new Subject<GradeSaveResult>();
      this.requests.push({ body, reply });
      return reply;
    },
    row: (studentId) => this.rows.get(studentId),
    saved: (result, batch) => this.saved.push({ result, batch }),
    refused: (problem, batch) => {
      this.refused.push({ problem, batch });
      return this.refusedStatus;
    },
  });

  type(studentId: string, key: string, raw: string): void {
    const row = this.rows.get(studentId)!;
    if (applyInput(context, row, key, raw).changed) this.autosave.markDirty(studentId, key);
  }

  last(): { body: GradeSheetSave; reply: Subject<GradeSaveResult> } {
    return this.requests[this.requests.length - 1];
  }

  succeed(): void {
    const { reply } = this.last();
    reply.next({ savedAt: '2025-01-10T02:00:00Z', rows: [] });
    reply.complete();
  }

  fail(status: number, body: unknown = null): void {
    this.last().reply.error(new HttpErrorResponse({ status, statusText: status ? 'Error' : '', error: body }));
  }
}

describe('autosave of a grade sheet', () => {
  let h: Harness;
  beforeEach(() => {
    jest.useFakeTimers();
    h = new Harness();
  });
  afterEach(() => {
    h.autosave.destroy();
    jest.useRealTimers();
  });

  describe('debounce', () => {
    it('waits for a quiet spell of 800 ms after the last change, then sends every changed cell in one request', () => {
      h.type('a', 'TX1', '7,5');
      expect(h.autosave.status()).toBe('pending');
      jest.advanceTimersByTime(500);
      h.type('a', 'GK', '9');
      h.type('b', COMMENT_KEY, '  Chăm chỉ  ');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
      expect(h.requests).toHaveLength(0);
      jest.advanceTimersByTime(1);
      expect(h.requests).toHaveLength(1);
      expect(h.last().body.rows).toEqual([
        { studentId: 'a', version: 1, cells: { TX1: 7.5, GK: 9 } },
        { studentId: 'b', version: 5, cells: {}, comment: 'Chăm chỉ' },
      ]);
      expect(h.last().body.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(h.autosave.status()).toBe('saving');
    });

    it('sends a cleared comment as null and a cleared cell as null', () => {
      h.rows.get('a')!.comment = 'Cũ';
      h.type('a', COMMENT_KEY, '   ');
      h.type('a', 'TX1', '');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(h.last().body.rows).toEqual([{ studentId: 'a', version: 1, cells: { TX1: null }, comment: null }]);
    });

    it('never sends a cell holding invalid text or a conflict', () => {
      h.type('a', 'TX1', '7');
      h.type('a', 'GK', '9');
      applyInput(context, h.rows.get('a')!, 'TX1', '11');
      h.rows.get('a')!.conflicts['GK'] = true;
      h.type('b', 'CK', '6');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(h.last().body.rows).toEqual([{ studentId: 'b', version: 5, cells: { CK: 6 } }]);
    });

    it('goes back to idle when nothing sendable is left', () => {
      h.type('a', 'TX1', '7');
      applyInput(context, h.rows.get('a')!, 'TX1', 'x');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(h.requests).toHaveLength(0);
      expect(h.autosave.status()).toBe('idle');
      expect(h.autosave.hasUnsaved()).toBe(false);
    });

    it('sends at once on flush, without waiting for the quiet spell', () => {
      h.type('a', 'TX1', '7');
      h.autosave.flush();
      expect(h.requests).toHaveLength(1);
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(h.requests).toHaveLength(1);
    });
  });

  describe('one request at a time', () => {
    it('holds changes made while a request is out and sends them after it, in a new request', () => {
      h.type('a', 'TX1', '7');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      h.type('b', 'TX1', '6');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3);
      expect(h.requests).toHaveLength(1);
      expect(h.autosave.status()).toBe('saving');
      expect(h.autosave.pendingKeys('b')).toEqual(new Set(['TX1']));

      h.succeed();
      expect(h.saved).toHaveLength(1);
      expect(h.saved[0].batch.keys).toEqual(new Map([['a', ['TX1']]]));
      expect(h.autosave.status()).toBe('pending');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(h.requests).toHaveLength(2);
      expect(h.last().body.rows).toEqual([{ studentId: 'b', version: 5, cells: { TX1: 6 } }]);
      expect(h.last().body.requestId).not.toBe(h.requests[0].body.requestId);
      h.succeed();
      expect(h.autosave.status()).toBe('saved');
      expect(h.autosave.hasUnsaved()).toBe(false);
    });
  });

  describe('failures that re-sending can fix', () => {
    it('retries a dropped network by itself after 5, 10 and 20 s with the same request id, then waits for "Thử lại"', () => {
      h.type('a', 'TX1', '7');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      const first = h.last().body;
      h.fail(0);
      expect(h.autosave.status()).toBe('error');
      expect(h.autosave.lastProblem()?.code).toBe('network_error');
      expect(h.autosave.hasUnsaved()).toBe(true);
      expect(h.autosave.pendingKeys('a')).toEqual(new Set(['TX1']));

      for (const delay of [5_000, 10_000, 20_000]) {
        const before = h.requests.length;
        jest.advanceTimersByTime(delay - 1);
        expect(h.requests).toHaveLength(before);
        jest.advanceTimersByTime(1);
        expect(h.requests).toHaveLength(before + 1);
        expect(h.last().body).toBe(first);
        h.fail(0);
      }
      jest.advanceTimersByTime(60_000);
      expect(h.requests).toHaveLength(4);

      h.autosave.flush();
      expect(h.requests).toHaveLength(5);
      expect(h.last().body).toBe(first);
      h.succeed();
      expect(h.autosave.status()).toBe('saved');
      expect(h.autosave.lastProblem()).toBeNull();
    });

    it('retries a 503 by itself, but leaves a 500 to the teacher, who re-sends the same request id', () => {
      h.type('a', 'TX1', '7');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      const first = h.last().body;
      h.fail(503);
      jest.advanceTimersByTime(5_000);
      expect(h.requests).toHaveLength(2);
      h.fail(500);
      jest.advanceTimersByTime(60_000);
      expect(h.requests).toHaveLength(2);
      expect(h.autosave.status()).toBe('error');
      h.autosave.flush();
      expect(h.last().body).toBe(first);
    });

    it('sends the failed request first, unchanged, when the teacher types on, and the new change after it', () => {
      h.type('a', 'TX1', '7');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      const first = h.last().body;
      h.fail(0);
      h.type('a', 'GK', '9');
      expect(h.autosave.status()).toBe('pending');
      expect(h.autosave.pendingKeys('a')).toEqual(new Set(['TX1', 'GK']));
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(h.last().body).toBe(first);
      h.succeed();
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      expect(h.requests).toHaveLength(3);
      expect(h.last().body.rows).toEqual([{ studentId: 'a', version: 1, cells: { GK: 9 } }]);
      expect(h.last().body.requestId).not.toBe(first.requestId);
    });

    it('starts the automatic retries over after a success', () => {
      h.type('a', 'TX1', '7');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      h.fail(0);
      jest.advanceTimersByTime(5_000);
      h.succeed();
      h.type('a', 'TX1', '6');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      h.fail(0);
      jest.advanceTimersByTime(5_000);
      expect(h.requests).toHaveLength(4);
    });
  });

  describe('refusals that re-sending cannot fix', () => {
    it('hands a 409 conflict to the page with the problem and the batch, shows the page’s status and drops the batch', () => {
      h.refusedStatus = 'conflict';
      h.type('a', 'TX1', '7');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      const problem: ProblemDetails = { type: 'about:blank', title: 'Conflict', status: 409, code: 'grade_conflict' };
      h.fail(409, problem);
      expect(h.refused).toEqual([{ problem, batch: { body: h.requests[0].body, keys: new Map([['a', ['TX1']]]) } }]);
      expect(h.autosave.status()).toBe('conflict');
      expect(h.autosave.lastProblem()).toEqual(problem);
      expect(h.autosave.hasUnsaved()).toBe(false);
      jest.advanceTimersByTime(60_000);
      expect(h.requests).toHaveLength(1);
    });

    it('shows "saved" once the teacher resolved every conflict and nothing else waits', () => {
      h.refusedStatus = 'conflict';
      h.type('a', 'TX1', '7');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      h.fail(409, { type: 'about:blank', title: 'Conflict', status: 409 });
      h.type('b', 'TX1', '6');
      h.autosave.settle('saved');
      expect(h.autosave.status()).toBe('pending');
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
      h.succeed();
      h.autosave.settle('saved');
      expect(h.autosave.status()).toBe('saved');
    });
  });

  it('sends nothing after the page is destroyed', () => {
    h.type('a', 'TX1', '7');
    h.autosave.destroy();
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    expect(h.requests).toHaveLength(0);
  });
  describe('flushing before the page is left', () => {
    /** Lets the promise chain of flushAll run between the test's replies. */
    const settle = () => Promise.resolve().then(() => undefined);

    it('sends the waiting cells at once and answers true once the server saved them', async () => {
      h.type('a', 'TX1', '9');
      expect(h.autosave.unsavedCount()).toBe(1);
      const flushed = h.autosave.flushAll();
      expect(h.requests).toHaveLength(1);
      expect(h.last().body.rows).toEqual([{ studentId: 'a', version: 1, cells: { TX1: 9 } }]);
      h.succeed();
      await expect(flushed).resolves.toBe(true);
      expect(h.autosave.unsavedCount()).toBe(0);
      expect(h.autosave.status()).toBe('saved');
    });

    it('waits for a request already on its way, then sends what changed meanwhile', async () => {
      h.type('a', 'TX1', '9');
      h.autosave.flush();
      h.type('b', 'GK', '6');
      expect(h.autosave.unsavedCount()).toBe(2);
      const flushed = h.autosave.flushAll();
      h.succeed();
      await settle();
      await settle();
      expect(h.requests).toHaveLength(2);
      expect(h.last().body.rows).toEqual([{ studentId: 'b', version: 5, cells: { GK: 6 } }]);
      h.succeed();
      await expect(flushed).resolves.toBe(true);
    });

    it('answers false when the network fails, keeping the batch for a retry', async () => {
      h.type('a', 'TX1', '9');
      const flushed = h.autosave.flushAll();
      h.fail(0);
      await expect(flushed).resolves.toBe(false);
      expect(h.autosave.hasUnsaved()).toBe(true);
      expect(h.autosave.unsavedCount()).toBe(1);
    });

    it('answers false when the server refuses (the semester was locked meanwhile)', async () => {
      h.type('a', 'TX1', '9');
      const flushed = h.autosave.flushAll();
      h.fail(423, { type: 'about:blank', title: 'Locked', status: 423 });
      await expect(flushed).resolves.toBe(false);
    });

    it('keeps the batch when the session ended (401) instead of dropping it as a refusal', async () => {
      h.type('a', 'TX1', '9');
      const flushed = h.autosave.flushAll();
      h.fail(401, { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'session_expired' });
      await expect(flushed).resolves.toBe(false);
      expect(h.refused).toHaveLength(0);
      expect(h.autosave.pendingKeys('a')).toEqual(new Set(['TX1']));
    });

    it('answers true at once when nothing waits', async () => {
      await expect(h.autosave.flushAll()).resolves.toBe(true);
      expect(h.requests).toHaveLength(0);
    });
  });
});

import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { enrolStudents } from './academic-fixtures';
import { GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';

/**
 * Randomized schedules of concurrent saves of one sheet by two sessions of its teacher (random cells, versions fresh
 * or stale, retries with the same requestId after the answer or at the same time). After every schedule, what the
 * database holds must be explained by the acknowledged saves alone: replayed in version order they give the stored
 * cells, each row's versions run without gap or repeat, every history row belongs to an acknowledged change, and a
 * refused save left nothing. FUZZ_RUNS raises the number of schedules (default 20), FUZZ_SEED replays one.
 */
const COLUMNS = ['TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK'] as const;
type Cells = Record<string, number>;
type RequestedCells = Record<string, number | null>;

interface Op {
  session: 0 | 1;
  rows: { pupil: number; cells: RequestedCells }[];
  stale: boolean;
  retry: 'none' | 'after' | 'together';
  pause: number;
}

interface Sent {
  requestId: string;
  rows: { studentId: string; version: number; cells: RequestedCells }[];
  answers: {
    status: number;
    body: {
      rows?: { studentId: string; version: number; cells: Cells }[];
      conflicts?: { studentId: string; version: number }[];
    };
  }[];
}

const PUPILS = 4;
const value = fc.integer({ min: 0, max: 20 }).map((v) => v / 2);
const op: fc.Arbitrary<Op> = fc.record({
  session: fc.constantFrom<0 | 1>(0, 1),
  rows: fc.uniqueArray(
    fc.record({
      pupil: fc.nat(PUPILS - 1),
      cells: fc.dictionary(fc.constantFrom(...COLUMNS), fc.option(value, { nil: null, freq: 6 }), {
        minKeys: 1,
        maxKeys: 3,
      }),
    }),
    { minLength: 1, maxLength: 3, selector: (r) => r.pupil },
  ),
  stale: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
  retry: fc.constantFrom<Op['retry']>('none', 'none', 'after', 'together'),
  pause: fc.nat(3),
});

describe('faults: randomized concurrent edits of one gradebook never lose an acknowledged update', () => {
  let t: TestApp;
  let f: GradingFixture;
  let sessions: string[];
  let gradebookId: string;

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_WORKER: 'off' });
    f = await gradingClass(t);
    sessions = [
      f.teacherA,
      await t.login((await t.owner.query(`select username from app_user where staff_id = $1`, [f.staffA]))[0].username),
    ];
    const opened = await t
      .http()
      .put(sheetPath(f))
      .set(bearer(sessions[0]))
      .send({ requestId: randomUUID(), rows: [{ studentId: f.studentIds[0], version: 0, cells: { TX1: 5 } }] });
    expect(opened.status).toBe(200);
    [{ id: gradebookId }] = await t.owner.query(`select id from gradebook where school_id = $1 and class_id = $2`, [
      f.school.id,
      f.classId,
    ]);
  });
  afterAll(() => t.close());

  const stored = async (studentIds: string[]) => {
    const rows: { student_id: string; version: number; cells: Cells }[] = await t.owner.query(
      `select student_id, version, cells from grade_entry where school_id = $1 and gradebook_id = $2 and student_id = any($3::uuid[])`,
      [f.school.id, gradebookId, studentIds],
    );
    return new Map(
      studentIds.map((id) => {
        const row = rows.find((r) => r.student_id === id);
        return [id, { version: row?.version ?? 0, cells: row?.cells ?? {} }];
      }),
    );
  };

  /** One session: its saves one after the other, each based on the versions this session last saw. */
  async function runSession(
    session: 0 | 1,
    ops: Op[],
    pupils: string[],
    seen: Map<string, number>,
    log: Sent[],
  ): Promise<void> {
    for (const o of ops) {
      for (let i = 0; i < o.pause; i++) await new Promise((resolve) => setImmediate(resolve));
      const rows = o.rows.map((r) => {
        const studentId = pupils[r.pupil];
        const version = seen.get(studentId)!;
        return { studentId, version: o.stale && version > 0 ? version - 1 : version, cells: r.cells };
      });
      const sent: Sent = { requestId: randomUUID(), rows, answers: [] };
      log.push(sent);
      const send = () =>
        t
          .http()
          .put(sheetPath(f))
          .set(bearer(sessions[session]))
          .send({ requestId: sent.requestId, rows })
          .then((res) => ({ status: res.status, body: res.body }));
      sent.answers = o.retry === 'together' ? await Promise.all([send(), send()]) : [await send()];
      if (o.retry === 'after') sent.answers.push(await send());
      for (const a of sent.answers) {
        for (const r of a.body.rows ?? []) seen.set(r.studentId, Math.max(seen.get(r.studentId)!, r.version));
        for (const c of a.body.conflicts ?? []) seen.set(c.studentId, Math.max(seen.get(c.studentId)!, c.version));
      }
    }
  }

  it('final cells = the acknowledged saves replayed in version order; 409s leave nothing; one history row per changed cell', async () => {
    const runs = Number(process.env['FUZZ_RUNS'] ?? 20);
    const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 10 }), async (ops) => {
        // Three pupils carried over from earlier schedules, and one without a row yet (first saves race on the insert).
        const [fresh] = await enrolStudents(t, f.school.id, f.classId, ['Đinh Thị Mới']);
        const pupils = [...f.studentIds, fresh];
        const initial = await stored(pupils);
        const [{ seq }] = await t.owner.query(
          `select coalesce(max(seq), 0)::int as seq from audit_log where school_id = $1`,
          [f.school.id],
        );
        const log: Sent[] = [];
        await Promise.all(
          ([0, 1] as const).map((s) =>
            runSession(
              s,
              ops.filter((o) => o.session === s),
              pupils,
              new Map([...initial].map(([id, e]) => [id, e.version])),
              log,
            ),
          ),
        );
        await verify(log, initial, seq);
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
  });

  async function verify(
    log: Sent[],
    initial: Map<string, { version: number; cells: Cells }>,
    auditSeq: number,
  ): Promise<void> {
    for (const sent of log) {
      // Every answer is a save or a conflict, and the answers to one requestId agree.
      expect(sent.answers.filter((a) => a.status !== 200 && a.status !== 409)).toEqual([]);
      const first200 = sent.answers.find((a) => a.status === 200);
      for (const a of sent.answers.filter((x) => x.status === 200)) expect(a.body).toEqual(first200!.body);
    }
    const acked = log.filter((s) => s.answers.some((a) => a.status === 200));
    const refused = log.filter((s) => !s.answers.some((a) => a.status === 200));
    const model = replay(acked, initial);
    const now = await stored([...initial.keys()]);
    for (const [studentId, entry] of now)
      expect({ studentId, ...entry }).toEqual({ studentId, ...model.final.get(studentId) });

    const history: {
      request_id: string;
      student_id: string;
      column_key: string;
      old_value: number | null;
      new_value: number | null;
    }[] = await t.owner.query(
      `select request_id, student_id, column_key, old_value, new_value from grade_change where school_id = $1 and request_id = any($2::uuid[])`,
      [f.school.id, log.map((s) => s.requestId)],
    );
    const key = (c: {
      request_id: string;
      student_id: string;
      column_key: string;
      old_value: number | null;
      new_value: number | null;
    }) => `${c.request_id}/${c.student_id}/${c.column_key}:${c.old_value}→${c.new_value}`;
    expect(history.map(key).sort()).toEqual(model.changes.map(key).sort());
    const claimed: { request_id: string }[] = await t.owner.query(
      `select request_id from grade_save_request where school_id = $1 and request_id = any($2::uuid[])`,
      [f.school.id, refused.map((s) => s.requestId)],
    );
    expect(claimed).toEqual([]);
    const [{ n }] = await t.owner.query(
      `select count(*)::int as n from audit_log where school_id = $1 and entity = 'gradebook' and seq > $2`,
      [f.school.id, auditSeq],
    );
    expect(n).toBe(model.writes);
  }

  /**
   * Orders the acknowledged row writes of each pupil by the version they produced (each save is checked against the
   * version it was based on, so that is the commit order of the pupil's row) and applies the requested cells.
   */
  function replay(acked: Sent[], initial: Map<string, { version: number; cells: Cells }>) {
    const final = new Map([...initial].map(([id, e]) => [id, { ...e, cells: { ...e.cells } }]));
    const changes: {
      request_id: string;
      student_id: string;
      column_key: string;
      old_value: number | null;
      new_value: number | null;
    }[] = [];
    const writes = acked.flatMap((s) => {
      const answer = s.answers.find((a) => a.status === 200)!;
      return s.rows.map((row) => ({
        requestId: s.requestId,
        row,
        written: answer.body.rows!.find((r) => r.studentId === row.studentId),
      }));
    });
    let saving = new Set<string>();
    for (const studentId of initial.keys()) {
      const mine = writes.filter((w) => w.row.studentId === studentId);
      // A row a save left unchanged is not written: its cells already held the values, at the version it was based on.
      for (const w of mine.filter((x) => !x.written))
        expect(applyCells(stateAt(mine, initial.get(studentId)!, w.row.version), w.row.cells).changed).toEqual([]);
      const chain = mine.filter((w) => w.written).sort((a, b) => a.written!.version - b.written!.version);
      let state = final.get(studentId)!;
      for (const w of chain) {
        // Versions step by one from the initial one: no acknowledged write was overwritten or skipped.
        expect([w.row.version, w.written!.version]).toEqual([state.version, state.version + 1]);
        const next = applyCells(state.cells, w.row.cells);
        expect(w.written!.cells).toEqual(next.cells);
        changes.push(...next.changed.map((c) => ({ request_id: w.requestId, student_id: studentId, ...c })));
        state = { version: state.version + 1, cells: next.cells };
        saving = new Set([...saving, w.requestId]);
      }
      final.set(studentId, state);
    }
    return { final, changes, writes: saving.size };
  }
});

function applyCells(cells: Cells, requested: RequestedCells) {
  const next: Cells = { ...cells };
  const changed: { column_key: string; old_value: number | null; new_value: number | null }[] = [];
  for (const [column, v] of Object.entries(requested)) {
    const was = cells[column] ?? null;
    if (was === v) continue;
    changed.push({ column_key: column, old_value: was, new_value: v });
    if (v === null) delete next[column];
    else next[column] = v;
  }
  return { cells: next, changed };
}

/** The pupil's cells at `version`, from the acknowledged writes that produced the versions up to it. */
function stateAt(
  mine: { row: { version: number; cells: RequestedCells }; written?: { version: number } }[],
  initial: { version: number; cells: Cells },
  version: number,
): Cells {
  let cells = { ...initial.cells };
  for (const w of mine
    .filter((x) => x.written && x.written.version <= version)
    .sort((a, b) => a.written!.version - b.written!.version)) {
    cells = applyCells(cells, w.row.cells).cells;
  }
  return cells;
}

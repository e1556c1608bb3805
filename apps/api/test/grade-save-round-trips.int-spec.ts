import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';

/**
 * The statements one grade save sends to PostgreSQL (docs/benchmarks.md, "grade-save"): each is a round trip the
 * baseline — begin, scope, the rows, their history, the audit entry, commit — does not all make, so their number is
 * the save's cost at 16 concurrent teachers. Counted on the API's own connections while a save of a semester I and a
 * semester II sheet runs; the save's behaviour itself is proven by the gradebook specs.
 */
describe('a grade save in few round trips', () => {
  let t: TestApp;
  let f: GradingFixture;
  let statements: string[] = [];
  const named = new Set<string>();
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    // The event worker's polling would interleave its statements with the save's.
    t = await startTestApp({ EVENT_WORKER: 'off' });
    f = await gradingClass(t);
    const query = PostgresQueryRunner.prototype.query;
    spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
      this: PostgresQueryRunner,
      ...args: Parameters<typeof query>
    ) {
      // A prepared statement goes to node-postgres as { name, text } (sqlRow with prepared(…)).
      const q = args[0] as unknown as string | { name: string; text: string };
      const text = typeof q === 'string' ? q : q.text;
      // The org tree's cache reloads when another spec file changed the tree (one shared database): not the save's.
      if (/^select id, parent_id, kind, code, name, levels\b.* from tenancy_org_unit\b/s.test(text.trim()))
        return query.apply(this, args);
      if (typeof q !== 'string') named.add(text.replace(/\s+/g, ' ').slice(0, 80));
      statements.push(text.replace(/\s+/g, ' ').slice(0, 80));
      return query.apply(this, args);
    });
  });
  afterAll(async () => {
    spy.mockRestore();
    await t.close();
  });

  const saveCounted = async (semester: 1 | 2, version: number) => {
    const body = {
      requestId: randomUUID(),
      rows: f.studentIds.map((studentId, i) => ({
        studentId,
        version,
        cells: { TX1: 5 + version, TX2: 7 + i, TX3: 9, TX4: 8, GK: 7.5, CK: 8 - i },
      })),
    };
    statements = [];
    const res = await t
      .http()
      .put(sheetPath(f, 'TOAN', semester))
      .set(bearer(f.teacherA))
      .send(body);
    const sent = statements;
    statements = [];
    return { res, sent, body };
  };

  // Steady state (the sheet's gradebook opened by an earlier save): the session check of the request, then begin, the
  // scope, one read (context, kept answer, class list, entries, semester I, the year's rule settings), one write (rows,
  // history, kept answer, audit entry, results event), commit. It was 13 statements on semester I and 15 on
  // semester II, then 10; now 6, and every one but begin and commit a prepared statement.
  const STEADY = [
    'select s.ended_at',
    'START TRANSACTION',
    'select emis_set_scope',
    'select c.id',
    'with w as (',
    'COMMIT',
  ];
  /** The save's audit entries (with their actor) and results events so far: written by the save's one write. */
  const written = async () => {
    const [{ audits, actors }] = await t.owner.query(
      `select count(*)::int as audits, array_agg(distinct actor_name) as actors from audit_log
        where school_id = $1 and entity = 'gradebook' and action = 'UPDATE'`,
      [f.school.id],
    );
    const [{ events }] = await t.owner.query(
      `select count(*)::int as events from outbox where school_id = $1 and type = 'grading.results-changed' and aggregate_id = $2`,
      [f.school.id, f.classId],
    );
    return { audits, actors, events };
  };
  const starts = (sent: string[]) => sent.map((s, i) => (s.startsWith(STEADY[i] ?? '') ? STEADY[i] : s));

  it('saves a semester I sheet in 6 statements once its gradebook is open', async () => {
    const opening = await saveCounted(1, 0);
    expect(opening.res.status).toBe(200);
    // The first save opens the gradebook (read, insert, read again: once per sheet) and reads the grade's curriculum
    // (once per API process).
    expect(opening.sent.length).toBeLessThanOrEqual(STEADY.length + 4);
    const before = await written();
    const { res, sent } = await saveCounted(1, 1);
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(3);
    // A compact answer (kept as it is sent): what the grid takes back, not the pupils' names and birth dates.
    expect(Object.keys(res.body.rows[0]).sort()).toEqual([
      'average',
      'cells',
      'comment',
      'rating',
      'studentId',
      'updatedAt',
      'updatedByName',
      'version',
    ]);
    expect(starts(sent)).toEqual(STEADY);
    // The one write statement appended the audit entry and published the results event.
    const after = await written();
    expect(after.audits).toBe(before.audits + 1);
    expect(after.events).toBe(before.events + 1);
    expect(after.actors).toHaveLength(1);
    // Prepared (named) statements: parsed and planned once per pooled connection, not once per save.
    expect(sent.filter((s) => !named.has(s))).toEqual(['START TRANSACTION', 'COMMIT']);
  });

  it('saves a semester II sheet (semester I and year columns in the answer) in as many', async () => {
    expect((await saveCounted(2, 0)).res.status).toBe(200);
    const { res, sent } = await saveCounted(2, 1);
    expect(res.status).toBe(200);
    expect(res.body.rows[0].semester1).toEqual({ average: expect.any(Number), rating: null });
    expect(res.body.rows[0].year).toEqual({ average: expect.any(Number), rating: null });
    expect(starts(sent)).toEqual(STEADY);
  });

  it('answers a retry with the kept answer in 5 statements, writing nothing', async () => {
    const first = await saveCounted(1, 2);
    expect(first.res.status).toBe(200);
    const before = await written();
    statements = [];
    const again = await t.http().put(sheetPath(f)).set(bearer(f.teacherA)).send(first.body);
    const sent = statements;
    statements = [];
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.res.body);
    expect(await written()).toEqual(before);
    expect(starts(sent)).toEqual([...STEADY.slice(0, 4), 'COMMIT']);
  });
});

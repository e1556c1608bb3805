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
      statements.push(String(args[0]).replace(/\s+/g, ' ').slice(0, 80));
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

  // Steady state (the sheet's gradebook opened by an earlier save): the session check of the request, then begin,
  // scope, the context, the save's inputs (kept answer, class list, entries, semester I), the department's rule
  // settings of the year (what a missed assessment counts as: academic's port), one write (rows, history, kept
  // answer), the audit entry, the results event, commit. It was 13 statements on semester I and 15 on semester II.
  const STEADY = [
    'select s.ended_at',
    'START TRANSACTION',
    'select emis_set_scope',
    'select c.id',
    'select (select to_jsonb(k)',
    'select s.settings',
    'with w as (',
    'select audit_append',
    'insert into outbox',
    'COMMIT',
  ];
  const starts = (sent: string[]) => sent.map((s, i) => (s.startsWith(STEADY[i] ?? '') ? STEADY[i] : s));

  it('saves a semester I sheet in 10 statements once its gradebook is open', async () => {
    const opening = await saveCounted(1, 0);
    expect(opening.res.status).toBe(200);
    // The first save opens the gradebook (read, insert, read again: once per sheet) and reads the grade's curriculum
    // (once per API process).
    expect(opening.sent.length).toBeLessThanOrEqual(STEADY.length + 4);
    const { res, sent } = await saveCounted(1, 1);
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(3);
    expect(starts(sent)).toEqual(STEADY);
  });

  it('saves a semester II sheet (semester I and year columns in the answer) in as many', async () => {
    expect((await saveCounted(2, 0)).res.status).toBe(200);
    const { res, sent } = await saveCounted(2, 1);
    expect(res.status).toBe(200);
    expect(res.body.rows[0].semester1).toEqual({ average: expect.any(Number), rating: null });
    expect(res.body.rows[0].year).toEqual({ average: expect.any(Number), rating: null });
    expect(starts(sent)).toEqual(STEADY);
  });

  it('answers a retry with the kept answer in 6 statements, writing nothing', async () => {
    const first = await saveCounted(1, 2);
    expect(first.res.status).toBe(200);
    statements = [];
    const again = await t.http().put(sheetPath(f)).set(bearer(f.teacherA)).send(first.body);
    const sent = statements;
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.res.body);
    expect(starts(sent)).toEqual([...STEADY.slice(0, 5), 'COMMIT']);
  });
});

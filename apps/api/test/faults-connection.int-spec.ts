import { randomUUID } from 'node:crypto';
import {
  appUrlVia,
  footprint,
  holdAuditHead,
  targetOf,
  TcpProxy,
  terminateBlocked,
  waitForBackendsGone,
  waitForBlocked,
} from './faults-fixtures';
import { GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { readTestEnv } from './test-env';
import { schoolWithAdmin, STUDENT_HEADERS, studentRow, upload, waitForJob, workbook } from './imports-fixtures';

/**
 * The connection of a request dies while its transaction has written its rows and waits for the audit chain head
 * (held by the test): killed by the server (FATAL 57P01), or its socket dropped without a word (node-postgres:
 * "Connection terminated unexpectedly", no SQLSTATE). The caller gets 503, nothing of the request is left, and the
 * same request retried with its requestId is applied exactly once.
 */
describe('faults: a connection lost in the middle of a save or an import', () => {
  let t: TestApp;
  let f: GradingFixture;
  const proxy = new TcpProxy(targetOf(readTestEnv().ownerUrl));

  beforeAll(async () => {
    await proxy.up();
    // The API's application-role connections pass through a proxy the test can cut; t.owner connects directly.
    // (One app per spec file: passport keeps its strategies in a process-wide registry, the last app's win.)
    t = await startTestApp({ DATABASE_APP_URL: appUrlVia(proxy) });
    f = await gradingClass(t);
    const first = await save(f.studentIds.map((studentId) => ({ studentId, version: 0, cells: { TX1: 6 } })));
    expect(first.status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await proxy.down();
  });

  function save(rows: unknown[], requestId: string = randomUUID()) {
    return t
      .http()
      .put(sheetPath(f))
      .set(bearer(f.teacherA))
      .send({ requestId, rows })
      .then((res) => res);
  }
  const versionsNow = async () => {
    const rows: { student_id: string; version: number }[] = await t.owner.query(
      `select student_id, version from grade_entry where school_id = $1`,
      [f.school.id],
    );
    return new Map(rows.map((r) => [r.student_id, r.version]));
  };
  const changeRows = async (requestId: string) =>
    (
      await t.owner.query(`select count(*)::int as n from grade_change where school_id = $1 and request_id = $2`, [
        f.school.id,
        requestId,
      ])
    )[0].n as number;

  /** Retries `rows` twice with `requestId`: applied once, the second answer is the first, one history row per cell. */
  async function expectAppliedOnce(
    rows: { studentId: string; version: number; cells: Record<string, number> }[],
    requestId: string,
    before: Record<string, unknown>,
  ) {
    const retry = await save(rows, requestId);
    expect(retry.status).toBe(200);
    expect(retry.body.rows.map((r: { version: number }) => r.version)).toEqual(rows.map((r) => r.version + 1));
    const again = await save(rows, requestId);
    expect(again.body).toEqual(retry.body);
    const cells = rows.reduce((n, r) => n + Object.keys(r.cells).length, 0);
    expect(await changeRows(requestId)).toBe(cells);
    const after = await footprint(t.owner, f.school.id);
    expect([after['changes'], after['requests'], after['audit']]).toEqual([
      (before['changes'] as number) + cells,
      (before['requests'] as number) + 1,
      (before['audit'] as number) + 1,
    ]);
  }

  it("answers 503 when the server terminates the save's backend, leaves no row, history or audit of it, and applies the retry once", async () => {
    const versions = await versionsNow();
    const rows = f.studentIds
      .slice(0, 2)
      .map((studentId) => ({ studentId, version: versions.get(studentId)!, cells: { TX2: 9 } }));
    const requestId = randomUUID();
    const before = await footprint(t.owner, f.school.id);
    const head = await holdAuditHead(t.owner, f.school.id);
    try {
      const pending = save(rows, requestId);
      const pids = await waitForBlocked(t.owner, head.pid, 1);
      expect(await terminateBlocked(t.owner, head.pid)).toBe(1);
      const res = await pending;
      expect({ status: res.status, code: res.body.code, retryAfter: res.headers['retry-after'] }).toEqual({
        status: 503,
        code: 'service_unavailable',
        retryAfter: '5',
      });
      await waitForBackendsGone(t.owner, pids);
      expect(await footprint(t.owner, f.school.id)).toEqual(before);
    } finally {
      await head.release();
    }
    await expectAppliedOnce(rows, requestId, before);
  });

  it('answers 503 when the socket drops without an error code, and at once while the server cannot be reached; the retry afterwards applies once', async () => {
    const versions = await versionsNow();
    const rows = f.studentIds
      .slice(1, 3)
      .map((studentId) => ({ studentId, version: versions.get(studentId)!, cells: { TX3: 8.5 } }));
    const requestId = randomUUID();
    const before = await footprint(t.owner, f.school.id);
    const head = await holdAuditHead(t.owner, f.school.id);
    let orphans: number[] = [];
    try {
      const pending = save(rows, requestId);
      orphans = await waitForBlocked(t.owner, head.pid, 1);
      await proxy.down();
      const cut = await pending;
      expect({ status: cut.status, code: cut.body.code, retryAfter: cut.headers['retry-after'] }).toEqual({
        status: 503,
        code: 'service_unavailable',
        retryAfter: '5',
      });
      // Nothing listens now: new connections are refused (ECONNREFUSED) and answered 503, not left waiting.
      expect((await t.http().get(sheetPath(f)).set(bearer(f.teacherA))).status).toBe(503);
      expect((await save(rows, requestId)).status).toBe(503);
    } finally {
      await head.release();
    }
    // The orphaned backend finds its client gone once the lock lets it go on, and rolls back.
    await waitForBackendsGone(t.owner, orphans);
    expect(await footprint(t.owner, f.school.id)).toEqual(before);
    await proxy.up();
    await expectAppliedOnce(rows, requestId, before);
  });

  it('fails a student import whose connection dies while committing with a clear message, writes nothing, and a new upload imports the file', async () => {
    const school = await schoolWithAdmin(t);
    const file = await workbook(
      STUDENT_HEADERS,
      Array.from({ length: 5 }, (_, i) => studentRow(i, null)),
    );
    const count = async () => {
      const [row] = await t.owner.query(
        `select (select count(*)::int from student where school_id = $1) as students, (select count(*)::int from guardian where school_id = $1) as guardians,
                (select count(*)::int from audit_log where school_id = $1) as audit`,
        [school.schoolId],
      );
      return row;
    };
    const before = await count();
    const head = await holdAuditHead(t.owner, school.schoolId);
    let jobId = '';
    try {
      const res = await upload(t, school.token, school.schoolId, 'students', file);
      expect(res.status).toBe(202);
      jobId = res.body.id;
      // Every row validated and written, the import's transaction now waits to append its audit rows.
      const pids = await waitForBlocked(t.owner, head.pid, 1);
      const [job] = await t.owner.query(`select status from import_job where school_id = $1 and id = $2`, [
        school.schoolId,
        jobId,
      ]);
      expect(job.status).toBe('COMMITTING');
      expect(await terminateBlocked(t.owner, head.pid)).toBe(1);
      await waitForBackendsGone(t.owner, pids);
    } finally {
      await head.release();
    }
    const failed = await waitForJob(t, school.token, school.schoolId, jobId);
    expect(failed).toMatchObject({ status: 'FAILED', created: 0, updated: 0, errorCount: 0 });
    expect(failed.message).toMatch(/không có dữ liệu nào được ghi\. Hãy thử lại/);
    expect(await count()).toEqual(before);

    const res = await upload(t, school.token, school.schoolId, 'students', file);
    const done = await waitForJob(t, school.token, school.schoolId, res.body.id);
    expect(done).toMatchObject({ status: 'DONE', created: 5, updated: 0, unchanged: 0 });
    expect(await count()).toEqual({
      students: before.students + 5,
      guardians: before.guardians + 10,
      audit: before.audit + 6,
    });
  });
});

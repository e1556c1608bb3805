import { validateConfig } from '@emis/api/platform';
import { randomUUID } from 'node:crypto';
import { holdAuditHead, waitForBlocked } from './faults-fixtures';
import { GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { readTestEnv } from './test-env';

/**
 * A pool of two connections, both held by saves waiting on a lock: the next request must not queue behind them
 * for ever but be told at once (after DB_POOL_ACQUIRE_TIMEOUT_MS) to come back, and the pool must serve again when
 * the lock goes. No clock is asserted: jest's own timeout is the bound.
 */
describe('faults: an exhausted connection pool answers 503 with Retry-After instead of hanging', () => {
  let t: TestApp;
  let f: GradingFixture;

  beforeAll(async () => {
    // No import worker: its cached org tree would not know the connection spec's new school (see faults-connection).
    // No event worker either: the outbox relay and the reporting refresh jobs borrow from the same pool, and with two
    // connections a refresh of the fixture's new school made the fixture's own login wait past the 500 ms (seen in CI).
    t = await startTestApp({
      DB_POOL_SIZE: '2',
      DB_POOL_ACQUIRE_TIMEOUT_MS: '500',
      IMPORT_WORKER: 'off',
      EVENT_WORKER: 'off',
    });
    f = await gradingClass(t);
    // The gradebook is opened by a first save, so the two saves below do not queue behind each other's opening of it.
    expect((await save(f.studentIds[2], 5)).status).toBe(200);
  });
  afterAll(() => t.close());

  const save = (studentId: string, value: number) =>
    t
      .http()
      .put(sheetPath(f))
      .set(bearer(f.teacherA))
      .send({ requestId: randomUUID(), rows: [{ studentId, version: 0, cells: { TX1: value } }] });

  it('refuses a third request with 503 service_unavailable and Retry-After: 5 while both connections are held, then completes the held saves and serves again', async () => {
    const head = await holdAuditHead(t.owner, f.school.id);
    let held: Promise<{ status: number }>[] = [];
    try {
      // Each save writes its row and then waits for the school's audit chain head, holding one of the two connections.
      held = [save(f.studentIds[0], 7), save(f.studentIds[1], 8)].map((r) => r.then((res) => res));
      await waitForBlocked(t.owner, head.pid, 2);
      const third = await t.http().get(sheetPath(f)).set(bearer(f.teacherA)).set('Accept-Language', 'en');
      expect({ status: third.status, code: third.body.code, retryAfter: third.headers['retry-after'] }).toEqual({
        status: 503,
        code: 'service_unavailable',
        retryAfter: '5',
      });
      expect(third.headers['content-type']).toContain('application/problem+json');
      expect(third.body.title).toBe('The service is busy, try again');
    } finally {
      await head.release();
    }
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    const sheet = await t.http().get(sheetPath(f)).set(bearer(f.teacherA));
    expect(sheet.status).toBe(200);
    const cells = Object.fromEntries(
      sheet.body.rows.map((r: { studentId: string; cells: object }) => [r.studentId, r.cells]),
    );
    expect([cells[f.studentIds[0]], cells[f.studentIds[1]]]).toEqual([{ TX1: 7 }, { TX1: 8 }]);
  });

  it('validates DB_POOL_ACQUIRE_TIMEOUT_MS (default 3000 ms; below 100 ms refused at start-up)', () => {
    const env = readTestEnv();
    const base = {
      DATABASE_APP_URL: 'postgres://emis_app@db/emis',
      DATABASE_JOBS_URL: 'postgres://emis_jobs@db/emis',
      JWT_SECRET: env.jwtSecret,
      SCOPE_KEY: env.scopeKey,
    };
    expect(validateConfig(base).DB_POOL_ACQUIRE_TIMEOUT_MS).toBe(3000);
    expect(validateConfig({ ...base, DB_POOL_ACQUIRE_TIMEOUT_MS: '750' }).DB_POOL_ACQUIRE_TIMEOUT_MS).toBe(750);
    expect(() => validateConfig({ ...base, DB_POOL_ACQUIRE_TIMEOUT_MS: '50' })).toThrow(/DB_POOL_ACQUIRE_TIMEOUT_MS/);
    expect(() => validateConfig({ ...base, DB_POOL_ACQUIRE_TIMEOUT_MS: 'soon' })).toThrow(/DB_POOL_ACQUIRE_TIMEOUT_MS/);
  });
});

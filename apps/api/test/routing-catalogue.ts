import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { DataSource } from 'typeorm';
import { GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, TestApp } from './harness';

export { distributedTables, scansWithoutSchool, taskCounts } from './routing-plans';

/**
 * The routing catalogue (docs/scaling.md, "Writing queries that distribute"): every statement the API sends while a
 * school's users work in their own school — the student list, a search in it and a record, the class list and a class,
 * a grade sheet opened and saved, attendance read and saved, the staff list, the asset register, the finance lists and
 * the audit trail with its verification. The statements are those the API really sends (captured on its connections,
 * with their parameters), so a repository change shows here without a list to keep by hand.
 *
 * Two checks read it: on plain PostgreSQL (routing.int-spec.ts) every scan of a school-owned table in a statement's
 * plan names one school (`school_id = <value>`), and on a Citus cluster (citus/routing.citus-spec.ts) EXPLAIN shows each
 * distributed part of the statement on one shard (Task Count: 1).
 */
export interface CapturedStatement {
  /** The request that sent it, e.g. 'GET students'. */
  request: string;
  text: string;
  params: unknown[];
}

/** Statements that are no query to plan: transaction control and the scope's own call. */
const NOT_PLANNED = /^(start transaction|begin|commit|rollback|savepoint|release|set |select emis_set_scope\()/i;

/**
 * Runs the catalogue's requests in a fresh school of its own (gradingClass: an administrator, two teachers, class 6A
 * with three pupils) and answers every plannable statement the API sent for them, first occurrence of each text.
 * The app must run with EVENT_WORKER off, so no background statement is mistaken for a request's.
 */
export async function captureSchoolRequests(
  t: TestApp,
): Promise<{ f: GradingFixture; statements: CapturedStatement[] }> {
  const f = await gradingClass(t);
  const captured: CapturedStatement[] = [];
  let current: string | undefined;
  const query = PostgresQueryRunner.prototype.query;
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
    this: PostgresQueryRunner,
    ...args: Parameters<typeof query>
  ) {
    const q = args[0] as unknown as string | { name: string; text: string };
    const text = (typeof q === 'string' ? q : q.text).trim();
    if (current && !NOT_PLANNED.test(text))
      captured.push({ request: current, text, params: [...((args[1] as unknown[] | undefined) ?? [])] });
    return query.apply(this, args);
  });
  const school = `/api/schools/${f.school.id}`;
  const admin = bearer(f.school.admin);
  const send = async (name: string, call: () => Promise<{ status: number; body: unknown }>) => {
    current = name;
    try {
      const res = await call();
      if (res.status >= 300) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as Record<string, unknown>;
    } finally {
      current = undefined;
    }
  };
  const get = (name: string, url: string, who = admin) => send(name, () => t.http().get(url).set(who));
  try {
    await get('GET school', school);
    await get('GET students', `${school}/students`);
    await get('GET students?q', `${school}/students?q=${encodeURIComponent('Bình')}`);
    await get('GET students?classId', `${school}/students?classId=${f.classId}`);
    await get('GET students (teacher)', `${school}/students`, bearer(f.teacherA));
    await get('GET student', `${school}/students/${f.studentIds[0]}`);
    await get('GET classes', `${school}/classes`);
    await get('GET class', `${school}/classes/${f.classId}`);
    await get('GET gradebook', `${school}/classes/${f.classId}/gradebook?semester=1`, bearer(f.teacherA));
    await get('GET grade sheet', sheetPath(f), bearer(f.teacherA));
    const save = (version: number) =>
      send('PUT grade sheet', () =>
        t
          .http()
          .put(sheetPath(f))
          .set(bearer(f.teacherA))
          .send({
            requestId: randomUUID(),
            rows: f.studentIds.map((studentId, i) => ({
              studentId,
              version,
              cells: { TX1: 7, TX2: 8 - i, TX3: 9, TX4: 8, GK: 7.5, CK: 8 - i },
            })),
          }),
      );
    await save(0);
    await save(1);
    const day = '2026-10-05';
    const attendance = `${school}/classes/${f.classId}/attendance`;
    await get('GET attendance day', `${attendance}/${day}`, bearer(f.teacherA));
    await send('PUT attendance day', () =>
      t
        .http()
        .put(`${attendance}/${day}`)
        .set(bearer(f.teacherA))
        .send({ entries: [{ studentId: f.studentIds[0], status: 'EXCUSED' }] }),
    );
    await get('GET attendance month', `${attendance}?month=2026-10`, bearer(f.teacherA));
    await get('GET staff', `${school}/staff`);
    await get('GET assets', `${school}/assets`);
    await get('GET asset locations', `${school}/asset-locations`);
    await get('GET payments', `${school}/payments`);
    await get('GET charges', `${school}/charges`);
    await get('GET fee periods', `${school}/fee-periods`);
    await get('GET fee schedules', `${school}/fee-schedules?schoolYearId=${f.yearId}`);
    await get('GET audit', `/api/audit?schoolId=${f.school.id}`);
    await get('GET audit verify', `/api/audit/verify?schoolId=${f.school.id}`);
  } finally {
    spy.mockRestore();
  }
  const seen = new Set<string>();
  const statements = captured.filter((s) => !seen.has(s.text) && seen.add(s.text));
  return { f, statements };
}

/**
 * Statements of the catalogue allowed to read more than one school, each with its reason. Matched on the start of the
 * statement's text (whitespace collapsed).
 */
export const ROUTING_EXCEPTIONS: readonly { starts: string; why: string }[] = [];

export function exceptionFor(text: string): { starts: string; why: string } | undefined {
  const flat = text.replace(/\s+/g, ' ');
  return ROUTING_EXCEPTIONS.find((e) => flat.startsWith(e.starts));
}

/** The plan PostgreSQL makes for a captured statement with its parameters (EXPLAIN only: nothing runs). */
export async function explainJson(db: DataSource, s: CapturedStatement): Promise<unknown> {
  const [row] = await db.query(`explain (format json) ${s.text}`, s.params);
  const plan = row['QUERY PLAN'];
  return typeof plan === 'string' ? JSON.parse(plan) : plan;
}

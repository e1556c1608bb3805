import { startTestApp, TestApp } from './harness';
import { captureSchoolRefresh } from './refresh-catalogue';
import {
  CapturedStatement,
  captureSchoolRequests,
  distributedTables,
  exceptionFor,
  explainJson,
  scansWithoutSchool,
} from './routing-catalogue';

/**
 * Routing on plain PostgreSQL (docs/scaling.md, "Writing queries that distribute"): every statement a school's users
 * send while working in their own school names that school on every school-owned table it reads, which is what lets
 * Citus send it to one shard. The same catalogue runs on a cluster in citus/routing.citus-spec.ts, where EXPLAIN must
 * show one task; here the plan of each statement is read for `school_id = <value>` on every scan.
 */
describe('routing: a school-scoped request names its school on every school-owned table', () => {
  let t: TestApp;
  let statements: CapturedStatement[];
  const flat = (text: string) => text.replace(/\s+/g, ' ').slice(0, 200);

  beforeAll(async () => {
    // The event worker's polling would mix its statements with the requests'.
    t = await startTestApp({ EVENT_WORKER: 'off' });
    ({ statements } = await captureSchoolRequests(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('captures the statements of every request of the catalogue', () => {
    const requests = new Set(statements.map((s) => s.request));
    for (const r of ['GET students', 'GET students?q', 'GET student', 'GET classes', 'GET grade sheet'])
      expect(requests).toContain(r);
    for (const r of [
      'PUT grade sheet',
      'PUT attendance day',
      'GET staff',
      'GET assets',
      'GET payments',
      'GET audit verify',
    ])
      expect(requests).toContain(r);
    expect(statements.length).toBeGreaterThan(40);
  });

  it('plans every scan of a school-owned table with school_id = <one school>', async () => {
    const tables = distributedTables();
    const violations: string[] = [];
    for (const s of statements) {
      if (exceptionFor(s.text)) continue;
      const [explained] = (await explainJson(t.owner, s)) as [{ Plan: Parameters<typeof scansWithoutSchool>[0] }];
      const scans = scansWithoutSchool(explained.Plan, tables);
      if (scans.length) violations.push(`${s.request}: ${scans.join(', ')} — ${flat(s.text)}`);
    }
    expect(violations).toEqual([]);
  });

  // A school's read-model refresh follows every grade save, so on a Citus cluster a statement of it that named the
  // school through another row would cost each save 64 shard queries (the class sizes' correlated count and the
  // movements' grade did, issue 17's benchmark on the cluster). The cluster's half is in citus/routing.citus-spec.ts.
  it("plans every scan of a school-owned table in a school's read-model refresh with school_id = <one school>", async () => {
    const { statements: refresh } = await captureSchoolRefresh(t);
    const text = refresh.map((s) => s.text).join('\n');
    for (const table of [
      'reporting.subject_result',
      'reporting.class_size',
      'reporting.headcount',
      'reporting.school_state',
    ])
      expect(text).toContain(table);
    const tables = distributedTables();
    const violations: string[] = [];
    for (const s of refresh) {
      const [explained] = (await explainJson(t.owner, s)) as [{ Plan: Parameters<typeof scansWithoutSchool>[0] }];
      const scans = scansWithoutSchool(explained.Plan, tables);
      if (scans.length) violations.push(`${scans.join(', ')} — ${flat(s.text)}`);
    }
    expect(violations).toEqual([]);
  });

  it('would catch a correlated read that names the school through another row (the old student list)', async () => {
    const [row] = (await t.owner.query(`select school_id from student limit 1`)) as { school_id: string }[];
    const [explained] = (await explainJson(t.owner, {
      request: 'self-test',
      text: `select s.id, e.class_id from student s
               left join lateral (select e.class_id from enrolment e
                                   where e.school_id = s.school_id and e.student_id = s.id limit 1) e on true
              where s.school_id = $1`,
      params: [row.school_id],
    })) as [{ Plan: Parameters<typeof scansWithoutSchool>[0] }];
    expect(scansWithoutSchool(explained.Plan, distributedTables())).toEqual([expect.stringMatching(/on enrolment/)]);
  });
});

import { startTestApp, TestApp } from './harness';
import { captureSchoolRefresh } from './refresh-catalogue';
import { CapturedStatement, distributedTables, explainJson, scansWithoutSchool } from './routing-catalogue';

/**
 * A school's read-model refresh names its school on every school-owned table it reads (docs/scaling.md, "Writing
 * queries that distribute"): the refresh follows every grade save, so on a Citus cluster a statement of it that read
 * every shard would cost each save 64 shard queries (the class sizes' correlated count did, issue 17's benchmark on
 * the cluster). The cluster's half is citus/refresh-routing.citus-spec.ts; here, on plain PostgreSQL, the plan of each
 * statement is read for `school_id = <value>` on every scan, as routing.int-spec.ts does for the requests.
 */
describe('routing: a school’s read-model refresh names its school on every school-owned table', () => {
  let t: TestApp;
  let statements: CapturedStatement[];
  const flat = (text: string) => text.replace(/\s+/g, ' ').slice(0, 200);

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    ({ statements } = await captureSchoolRefresh(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('captures the refresh of every topic', () => {
    const text = statements.map((s) => s.text).join('\n');
    for (const table of [
      'reporting.subject_result',
      'reporting.class_size',
      'reporting.headcount',
      'reporting.school_state',
    ])
      expect(text).toContain(table);
    expect(statements.length).toBeGreaterThan(20);
  });

  it('plans every scan of a school-owned table with school_id = <one school>', async () => {
    const tables = distributedTables();
    const violations: string[] = [];
    for (const s of statements) {
      const [explained] = (await explainJson(t.owner, s)) as [{ Plan: Parameters<typeof scansWithoutSchool>[0] }];
      const scans = scansWithoutSchool(explained.Plan, tables);
      if (scans.length) violations.push(`${scans.join(', ')} — ${flat(s.text)}`);
    }
    expect(violations).toEqual([]);
  });
});

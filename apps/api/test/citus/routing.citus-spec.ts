import { startTestApp, TestApp } from '../harness';
import { CapturedStatement, captureSchoolRequests, exceptionFor, explainJson, taskCounts } from '../routing-catalogue';

/**
 * Routing on a Citus cluster (issue 17; docs/scaling.md, "Writing queries that distribute"): the API runs on the
 * coordinator, a school's users work in their own school (the catalogue of routing-catalogue.ts), and EXPLAIN of every
 * statement they sent, with its parameters, shows each distributed part on one shard (Task Count: 1). The statements
 * are captured from the requests themselves, so every request of the catalogue also has to succeed on the cluster.
 * The same catalogue's plain-PostgreSQL half is routing.int-spec.ts.
 */
describe('routing on a Citus cluster: a school-scoped request never fans out', () => {
  let t: TestApp;
  let statements: CapturedStatement[];
  const flat = (text: string) => text.replace(/\s+/g, ' ').slice(0, 200);

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    const [{ citus }] = await t.owner.query(`select count(*)::int as citus from pg_extension where extname = 'citus'`);
    if (!citus) throw new Error('this spec runs against a Citus coordinator (npm run test:citus)');
    ({ statements } = await captureSchoolRequests(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs every request of the catalogue on the cluster', () => {
    const requests = new Set(statements.map((s) => s.request));
    for (const r of [
      'GET students',
      'GET students?q',
      'GET student',
      'GET classes',
      'PUT grade sheet',
      'GET audit verify',
    ])
      expect(requests).toContain(r);
  });

  it('plans every statement on one shard (Task Count: 1)', async () => {
    const fannedOut: string[] = [];
    for (const s of statements) {
      if (exceptionFor(s.text)) continue;
      const counts = taskCounts(await explainJson(t.owner, s));
      if (counts.some((n) => n !== 1)) fannedOut.push(`${s.request}: tasks ${counts.join('+')} — ${flat(s.text)}`);
    }
    expect(fannedOut).toEqual([]);
  });
});

import { startTestApp, TestApp } from '../harness';
import { captureSchoolRefresh } from '../refresh-catalogue';
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
    // Not vacuous: most statements read a distributed table through Citus's executor, each on one shard.
    const routed = [];
    for (const s of statements) if (taskCounts(await explainJson(t.owner, s)).length) routed.push(s);
    expect(routed.length).toBeGreaterThan(statements.length / 2);
  });

  // The read model's refresh of a school follows every grade save, attendance day and import (the event worker runs
  // it), so each of its statements must stay on the school's shard too. The class sizes' correlated count
  // (`e.school_id = c.school_id`) read all 64 shards per refresh until it named the school as a value (issue 17's
  // benchmark on the cluster, docs/scaling.md). Plain PostgreSQL's half is in routing.int-spec.ts.
  it("plans every statement of a school's read-model refresh on one shard (Task Count: 1)", async () => {
    const { statements: refresh } = await captureSchoolRefresh(t);
    const fannedOut: string[] = [];
    const routed: string[] = [];
    for (const s of refresh) {
      const counts = taskCounts(await explainJson(t.owner, s));
      if (counts.length) routed.push(s.text);
      if (counts.some((n) => n !== 1)) fannedOut.push(`tasks ${counts.join('+')} — ${flat(s.text)}`);
    }
    expect(fannedOut).toEqual([]);
    // Not vacuous: most of the refresh reads and writes the school's distributed tables through Citus's executor.
    expect(routed.length).toBeGreaterThan(refresh.length / 2);
  });

  it('would see the old student list fan out to every shard (a lateral join naming the school through the row)', async () => {
    const [{ school_id: school }] = await t.owner.query(`select school_id from student limit 1`);
    const [{ shards }] = await t.owner.query(
      `select count(*)::int as shards from citus_shards where table_name = 'student'::regclass`,
    );
    const counts = taskCounts(
      await explainJson(t.owner, {
        request: 'self-test',
        text: `select s.id, e.class_id from student s
                 left join lateral (select e.class_id from enrolment e
                                     where e.school_id = s.school_id and e.student_id = s.id limit 1) e on true
                where s.school_id = $1`,
        params: [school],
      }),
    );
    expect(counts).toContain(shards);
  });
});

import { startTestApp, TestApp } from '../harness';
import { captureSchoolRefresh } from '../refresh-catalogue';
import { CapturedStatement, explainJson, taskCounts } from '../routing-catalogue';

/**
 * A school's read-model refresh on a Citus cluster (docs/scaling.md, "Writing queries that distribute"): the refresh
 * follows every grade save, attendance day and import, so each of its statements must run on the school's shard
 * alone (Task Count: 1). The class sizes' correlated count (`e.school_id = c.school_id`) read all 64 shards per
 * refresh until it named the school as a value (issue 17's benchmark on the cluster). Plain PostgreSQL's half:
 * refresh-routing.int-spec.ts.
 */
describe('routing on a Citus cluster: a school’s read-model refresh never fans out', () => {
  let t: TestApp;
  let statements: CapturedStatement[];
  const flat = (text: string) => text.replace(/\s+/g, ' ').slice(0, 200);

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    const [{ citus }] = await t.owner.query(`select count(*)::int as citus from pg_extension where extname = 'citus'`);
    if (!citus) throw new Error('this spec runs against a Citus coordinator (npm run test:citus)');
    ({ statements } = await captureSchoolRefresh(t));
  });
  afterAll(async () => {
    await t.close();
  });

  it('plans every statement of the refresh on one shard (Task Count: 1)', async () => {
    const fannedOut: string[] = [];
    const routed: string[] = [];
    for (const s of statements) {
      const counts = taskCounts(await explainJson(t.owner, s));
      if (counts.length) routed.push(s.text);
      if (counts.some((n) => n !== 1)) fannedOut.push(`tasks ${counts.join('+')} — ${flat(s.text)}`);
    }
    expect(fannedOut).toEqual([]);
    // Not vacuous: most of the refresh reads and writes the school's distributed tables through Citus's executor.
    expect(routed.length).toBeGreaterThan(statements.length / 2);
  });
});

import { Role } from '@emis/domain';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { refusalProblem } from './fuzz-requests';
import { bearer, startTestApp, TestApp } from './harness';
import { fixtureOf, Operation, OperationParameter, paramValue, readOperations, USERS } from './openapi-operations';
import { Fixture } from './role-matrix';
import { createWebDist, WEB_BUNDLE, WEB_INDEX } from './web-dist-fixture';

/** Express's JSON limit (body-parser's default, kept): anything larger is refused before it is parsed. */
const JSON_LIMIT_BYTES = 100 * 1024;

/**
 * Dates, months and years no calendar field accepts, for every query parameter of every read: PostgreSQL has no year
 * 0 and stops at 294276, so each one that slipped past a DTO became a 500 (`?month=0000-01` did).
 */
const DATE_EDGES = ['0000-01', '0000-01-01', '0000', '99999-12-31'];

/** The API as production wires it with the web app served on the same origin (docs/security/edge.md). */
describe('the API beside the web app it serves', () => {
  let t: TestApp;
  let operations: Operation[];
  const web = createWebDist();

  beforeAll(async () => {
    t = await startTestApp({ WEB_DIST_DIR: web.dir });
    operations = await readOperations(t);
  });
  afterAll(async () => {
    await t?.close();
    web.remove();
  });

  /** Every operation that reads a JSON body, at its path with fresh ids: the body parser answers before any route. */
  const jsonOperations = () =>
    operations
      .filter((op) => op.body?.mediaType === 'application/json')
      .map((op) => ({ op, path: op.path.replace(/\{\w+\}/g, () => randomUUID()) }));
  const send = (op: Operation, path: string) =>
    (t.http() as unknown as Record<string, (url: string) => import('supertest').Test>)[op.method](path);

  it('serves the web app: its shell at / and at any deep link (revalidated), its bundles as files', async () => {
    for (const path of ['/', '/hoc-sinh/danh-sach', '/index.html']) {
      const res = await t.http().get(path);
      expect({ path, status: res.status, type: res.headers['content-type'] }).toEqual({
        path,
        status: 200,
        type: expect.stringMatching(/^text\/html/),
      });
      expect(res.text).toBe(WEB_INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const bundle = await t.http().get(`/${WEB_BUNDLE}`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
  });

  it('answers an unknown /api address 404 problem+json, never with the web app', async () => {
    for (const path of ['/api/no-such-thing', '/api', '/api/schools/x/y/z']) {
      const res = await t.http().get(path);
      expect({ path, status: res.status, problem: refusalProblem(res) }).toEqual({
        path,
        status: 404,
        problem: undefined,
      });
    }
  });

  it('answers malformed JSON 400 malformed_json on every operation that takes JSON', async () => {
    const wrong: string[] = [];
    for (const { op, path } of jsonOperations()) {
      const res = await send(op, path).set('Content-Type', 'application/json').send('{"a":');
      if (res.status !== 400 || res.body?.code !== 'malformed_json' || refusalProblem(res))
        wrong.push(`${op.key}: ${res.status} ${String(res.text).slice(0, 120)}`);
    }
    expect(jsonOperations().length).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });

  it('answers a JSON body over the limit 413 body_too_large on every operation that takes JSON', async () => {
    const oversized = JSON.stringify({ note: 'x'.repeat(JSON_LIMIT_BYTES) });
    const wrong: string[] = [];
    for (const { op, path } of jsonOperations()) {
      const res = await send(op, path).set('Content-Type', 'application/json').send(oversized);
      if (res.status !== 413 || res.body?.code !== 'body_too_large' || refusalProblem(res))
        wrong.push(`${op.key}: ${res.status} ${String(res.text).slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("marks every API answer no-store — a list of pupils, a refusal, a problem — and not the web app's files", async () => {
    const f = await fixtureOf(t, 'THCS-NQ');
    const token = await t.login(USERS.SCHOOL_ADMIN);
    const answers: Record<string, Response> = {
      pupils: await t.http().get(`/api/schools/${f.schoolId}/students`).set(bearer(token)),
      pupil: await t.http().get(`/api/schools/${f.schoolId}/students/${f.studentId}`).set(bearer(token)),
      unsigned: await t.http().get(`/api/schools/${f.schoolId}/students`),
      unknown: await t.http().get('/api/no-such-thing'),
      health: await t.http().get('/api/health'),
    };
    expect(answers['pupils'].status).toBe(200);
    expect(answers['pupil'].status).toBe(200);
    const noStore = (res: Response) => /\bno-store\b/.test(String(res.headers['cache-control']));
    expect(Object.fromEntries(Object.entries(answers).map(([k, res]) => [k, noStore(res)]))).toEqual({
      pupils: true,
      pupil: true,
      unsigned: true,
      unknown: true,
      health: true,
    });
    expect(noStore(await t.http().get(`/${WEB_BUNDLE}`))).toBe(false);
  });

  it('never answers 5xx to a date, month or year out of range in any query parameter of any read', async () => {
    const f = await fixtureOf(t, 'THCS-NQ');
    const tokens = new Map<Role, string>();
    const tokenFor = async (role: Role) => tokens.get(role) ?? tokens.set(role, await t.login(USERS[role])).get(role)!;
    const reads = operations.filter((op) => op.method === 'get' && op.parameters.some(takesText));
    const failures: string[] = [];
    for (const op of reads) {
      const entry = op.entry;
      if (!entry) throw new Error(`${op.key} has no role-matrix entry`);
      const token = entry.roles === 'public' ? undefined : await tokenFor(entry.roles[0]);
      const sampleQuery = entry.sample?.(f).query ?? {};
      for (const name of op.parameters.filter(takesText).map((p) => p.name)) {
        for (const value of DATE_EDGES) {
          const res = await readWith(op, f, { ...sampleQuery, [name]: value }, token);
          if (res.status >= 500 || refusalProblem(res))
            failures.push(`${op.key}?${name}=${value}: ${res.status} ${String(res.text).slice(0, 160)}`);
        }
      }
    }
    expect(reads.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });

  /** A query parameter a date could be written into: not an id or a choice from a list (the fuzzer covers those). */
  function takesText(p: OperationParameter): boolean {
    return p.in === 'query' && p.schema?.format !== 'uuid' && !p.schema?.enum && p.schema?.type !== 'boolean';
  }

  function readWith(op: Operation, f: Fixture, query: Record<string, string>, token: string | undefined) {
    const path = op.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(paramValue(n, f)));
    const req = t.http().get(path).query(query);
    return token ? req.set(bearer(token)) : req;
  }
});

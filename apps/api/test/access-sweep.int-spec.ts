import { Role, ROLES } from '@emis/domain';
import { bearer, startTestApp, TestApp } from './harness';
import { readTestEnv } from './test-env';

/**
 * The declared role matrix: who may call each operation of the API. Written by hand, independently of the
 * permission table the guards read, so a change to either one shows up here. An operation in the OpenAPI
 * document without an entry fails the test: a new endpoint must be placed in the matrix.
 */
const ANY: readonly Role[] = ROLES;
const MATRIX: Record<string, readonly Role[] | 'public'> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/mfa/verify': 'public',
  'POST /api/auth/mfa/enroll/start': 'public',
  'POST /api/auth/mfa/enroll/confirm': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/password': ANY,
  'GET /api/auth/me': ANY,
  'GET /api/org-units/tree': ANY,
  'GET /api/org-units/scope-summary': ANY,
  'GET /api/schools': ANY,
  'GET /api/schools/{id}': ANY,
  'PATCH /api/schools/{id}/profile': ['DEPARTMENT_ADMIN', 'SCHOOL_ADMIN'],
  'GET /api/audit': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
  'GET /api/audit/verify': ['DEPARTMENT_ADMIN', 'SCHOOL_ADMIN'],
};

/** One demo user per role, each with THCS Như Quỳnh in scope and THCS Khoái Châu outside it (for the units). */
const USERS: Record<Role, string> = {
  DEPARTMENT_ADMIN: 'admin.so',
  DEPARTMENT_OFFICER: 'chuyenvien.so',
  UNIT_OFFICER: 'chuyenvien.vanlam',
  SCHOOL_ADMIN: 'hieutruong.nhuquynh',
  ACCOUNTANT: 'ketoan.nhuquynh',
  TEACHER: 'giaovien.nhuquynh',
};

interface Operation {
  key: string;
  method: string;
  path: string;
  parameters: { name: string; in: string }[];
}

/**
 * Run twice: as deployed (API scope checks and PostgreSQL RLS), and with the API connected as the owner, whom RLS
 * does not restrict, so the API's own scope checks must hold on their own. RLS on its own is proven in
 * tenant-isolation.int-spec.ts with raw queries.
 */
describe.each([
  ['both layers', () => ({})],
  ['the API layer alone (RLS bypassed)', () => ({ DATABASE_APP_URL: readTestEnv().ownerUrl })],
])('access sweep over the OpenAPI document, %s', (_layers, overrides) => {
  let t: TestApp;
  let operations: Operation[];
  const tokens = new Map<Role, string>();
  let own: string;
  let foreign: string;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_THROTTLE_LIMIT: '1000', ...overrides() });
    const doc = (await t.http().get('/api/docs-json')).body as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, parameters: op.parameters ?? [] })),
    );
    for (const role of ROLES) tokens.set(role, await t.login(USERS[role]));
    own = await t.unitId('THCS-NQ');
    foreign = await t.unitId('THCS-KC');
  });
  afterAll(() => t.close());

  it('has a role-matrix entry for every operation, and no entry for an operation that is gone', () => {
    expect(operations.map((o) => o.key).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('refuses every non-public operation without a session', async () => {
    for (const op of operations.filter((o) => MATRIX[o.key] !== 'public')) {
      const res = await call(op, undefined, own);
      expect({ op: op.key, status: res.status }).toEqual({ op: op.key, status: 401 });
    }
  });

  it('allows exactly the roles of the matrix, for every role and operation', async () => {
    for (const op of operations.filter((o) => MATRIX[o.key] !== 'public' && o.key !== 'POST /api/auth/password')) {
      const allowed = MATRIX[op.key] as readonly Role[];
      for (const role of ROLES) {
        const res = await call(op, tokens.get(role), own);
        const verdict = res.status === 403 ? 'denied' : res.status < 300 ? 'allowed' : `status ${res.status}`;
        expect({ op: op.key, role, verdict }).toEqual({ op: op.key, role, verdict: allowed.includes(role) ? 'allowed' : 'denied' });
      }
    }
  });

  it("never lets a role reach another school's objects through ids in paths, queries or headers", async () => {
    const [before] = await t.owner.query(`select version, phone from school_profile where school_id = $1`, [foreign]);
    for (const op of operations.filter((o) => MATRIX[o.key] !== 'public')) {
      const takesId = op.path.includes('{id}') || op.parameters.some((p) => ['schoolId', 'unitId'].includes(p.name));
      for (const role of ['UNIT_OFFICER', 'SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER'] as Role[]) {
        const token = tokens.get(role);
        if (takesId) {
          const res = await call(op, token, foreign);
          expect({ op: op.key, role, reached: res.status < 300 }).toEqual({ op: op.key, role, reached: false });
        }
        const switched = await call(op, token, own, foreign);
        expect({ op: op.key, role, switchedInto: switched.status < 300 }).toEqual({ op: op.key, role, switchedInto: false });
      }
    }
    const [after] = await t.owner.query(`select version, phone from school_profile where school_id = $1`, [foreign]);
    expect(after).toEqual(before);
  });

  /** Calls an operation with `target` for every id, school or unit parameter, and a well-formed body. */
  async function call(op: Operation, token: string | undefined, target: string, orgUnitHeader?: string) {
    const path = op.path.replace('{id}', target);
    const query = op.parameters.filter((p) => p.in === 'query' && ['schoolId', 'unitId'].includes(p.name)).map((p) => `${p.name}=${target}`);
    const url = query.length ? `${path}?${query.join('&')}` : path;
    const body = op.key === 'PATCH /api/schools/{id}/profile'
      ? { version: (await t.owner.query(`select version from school_profile where school_id = $1`, [target]))[0]?.version ?? 1 }
      : {};
    let req = (t.http() as unknown as Record<string, (u: string) => import('supertest').Test>)[op.method](url);
    if (token) req = req.set(bearer(token));
    if (orgUnitHeader) req = req.set('X-Org-Unit', orgUnitHeader);
    return op.method === 'get' ? req : req.send(body);
  }
});

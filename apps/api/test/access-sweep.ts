import { Role, ROLES } from '@emis/domain';
import type { Test } from 'supertest';
import { bearer, startTestApp, TestApp } from './harness';
import { fixtureOf, Operation, paramValue, readOperations, USERS } from './openapi-operations';
import { Fixture, ROLE_MATRIX } from './role-matrix';
import { readTestEnv } from './test-env';

const SCHOOL_BOUND: Role[] = ['UNIT_OFFICER', 'SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER'];

/** Operations per it(): each block stays small, and the calls keep the document's order across blocks. */
const SLICE = 12;
const SLICE_COUNT = Math.ceil(Object.keys(ROLE_MATRIX).length / SLICE);
/** Slice i: its place in the document's operations (the last also takes any beyond the matrix, which the first test reports). */
const SLICES = Array.from({ length: SLICE_COUNT }, (_, i) => {
  const last = i === SLICE_COUNT - 1;
  return {
    label: `operations ${i * SLICE + 1} to ${last ? 'the last' : (i + 1) * SLICE}`,
    of: (ops: Operation[]) => ops.slice(i * SLICE, last ? undefined : (i + 1) * SLICE),
  };
});

/**
 * The access sweep over the OpenAPI document, on a copy of the seeded database of its own (the sweep writes): as
 * deployed (API scope checks and PostgreSQL RLS), or with the API connected as the owner, whom RLS does not
 * restrict, so that the API's own scope checks must hold by themselves. RLS by itself is proven in
 * tenant-isolation.int-spec.ts with raw queries. Each run is a spec file of its own so that Jest's workers run the
 * two side by side; within a run the operations are swept in slices of SLICE, in document order.
 */
export function describeAccessSweep(layers: string, bypassRls: boolean, database: string): void {
  describe(`access sweep over the OpenAPI document, ${layers}`, () => {
    let t: TestApp;
    let operations: Operation[];
    const tokens = new Map<Role, string>();
    let own: Fixture;
    let foreign: Fixture;

    beforeAll(async () => {
      const url = new URL(readTestEnv().ownerUrl);
      url.pathname = `/${database}`;
      t = await startTestApp({
        DATABASE_URL: url.toString(),
        AUTH_THROTTLE_LIMIT: '10000',
        ...(bypassRls ? { DATABASE_APP_URL: url.toString() } : {}),
      });
      operations = await readOperations(t);
      for (const role of ROLES) tokens.set(role, await t.login(USERS[role]));
      own = await fixtureOf(t, 'THCS-NQ');
      foreign = await fixtureOf(t, 'THCS-KC');
    });
    afterAll(() => t.close());

    it('has a role-matrix entry for every operation, and no entry for an operation that is gone', () => {
      expect(operations.filter((o) => !o.entry).map((o) => o.key)).toEqual([]);
      const documented = new Set(operations.map((o) => o.key));
      expect(Object.keys(ROLE_MATRIX).filter((key) => !documented.has(key))).toEqual([]);
    });

    it('refuses every non-public operation without a session', async () => {
      for (const op of operations.filter((o) => o.entry?.roles !== 'public')) {
        const res = await call(op, undefined, own);
        expect({ op: op.key, status: res.status }).toEqual({ op: op.key, status: 401 });
      }
    });

    it.each(SLICES)(
      'lets exactly the roles of the matrix past the permission check, and never answers 500: $label',
      async ({ of }) => {
        for (const op of of(operations).filter(
          (o) => o.entry?.roles !== 'public' && o.key !== 'POST /api/auth/password',
        )) {
          const allowed = op.entry!.roles as readonly Role[];
          for (const role of ROLES) {
            const res = await call(op, tokens.get(role), own);
            const verdict = res.status === 403 ? 'denied' : res.status >= 500 ? `failed ${res.status}` : 'allowed';
            expect({ op: op.key, role, verdict }).toEqual({
              op: op.key,
              role,
              verdict: allowed.includes(role) ? 'allowed' : 'denied',
            });
          }
        }
      },
    );

    it.each(SLICES)(
      "never lets a role reach another school's objects through ids in paths, queries or the view header: $label",
      async ({ of }) => {
        const before = await snapshot(foreign.schoolId);
        for (const op of of(operations).filter((o) => o.entry?.roles !== 'public')) {
          for (const role of SCHOOL_BOUND) {
            const token = tokens.get(role);
            if (!op.entry!.provinceWide) {
              // Everything of the other school, and the other school's objects under the caller's own school.
              const whole = await call(op, token, foreign);
              expect({ op: op.key, role, reached: whole.status < 300 }).toEqual({ op: op.key, role, reached: false });
              if (
                op.path.includes('{schoolId}') &&
                /\{(studentId|classId|staffId|transferId|jobId|correctionId|assetId|locationId|attachmentId|inventoryId|lineId|loanId)\}/.test(
                  op.path,
                )
              ) {
                const mixed = await call(op, token, { ...foreign, schoolId: own.schoolId });
                expect({ op: op.key, role, reachedMixed: mixed.status < 300 }).toEqual({
                  op: op.key,
                  role,
                  reachedMixed: false,
                });
              }
            }
            const switched = await call(op, token, own, foreign.schoolId);
            expect({ op: op.key, role, switchedInto: switched.status < 300 }).toEqual({
              op: op.key,
              role,
              switchedInto: false,
            });
          }
        }
        expect(await snapshot(foreign.schoolId)).toEqual(before);
      },
    );

    /** Calls an operation on the objects of `f`, with the matrix's sample request. */
    async function call(op: Operation, token: string | undefined, f: Fixture, orgUnitHeader?: string) {
      const sample = op.entry?.sample?.(f) ?? {};
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => paramValue(name, f));
      const query = {
        ...Object.fromEntries(
          op.parameters
            .filter((p) => p.in === 'query' && ['schoolId', 'unitId'].includes(p.name))
            .map((p) => [p.name, f.schoolId]),
        ),
        ...sample.query,
      };
      const qs = new URLSearchParams(query).toString();
      let req = (t.http() as unknown as Record<string, (u: string) => Test>)[op.method](qs ? `${path}?${qs}` : path);
      if (token) req = req.set(bearer(token));
      if (orgUnitHeader) req = req.set('X-Org-Unit', orgUnitHeader);
      return op.method === 'get' || op.method === 'delete' ? req : req.send((sample.body ?? {}) as object);
    }

    /** What the sweep could have changed at the other school, to prove it changed nothing. */
    async function snapshot(schoolId: string) {
      const counts: Record<string, unknown> = {};
      // security_event names the school a refused attempt aimed at in target_unit_id, not school_id: the sweep's
      // refusals are recorded there by design (docs/security/coverage.md), and it is not the school's own data.
      const tables: { table_name: string }[] = await t.owner.query(
        `select table_name from information_schema.columns
          where table_schema = 'public' and column_name = 'school_id'
          order by table_name`,
      );
      for (const { table_name } of tables) {
        const [row] = await t.owner.query(
          `select count(*)::int as n, md5(coalesce(string_agg(x::text, '' order by x::text), '')) as h from ${table_name} x where school_id = $1`,
          [schoolId],
        );
        counts[table_name] = row;
      }
      return counts;
    }
  });
}

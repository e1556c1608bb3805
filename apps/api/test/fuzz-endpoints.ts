import { Role } from '@emis/domain';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { checksum, createFuzzDatabase, lastWrite, NotedWrite, writesSince } from './fuzz-database';
import { casesFor, describeCase, FuzzRequest, refusalProblem, send } from './fuzz-requests';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { fixtureOf, Operation, readOperations, USERS } from './openapi-operations';
import { Fixture, ROLE_MATRIX, SampleRequest } from './role-matrix';
import { HANG_GUARD_MS } from './test-env';

/**
 * Cases per operation: 100 in CI, with a new seed every run, so the runs add up (at 200 the two shards had grown to
 * 63 % of the integration step's time as operations were added: README, "Fuzzing"); FUZZ_RUNS=5000 for a longer
 * hunt, FUZZ_SEED to replay a reported failure.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const MUTATING = new Set(['post', 'put', 'patch', 'delete']);
const THROWAWAY_PASSWORD = 'Thu@2026-fuzz';

/**
 * Tables a refused request may write by design, per operation. A wrong password or second-factor code is counted
 * (sign_in_failure, per unknown name sign_in_unknown_failure, per address sign_in_address_failure), may soft-lock the
 * account (app_user) and end its sessions (refresh_token, user_session), and is audited as LOGIN_FAILED (AuthService):
 * writing these on a 401 is the point of the backoff and of the audit trail, not a partial write.
 */
const SIGN_IN_FAILURE = [
  'app_user',
  'audit_log',
  'audit_chain_head',
  'sign_in_failure',
  'sign_in_unknown_failure',
  'sign_in_address_failure',
  'refresh_token',
  'user_session',
];
/**
 * The personal-data guard (docs/security/guard.md): a request past a read budget or the export limit is refused
 * (429) and blocks its user until the window frees up, alerting once (security_event); an export counts against the
 * daily limit once admitted, even when the read budget then refuses it.
 */
const PERSONAL_DATA_REFUSAL = ['personal_data_block', 'personal_data_export', 'security_event'];
const WRITES_BY_DESIGN: Record<string, string[]> = {
  'GET /api/schools/{schoolId}/students': PERSONAL_DATA_REFUSAL,
  'GET /api/schools/{schoolId}/students/{studentId}': PERSONAL_DATA_REFUSAL,
  'GET /api/schools/{schoolId}/students/export.xlsx': PERSONAL_DATA_REFUSAL,
  'GET /api/schools/{schoolId}/staff': PERSONAL_DATA_REFUSAL,
  'GET /api/schools/{schoolId}/staff/{staffId}': PERSONAL_DATA_REFUSAL,
  'GET /api/schools/{schoolId}/staff/export.xlsx': PERSONAL_DATA_REFUSAL,
  // Charged to the read budget too since issue 14's follow-up (docs/security/guard.md, "Which reads are charged").
  'GET /api/schools/{schoolId}/classes/{classId}': PERSONAL_DATA_REFUSAL,
  'GET /api/schools/{schoolId}/classes/{classId}/gradebook/{semester}/{subjectCode}': PERSONAL_DATA_REFUSAL,
  'GET /api/schools/{schoolId}/classes/{classId}/results': PERSONAL_DATA_REFUSAL,
  'GET /api/schools/{schoolId}/classes/{classId}/results/export.xlsx': PERSONAL_DATA_REFUSAL,
  'GET /api/schools/{schoolId}/gradebook/export.xlsx': PERSONAL_DATA_REFUSAL,
  'GET /api/students/search': PERSONAL_DATA_REFUSAL,
  'POST /api/auth/login': SIGN_IN_FAILURE,
  'POST /api/auth/password': SIGN_IN_FAILURE,
  'POST /api/auth/mfa/re-enroll/start': SIGN_IN_FAILURE,
  'POST /api/auth/mfa/recovery-codes': SIGN_IN_FAILURE,
};
/** Operations that prove the caller's password or second factor: fuzzed on the throwaway account (failures count). */
const OWN_ACCOUNT_PROOFS = new Set([
  'POST /api/auth/mfa/re-enroll/start',
  'POST /api/auth/mfa/re-enroll/confirm',
  'POST /api/auth/mfa/recovery-codes',
]);

/** A variant of the run: fewer cases, and the application configured otherwise (e.g. with the web app served). */
export interface FuzzMode {
  runs?: number;
  overrides?: Record<string, string>;
  title?: string;
}

/**
 * Generated bad input for every operation of the OpenAPI document, on a seeded database of the spec's own: no
 * answer is a 500 (or any 5xx), every refusal is problem+json, and no refused request leaves a committed write.
 * The operations are dealt to `shards` spec files (fuzz.int-spec.ts, fuzz-shard2.int-spec.ts) so that Jest's two
 * workers share them; each shard has its own database and application.
 */
export function fuzzOperations(shard: number, shards: number, mode: FuzzMode = {}): void {
  const runs = mode.runs ?? RUNS;
  const keys = Object.keys(ROLE_MATRIX)
    .sort()
    .filter((_, i) => i % shards === shard);
  const title = `fuzzing the operations with generated bad input (fast-check)${mode.title ?? ''}, shard ${shard + 1} of ${shards}`;
  describe(title, () => {
    let t: TestApp;
    let dropDatabase: () => Promise<void>;
    let operations: Map<string, Operation>;
    let f: Fixture;
    const tokens = new Map<Role, string>();
    let throwaway: { username: string; token: string };

    beforeAll(async () => {
      const db = await createFuzzDatabase();
      dropDatabase = db.drop;
      // No event worker: the relay and the subscribers write (outbox publication, their reactions) outside any request,
      // on their own clock, and the write log would pin those writes on whichever case runs then. A request's own
      // outbox row is still logged, so a refused request that published an event is still caught.
      t = await startTestApp({
        DATABASE_URL: db.url,
        AUTH_THROTTLE_LIMIT: '1000000',
        EVENT_WORKER: 'off',
        ...mode.overrides,
      });
      operations = new Map((await readOperations(t)).map((op) => [op.key, op]));
      for (const role of new Set(
        Object.values(ROLE_MATRIX).flatMap((e) => (e.roles === 'public' ? [] : [e.roles[0]])),
      )) {
        tokens.set(role, await t.login(USERS[role]));
      }
      f = await fixtureOf(t, 'THCS-NQ');
      // The sign-in and password operations are fuzzed on an account of their own: wrong passwords lock it.
      const username = await createUser(t, 'TEACHER', 'THCS-NQ', THROWAWAY_PASSWORD);
      throwaway = { username, token: await t.login(username, THROWAWAY_PASSWORD) };
    });
    afterAll(async () => {
      await t?.close();
      await dropDatabase?.();
    });

    it('fuzzes exactly the operations of the document (the role matrix names each one)', () => {
      expect([...operations.keys()].sort()).toEqual(Object.keys(ROLE_MATRIX).sort());
    });

    it.each(keys)('%s: never 5xx, refusals are problem+json, and a refusal writes nothing', async (key) => {
      const op = operations.get(key);
      if (!op) throw new Error(`${key} is not in the OpenAPI document`);
      const { token, sample } = callerOf(op);
      let mark = await settledWrites();
      const before = MUTATING.has(op.method) ? await checksum(t, f.schoolId) : undefined;
      const sent: SentCase[] = [];
      const details = await fc.check(
        fc.asyncProperty(casesFor(op, f, sample), async (c) => {
          const at = Date.now();
          const res = await sendOrDescribe(op, c, token);
          if (res.status >= 500) throw new Error(`answered ${res.status}: ${String(res.text).slice(0, 500)}`);
          const malformed = refusalProblem(res);
          if (malformed) throw new Error(malformed);
          sent.push({ at, status: res.status, code: res.body?.code, c });
          if (res.status === 202 && res.body?.id) await jobFinished(c.path, res.body.id, token);
          const now = await lastWrite(t);
          if (now !== mark) assertNoRefusedWrite(key, sent, await writesSince(t, mark));
          mark = now;
        }),
        { numRuns: runs, seed: SEED },
      );
      if (details.failed) {
        throw new Error(
          `${key}: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\n` +
            `case: ${describeCase(details.counterexample?.[0])}\n` +
            `replay: FUZZ_SEED=${details.seed} (path ${details.counterexamplePath}), after ${details.numRuns} runs and ${details.numShrinks} shrinks`,
        );
      }
      // The per-case check relies on the write log; when every case was refused, the school's own rows prove it too.
      if (before && sent.every((s) => s.status >= 400)) {
        await settledWrites();
        const byDesign = (sums: Record<string, string>) =>
          Object.fromEntries(Object.entries(sums).filter(([table]) => !(WRITES_BY_DESIGN[key] ?? []).includes(table)));
        expect(byDesign(await checksum(t, f.schoolId))).toEqual(byDesign(before));
      }
    });

    /** The operation's first allowed role and its sample; the account operations use the throwaway account. */
    function callerOf(op: Operation): { token: string | undefined; sample: SampleRequest } {
      const entry = ROLE_MATRIX[op.key];
      if (op.key === 'POST /api/auth/login')
        return { token: undefined, sample: { body: { username: throwaway.username, password: 'Sai-mat-khau-1' } } };
      if (op.key === 'POST /api/auth/password') {
        return {
          token: throwaway.token,
          sample: { body: { currentPassword: 'Sai-mat-khau-1', newPassword: 'Moi@2026-khac' } },
        };
      }
      if (OWN_ACCOUNT_PROOFS.has(op.key)) return { token: throwaway.token, sample: entry.sample?.(f) ?? {} };
      const token = entry.roles === 'public' ? undefined : tokens.get(entry.roles[0]);
      return { token, sample: entry.sample?.(f) ?? {} };
    }

    async function sendOrDescribe(op: Operation, c: FuzzRequest, token: string | undefined): Promise<Response> {
      try {
        return await send(t, op, c, token);
      } catch (error) {
        // No answer at all (a hang or a dropped connection) is as bad as a 500.
        throw new Error(`no answer: ${(error as Error).message}`);
      }
    }

    /** The last write once writing has stopped (a streamed export commits its audit row just after its last byte). */
    async function settledWrites(): Promise<number> {
      let last = await lastWrite(t);
      for (let i = 0; i < 25; i++) {
        await new Promise((r) => setTimeout(r, 20));
        const now = await lastWrite(t);
        if (now === last) return now;
        last = now;
      }
      return last;
    }

    /**
     * An accepted job (an upload, a report workbook): it runs before the next case, so its writes are never taken for
     * the next case's.
     */
    async function jobFinished(path: string, jobId: string, token: string | undefined): Promise<void> {
      // A province's import (/api/finance-config/…/import) is a job of the department's own org unit.
      const schoolId = /\/api\/schools\/([^/]+)\//.exec(path)?.[1] ?? (await t.unitId('SGDDT-HY'));
      // A wear run (…/asset-wear/runs) is followed at its own address, like a report job.
      const statusUrl = path.startsWith('/api/reports/jobs')
        ? `/api/reports/jobs/${jobId}`
        : path.endsWith('/asset-wear/runs')
          ? `${path}/${jobId}`
          : `/api/schools/${schoolId}/imports/${jobId}`;
      for (const until = Date.now() + HANG_GUARD_MS; Date.now() < until; await new Promise((r) => setTimeout(r, 25))) {
        const res = await t.http().get(statusUrl).set(bearer(token!));
        if (res.body?.status === 'DONE' || res.body?.status === 'FAILED') return;
      }
      throw new Error(`job ${jobId} did not finish within ${HANG_GUARD_MS / 1000} s`);
    }
  });
}

interface SentCase {
  /** When the request left (ms): every transaction it opened began after this, and before the next case left. */
  at: number;
  status: number;
  code?: string;
  c: FuzzRequest;
}

/**
 * Each noted write belongs to the case that was sent last before its transaction began — not necessarily the latest
 * case: a streamed export commits its audit row after its answer has gone. A write of a refused case fails.
 */
function assertNoRefusedWrite(key: string, sent: SentCase[], writes: NotedWrite[]): void {
  for (const w of writes) {
    const owner = [...sent].reverse().find((s) => s.at <= w.txAt);
    if (!owner || owner.status < 400 || (WRITES_BY_DESIGN[key] ?? []).includes(w.tbl)) continue;
    // Every refusal may be recorded as a security event, and many of them alerted (docs/security/coverage.md).
    if (w.tbl === 'security_event' && w.op === 'INSERT') continue;
    const which = owner === sent[sent.length - 1] ? 'this case' : `an earlier case, ${describeCase(owner.c)}`;
    throw new Error(`${which} answered ${owner.status} (${owner.code}) but committed ${w.op} on ${w.tbl}`);
  }
}

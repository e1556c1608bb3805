import { SecretBox } from '@emis/api/identity';
import type { Response } from 'supertest';
import { DEMO_PASSWORD } from '../src/seed/demo-province.data';
import { createFuzzDatabase } from './fuzz-database';
import { bearer, createUser, freshAddress, startTestApp, TestApp } from './harness';
import { issueRecoveryCode, totp, totpAhead } from './totp';

/** Sign-in that holds up (docs/domain/sign-in.md): each test uses its own users and its own client addresses. */
describe('sign-in hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_THROTTLE_LIMIT: '1000', ADDRESS_FAILURE_LIMIT: '6', SOFT_LOCK_THRESHOLD: '10' });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, from = freshAddress()) =>
    t.http().post('/api/auth/login').set(from).send({ username, password });
  const verify = (body: Record<string, string>, from = freshAddress()) =>
    t.http().post('/api/auth/mfa/verify').set(from).send(body);

  /** A fresh user whose role asks for a second factor, enrolled with its own authenticator secret. */
  async function enrolledAdmin(
    secret = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
  ): Promise<{ username: string; secret: string }> {
    const username = await createUser(t, 'SCHOOL_ADMIN', 'THCS-NQ');
    const box = new SecretBox(t.config.MFA_ENCRYPTION_KEY ?? t.config.JWT_SECRET);
    await t.owner.query(`update app_user set mfa_secret = $2, mfa_enabled = true where username = $1`, [
      username,
      box.seal(secret),
    ]);
    return { username, secret };
  }

  interface Answer {
    status: number;
    code: string;
    title: string;
  }

  /**
   * Wrong attempts from one address until one is refused with 429 (the backoff's first wait is one second, so on a
   * slow machine an attempt may come after it and count as the next failure): the answers, the refusal, its wait.
   */
  async function untilRefused(
    attempt: (i: number, from: { 'X-Forwarded-For': string }) => PromiseLike<Response>,
  ): Promise<{ answers: Answer[]; refusal: Answer; retryAfter: number; from: { 'X-Forwarded-For': string } }> {
    const from = freshAddress();
    const answers: Answer[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await attempt(i, from);
      const answer = { status: res.status, code: res.body.code, title: res.body.title };
      if (res.status === 429) {
        expect(res.headers['retry-after']).toBe(String(res.body.retryAfter));
        return { answers, refusal: answer, retryAfter: res.body.retryAfter, from };
      }
      answers.push(answer);
    }
    throw new Error(`no backoff after 8 failures: ${JSON.stringify(answers)}`);
  }

  async function auditActions(username: string): Promise<string[]> {
    const rows: { action: string }[] = await t.owner.query(
      `select action from audit_log where entity = 'app_user'
          and entity_id = (select id::text from app_user where username = $1) order by seq`,
      [username],
    );
    return rows.map((r) => r.action);
  }

  describe('the second factor', () => {
    it('accepts a TOTP code once: the same code again is refused, the next step is accepted', async () => {
      const { username, secret } = await enrolledAdmin();
      const code = totp(secret);
      const first = await login(username, DEMO_PASSWORD);
      expect((await verify({ mfaToken: first.body.mfaToken, code })).status).toBe(200);
      const second = await login(username, DEMO_PASSWORD);
      const replay = await verify({ mfaToken: second.body.mfaToken, code });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('invalid_mfa_code');
      expect((await verify({ mfaToken: second.body.mfaToken, code: totpAhead(secret, 1) })).status).toBe(200);
    });

    it('lets an MFA token serve one sign-in only', async () => {
      const { username } = await enrolledAdmin();
      const first = await login(username, DEMO_PASSWORD);
      const recoveryCode = await issueRecoveryCode(t.owner, username);
      expect((await verify({ mfaToken: first.body.mfaToken, recoveryCode })).status).toBe(200);
      const again = await verify({
        mfaToken: first.body.mfaToken,
        recoveryCode: await issueRecoveryCode(t.owner, username),
      });
      expect(again.status).toBe(401);
      expect(again.body.code).toBe('session_expired');
    });

    it('accepts a recovery code for one sign-in, typed in any case', async () => {
      const { username } = await enrolledAdmin();
      const code = await issueRecoveryCode(t.owner, username);
      const first = await login(username, DEMO_PASSWORD);
      expect((await verify({ mfaToken: first.body.mfaToken, recoveryCode: code.toLowerCase() })).status).toBe(200);
      const second = await login(username, DEMO_PASSWORD);
      const reused = await verify({ mfaToken: second.body.mfaToken, recoveryCode: code });
      expect(reused.status).toBe(401);
      expect(reused.body.code).toBe('invalid_mfa_code');
    });

    it('replaces the authenticator only after the current factor, with new recovery codes', async () => {
      const { username, secret } = await enrolledAdmin();
      const token = await t.login(username);
      const start = (body: object) =>
        t.http().post('/api/auth/mfa/re-enroll/start').set(bearer(token)).set(freshAddress()).send(body);
      expect((await start({})).status).toBe(400);
      const wrong = await start({ code: '000000' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('invalid_mfa_code');
      const started = await start({ code: totpAhead(secret, 1) });
      expect(started.status).toBe(200);
      expect(started.body.secret).not.toBe(secret);
      // Until confirmed, the old authenticator stays the one in use.
      const [pending] = await t.owner.query(
        `select mfa_pending_secret is not null as pending from app_user where username = $1`,
        [username],
      );
      expect(pending.pending).toBe(true);
      const confirmed = await t
        .http()
        .post('/api/auth/mfa/re-enroll/confirm')
        .set(bearer(token))
        .send({ code: totp(started.body.secret) });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.codes).toHaveLength(10);
      const next = await login(username, DEMO_PASSWORD);
      expect((await verify({ mfaToken: next.body.mfaToken, code: totp(secret) })).status).toBe(401);
      const newCode = totpAhead(started.body.secret, 1);
      expect((await verify({ mfaToken: next.body.mfaToken, code: newCode })).status).toBe(200);
      const third = await login(username, DEMO_PASSWORD);
      expect((await verify({ mfaToken: third.body.mfaToken, recoveryCode: confirmed.body.codes[0] })).status).toBe(200);
      expect(await auditActions(username)).toContain('MFA_ENROLLED');
    });

    it('issues new recovery codes after the current factor, and the old ones stop working', async () => {
      const { username } = await enrolledAdmin();
      const old = await issueRecoveryCode(t.owner, username);
      const token = await t.login(username);
      const renewed = await t
        .http()
        .post('/api/auth/mfa/recovery-codes')
        .set(bearer(token))
        .set(freshAddress())
        .send({ recoveryCode: await issueRecoveryCode(t.owner, username) });
      expect(renewed.status).toBe(200);
      expect(renewed.body.codes).toHaveLength(10);
      expect(new Set(renewed.body.codes).size).toBe(10);
      const next = await login(username, DEMO_PASSWORD);
      expect((await verify({ mfaToken: next.body.mfaToken, recoveryCode: old })).status).toBe(401);
      expect((await verify({ mfaToken: next.body.mfaToken, recoveryCode: renewed.body.codes[3] })).status).toBe(200);
      const [hashes] = await t.owner.query(
        `select bool_and(code_hash !~* $2) as none_in_clear from mfa_recovery_code where user_id = (select id from app_user where username = $1)`,
        [username, renewed.body.codes[0].replace(/-/g, '')],
      );
      expect(hashes.none_in_clear).toBe(true);
    });
  });

  describe('failed sign-ins', () => {
    it('backs off per user and address after three failures, the same for a name that does not exist', async () => {
      const username = await createUser(t, 'TEACHER', 'THCS-NQ');
      const real = await untilRefused((i, from) => login(username, `Sai mat khau ${i}`, from));
      const unknown = await untilRefused((i, from) => login(`${username}.khong.co`, `Sai mat khau ${i}`, from));
      expect(unknown.answers.slice(0, 3)).toEqual(real.answers.slice(0, 3));
      expect(real.answers.slice(0, 3).map((a) => a.status)).toEqual([401, 401, 401]);
      expect(unknown.refusal).toEqual(real.refusal);
      expect(real.refusal).toEqual({ status: 429, code: 'sign_in_backoff', title: expect.any(String) });
      expect(real.retryAfter).toBeGreaterThanOrEqual(1);
      // Another address is not slowed down by this one's guesses; this one is, until the wait is over.
      expect((await login(username, DEMO_PASSWORD)).status).toBe(200);
      await new Promise((r) => setTimeout(r, real.retryAfter * 1000 + 100));
      expect((await login(username, DEMO_PASSWORD, real.from)).status).toBe(200);
    });

    it('refuses an address that sprays passwords over many user names (429 with Retry-After)', async () => {
      const from = freshAddress();
      for (let i = 0; i < 6; i++) {
        const res = await login(`spray.${process.pid}.${i}.${Date.now()}`, 'Mua thu Ha Noi 2026', from);
        expect(res.status).toBe(401);
      }
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const refused = await login(user, DEMO_PASSWORD, from);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('sign_in_throttled');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
      expect((await login(user, DEMO_PASSWORD)).status).toBe(200);
    });

    it('counts again from one once a window is over: per user, per unknown name and per address', async () => {
      const username = await createUser(t, 'TEACHER', 'THCS-NQ');
      const unknown = `${username}.khong.co`;
      const from = freshAddress();
      expect((await login(username, 'Sai mat khau 1', from)).status).toBe(401);
      expect((await login(unknown, 'Sai mat khau 1', from)).status).toBe(401);
      const [user] = await t.owner.query(`select id from app_user where username = $1`, [username]);
      const [{ address }] = await t.owner.query(`select address from sign_in_failure where user_id = $1`, [user.id]);
      // As if the user's and the name's counts were last raised 25 hours ago (outside the 24-hour window) and the
      // address's window had opened 16 minutes ago (outside its 15 minutes), each with failures to spare.
      await t.owner.query(
        `update sign_in_failure set failures = 9, last_failure_at = now() - interval '25 hours' where user_id = $1`,
        [user.id],
      );
      await t.owner.query(
        `update sign_in_unknown_failure set failures = 9, last_failure_at = now() - interval '25 hours'
          where address = $1`,
        [address],
      );
      await t.owner.query(
        `update sign_in_address_failure set failures = 5, window_started_at = now() - interval '16 minutes'
          where address = $1`,
        [address],
      );
      expect((await login(username, 'Sai mat khau 2', from)).status).toBe(401);
      expect((await login(unknown, 'Sai mat khau 2', from)).status).toBe(401);
      const counts = async () => {
        const [row] = await t.owner.query(
          `select (select failures from sign_in_failure where user_id = $1) as user_failures,
                  (select failures from sign_in_unknown_failure where address = $2) as name_failures,
                  (select failures from sign_in_address_failure where address = $2) as address_failures,
                  (select now() - window_started_at < interval '1 minute' from sign_in_address_failure
                    where address = $2) as window_reopened`,
          [user.id, address],
        );
        return row;
      };
      // The user's and the name's count start again (one each); the address's window opened anew with this
      // request's two failures.
      expect(await counts()).toEqual({
        user_failures: 1,
        name_failures: 1,
        address_failures: 2,
        window_reopened: true,
      });
      // Inside the windows, every failure adds one.
      expect((await login(username, 'Sai mat khau 3', from)).status).toBe(401);
      expect(await counts()).toEqual({
        user_failures: 2,
        name_failures: 1,
        address_failures: 3,
        window_reopened: true,
      });
    });

    /** Ten failures from four addresses (three each keeps under the backoff): the account is soft-locked. */
    async function softLock(username: string): Promise<void> {
      for (let i = 0; i < 10; i += 3) {
        const from = freshAddress();
        for (let j = i; j < Math.min(i + 3, 10); j++) {
          const res = await login(username, `Sai mat khau ${j}`, from);
          expect({ attempt: j, status: res.status, code: res.body.code }).toEqual({
            attempt: j,
            status: 401,
            code: 'invalid_credentials',
          });
        }
      }
    }

    it('soft-locks after ten failures from any addresses: sessions end, the right password alone is refused', async () => {
      const username = await createUser(t, 'TEACHER', 'THCS-NQ');
      const session = await login(username, DEMO_PASSWORD);
      const cookie = (session.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('emis_rt='))!;
      await softLock(username);
      const [row] = await t.owner.query(
        `select soft_locked_at is not null as locked from app_user where username = $1`,
        [username],
      );
      expect(row.locked).toBe(true);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', cookie.split(';')[0])).status).toBe(401);
      const right = await login(username, DEMO_PASSWORD);
      expect(right.status).toBe(423);
      expect(right.body.code).toBe('account_locked');
      expect(await auditActions(username)).toContain('LOCKED');
    });

    it('lets a soft-locked user with a second factor lift the lock by passing it', async () => {
      const { username } = await enrolledAdmin();
      await softLock(username);
      const right = await login(username, DEMO_PASSWORD);
      expect(right.body.status).toBe('mfa_required');
      const recoveryCode = await issueRecoveryCode(t.owner, username);
      expect((await verify({ mfaToken: right.body.mfaToken, recoveryCode })).status).toBe(200);
      const [row] = await t.owner.query(`select soft_locked_at from app_user where username = $1`, [username]);
      expect(row.soft_locked_at).toBeNull();
      expect(await auditActions(username)).toEqual(expect.arrayContaining(['LOCKED', 'UNLOCK']));
    });

    it('counts wrong second-factor codes like wrong passwords', async () => {
      const { username } = await enrolledAdmin();
      const { answers, refusal } = await untilRefused(async (_, from) => {
        const step = await login(username, DEMO_PASSWORD);
        return verify({ mfaToken: step.body.mfaToken, code: '000000' }, from);
      });
      expect(answers.slice(0, 3).map((a) => a.code)).toEqual([
        'invalid_mfa_code',
        'invalid_mfa_code',
        'invalid_mfa_code',
      ]);
      expect(refusal.code).toBe('sign_in_backoff');
    });
  });

  describe('the first password', () => {
    async function oneTimePasswordUser(role: string): Promise<string> {
      const username = await createUser(t, role, 'THCS-NQ');
      await t.owner.query(`update app_user set must_change_password = true where username = $1`, [username]);
      return username;
    }
    const first = (mfaToken: string, newPassword: string) =>
      t.http().post('/api/auth/password/first').send({ mfaToken, newPassword });

    it('asks for a new password first, refuses common and repetitive ones, then signs the user in', async () => {
      const username = await oneTimePasswordUser('TEACHER');
      const step = await login(username, DEMO_PASSWORD);
      expect(step.status).toBe(200);
      expect(step.body).toEqual({ status: 'password_change_required', mfaToken: expect.any(String) });
      for (const [weak, rule] of [
        ['password123', 'password.common'],
        ['ketoan12345', 'password.common'],
        ['aaaaaaaaa1', 'password.repetitive'],
        ['Người dùng 2026', 'password.containsName'],
      ]) {
        const res = await first(step.body.mfaToken, weak);
        const codes = res.body.errors?.map((e: { code: string }) => e.code);
        expect({ weak, status: res.status, codes }).toEqual({
          weak,
          status: 400,
          codes: expect.arrayContaining([rule]),
        });
      }
      const done = await first(step.body.mfaToken, 'Sông Hồng mùa lũ 1971');
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('ok');
      expect((await first(step.body.mfaToken, 'Sông Hồng mùa cạn 1972')).status).toBe(401);
      const [row] = await t.owner.query(`select must_change_password from app_user where username = $1`, [username]);
      expect(row.must_change_password).toBe(false);
      expect((await login(username, 'Sông Hồng mùa lũ 1971')).body.status).toBe('ok');
    });

    it('goes on to the enrolment for a role that requires a second factor', async () => {
      const username = await oneTimePasswordUser('SCHOOL_ADMIN');
      const step = await login(username, DEMO_PASSWORD);
      const next = await first(step.body.mfaToken, 'Sông Hồng mùa lũ 1971');
      expect(next.status).toBe(200);
      expect(next.body.status).toBe('mfa_enrollment_required');
      expect(next.body.accessToken).toBeUndefined();
    });
  });

  describe('forgot password', () => {
    it("answers the same for any name, and files one pending request for the user's administrator", async () => {
      const username = await createUser(t, 'TEACHER', 'THCS-NQ');
      const ask = (name: string) => t.http().post('/api/auth/password-reset-requests').send({ username: name });
      const known = await ask(username);
      const unknown = await ask(`${username}.khong.co`);
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);
      await ask(username);
      const rows = await t.owner.query(
        `select r.status, r.org_unit_id = u.org_unit_id as own_unit from password_reset_request r
           join app_user u on u.id = r.user_id where u.username = $1`,
        [username],
      );
      expect(rows).toEqual([{ status: 'PENDING', own_unit: true }]);
    });
  });
});

/** The policy is province-wide: it is changed on a database of this spec's own, never the shared one. */
describe('the second-factor policy', () => {
  let t: TestApp;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await createFuzzDatabase();
    drop = db.drop;
    t = await startTestApp({ DATABASE_URL: db.url, EVENT_WORKER: 'off' });
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  it('lets the department require it of accountants, never exempt an officer, and audits the change', async () => {
    const admin = await t.login('admin.so');
    const policy = await t.http().get('/api/accounts/mfa-policy').set(bearer(admin));
    expect(policy.status).toBe(200);
    expect(policy.body).toEqual(
      expect.arrayContaining([
        { role: 'UNIT_OFFICER', required: true, fixed: true },
        { role: 'ACCOUNTANT', required: false, fixed: false },
      ]),
    );
    expect(
      (await t.http().post('/api/auth/login').send({ username: 'ketoan.nhuquynh', password: DEMO_PASSWORD })).body
        .status,
    ).toBe('ok');
    const put = (required: object) => t.http().put('/api/accounts/mfa-policy').set(bearer(admin)).send({ required });
    const exempt = await put({ UNIT_OFFICER: false });
    expect(exempt.status).toBe(409);
    expect(exempt.body.code).toBe('mfa_role_fixed');
    const changed = await put({ ACCOUNTANT: true });
    expect(changed.status).toBe(200);
    expect(changed.body).toContainEqual({ role: 'ACCOUNTANT', required: true, fixed: false });
    const accountant = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'ketoan.nhuquynh', password: DEMO_PASSWORD });
    expect(accountant.body.status).toBe('mfa_enrollment_required');
    const [audit] = await t.owner.query(
      `select after from audit_log where entity = 'mfa_policy' order by seq desc limit 1`,
    );
    expect(audit.after.required).toContain('ACCOUNTANT');
    const teacher = await t.login('giaovien.nhuquynh');
    expect((await t.http().get('/api/accounts/mfa-policy').set(bearer(teacher))).status).toBe(403);
  });

  it('asks a unit officer without an authenticator to enrol one', async () => {
    const officer = await createUser(t, 'UNIT_OFFICER', 'PGD-VL');
    await t.owner.query(`update app_user set mfa_secret = null, mfa_enabled = false where username = $1`, [officer]);
    const res = await t.http().post('/api/auth/login').send({ username: officer, password: DEMO_PASSWORD });
    expect(res.body.status).toBe('mfa_enrollment_required');
  });
});

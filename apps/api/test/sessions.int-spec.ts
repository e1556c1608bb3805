import { JwtService } from '@nestjs/jwt';
import { SessionRegistry } from '@emis/api/identity';
import { bearer, createUser, startTestApp, TestApp } from './harness';

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** A signed-in browser: its access token, its refresh cookie, and the session both belong to. */
interface Browser {
  token: string;
  cookie: string;
  sessionId: string;
  userAgent: string;
}

function refreshCookie(res: { headers: Record<string, unknown> }): string {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookie = cookies.find((c) => c.startsWith('emis_rt='));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0];
}

describe('sessions that end at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_THROTTLE_LIMIT: '1000' });
  });
  afterAll(() => t.close());

  /** Signs a user (no second factor: teachers, accountants) in from a browser. */
  async function signIn(username: string, userAgent = CHROME_WINDOWS): Promise<Browser> {
    const res = await t
      .http()
      .post('/api/auth/login')
      .set('User-Agent', userAgent)
      .send({ username, password: 'Emis@2026' });
    if (res.status !== 200 || res.body.status !== 'ok') throw new Error(`login ${username}: ${res.status}`);
    return { token: res.body.accessToken, cookie: refreshCookie(res), sessionId: res.body.user.sessionId, userAgent };
  }

  const refresh = (b: Pick<Browser, 'cookie' | 'userAgent'>) =>
    t.http().post('/api/auth/refresh').set('User-Agent', b.userAgent).set('Cookie', b.cookie);
  const me = (token: string) => t.http().get('/api/auth/me').set(bearer(token));
  const sessionRow = async (id: string) =>
    (await t.owner.query(`select * from user_session where id = $1`, [id]))[0] as {
      user_id: string;
      ended_at: Date | null;
      end_reason: string | null;
      expires_at: Date;
      created_at: Date;
      last_used_at: Date;
    };
  const auditOf = async (username: string) =>
    (await t.owner.query(
      `select action, actor_id, after from audit_log
        where entity = 'app_user' and entity_id = (select id::text from app_user where username = $1) order by seq`,
      [username],
    )) as { action: string; actor_id: string | null; after: Record<string, unknown> }[];
  const userId = async (username: string) =>
    (await t.owner.query(`select id from app_user where username = $1`, [username]))[0].id as string;

  describe('a session per sign-in', () => {
    it('opens a session with the device, the address and a 12-hour absolute end, named by the access token', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      const row = await sessionRow(b.sessionId);
      expect(row.user_id).toBe(await userId(user));
      expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(12 * 3600 * 1000);
      const list = await t.http().get('/api/auth/sessions').set(bearer(b.token));
      expect(list.status).toBe(200);
      expect(list.body).toEqual([
        expect.objectContaining({
          id: b.sessionId,
          device: 'Chrome 131 · Windows',
          userAgent: CHROME_WINDOWS,
          address: expect.stringMatching(/127\.0\.0\.1|::1/),
          expiresAt: row.expires_at.toISOString(),
          current: true,
        }),
      ]);
      expect((await me(b.token)).body.sessionId).toBe(b.sessionId);
      const [login] = (await auditOf(user)).filter((e) => e.action === 'LOGIN');
      expect(login.after).toMatchObject({ sessionId: b.sessionId });
    });

    it('lists only the open sessions of the caller, most recently used first, the current one marked', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const laptop = await signIn(user);
      const phone = await signIn(user, SAFARI_IPHONE);
      const ended = await signIn(user);
      await t.http().post('/api/auth/logout').set('Cookie', ended.cookie);
      await t.owner.query(`update user_session set last_used_at = now() - interval '1 hour' where id = $1`, [
        laptop.sessionId,
      ]);
      // Someone else's session never shows.
      await signIn(await createUser(t, 'TEACHER', 'THCS-NQ'));
      const list = await t.http().get('/api/auth/sessions').set(bearer(laptop.token));
      expect(
        list.body.map((s: { id: string; device: string; current: boolean }) => [s.id, s.device, s.current]),
      ).toEqual([
        [phone.sessionId, 'Safari 17 · iPhone', false],
        [laptop.sessionId, 'Chrome 131 · Windows', true],
      ]);
    });

    it('refuses an access token that names no session (issued before sessions were recorded) with 401 session_ended', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      const claims = t.app.get(JwtService).decode(b.token) as Record<string, unknown>;
      const { sid, exp, iat, ...legacy } = claims;
      expect(sid).toBe(b.sessionId);
      void exp;
      void iat;
      const token = await t.app.get(JwtService).signAsync(legacy, { expiresIn: 60 });
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('session_ended');
    });
  });

  describe('ending sessions takes effect on the next request', () => {
    it('signs out: the access token of the session is refused at once, and the sign-out is audited', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      expect((await me(b.token)).status).toBe(200);
      expect((await t.http().post('/api/auth/logout').set('Cookie', b.cookie)).status).toBe(204);
      const after = await me(b.token);
      expect(after.status).toBe(401);
      expect(after.body).toMatchObject({
        code: 'session_ended',
        title: 'Phiên đăng nhập đã kết thúc, vui lòng đăng nhập lại',
      });
      expect((await refresh(b)).status).toBe(401);
      expect(await sessionRow(b.sessionId)).toMatchObject({ end_reason: 'LOGOUT', ended_at: expect.any(Date) });
      const logout = (await auditOf(user)).find((e) => e.action === 'LOGOUT');
      expect(logout).toMatchObject({
        actor_id: await userId(user),
        after: { reason: 'LOGOUT', sessionIds: [b.sessionId] },
      });
    });

    it('lets a user end another of their sessions (the other browser is signed out), but not somebody else’s', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const laptop = await signIn(user);
      const phone = await signIn(user, SAFARI_IPHONE);
      const stranger = await signIn(await createUser(t, 'TEACHER', 'THCS-NQ'));
      const foreign = await t.http().delete(`/api/auth/sessions/${stranger.sessionId}`).set(bearer(laptop.token));
      expect(foreign.status).toBe(404);
      expect((await me(stranger.token)).status).toBe(200);

      expect((await t.http().delete(`/api/auth/sessions/${phone.sessionId}`).set(bearer(laptop.token))).status).toBe(
        204,
      );
      expect((await me(phone.token)).body.code).toBe('session_ended');
      expect((await refresh(phone)).status).toBe(401);
      expect((await me(laptop.token)).status).toBe(200);
      expect(await sessionRow(phone.sessionId)).toMatchObject({ end_reason: 'ENDED_BY_USER' });
      const ended = (await auditOf(user)).find((e) => e.action === 'SESSION_ENDED');
      expect(ended).toMatchObject({ actor_id: await userId(user), after: { reason: 'ENDED_BY_USER' } });
    });

    it('ends every other session of the user and keeps the current one', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const here = await signIn(user);
      const others = [await signIn(user, SAFARI_IPHONE), await signIn(user)];
      const res = await t.http().post('/api/auth/sessions/end-others').set(bearer(here.token));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ended: 2 });
      for (const other of others) expect((await me(other.token)).status).toBe(401);
      expect((await me(here.token)).status).toBe(200);
      expect((await refresh(here)).status).toBe(200);
    });

    it('ends the other sessions when the password changes; the new session of the change works', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const other = await signIn(user, SAFARI_IPHONE);
      const here = await signIn(user);
      const res = await t
        .http()
        .post('/api/auth/password')
        .set(bearer(here.token))
        .send({ currentPassword: 'Emis@2026', newPassword: 'Hoa phượng đỏ 2026' });
      expect(res.status).toBe(200);
      expect((await me(other.token)).body.code).toBe('session_ended');
      expect((await me(here.token)).body.code).toBe('session_ended');
      expect((await me(res.body.accessToken)).status).toBe(200);
      expect(await sessionRow(other.sessionId)).toMatchObject({ end_reason: 'PASSWORD_CHANGED' });
    });

    it('refuses the token of a disabled account at once', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      await t.owner.query(`update app_user set active = false where username = $1`, [user]);
      expect((await me(b.token)).body.code).toBe('session_ended');
    });

    it.each(['ROLE_CHANGED', 'DISABLED', 'MFA_RESET', 'SOFT_LOCKED'] as const)(
      'ends every session of the user through the port (%s), audited with the reason',
      async (reason) => {
        const user = await createUser(t, 'ACCOUNTANT', 'THCS-NQ');
        const sessions = [await signIn(user), await signIn(user, SAFARI_IPHONE)];
        const bystander = await signIn(await createUser(t, 'ACCOUNTANT', 'THCS-NQ'));
        expect(await t.app.get(SessionRegistry).endAllFor(await userId(user), reason)).toBe(2);
        for (const s of sessions) {
          expect((await me(s.token)).body.code).toBe('session_ended');
          expect((await refresh(s)).status).toBe(401);
          expect(await sessionRow(s.sessionId)).toMatchObject({ end_reason: reason });
        }
        expect((await me(bystander.token)).status).toBe(200);
        const ended = (await auditOf(user)).filter((e) => e.action === 'SESSION_ENDED');
        expect(ended).toHaveLength(1);
        expect(ended[0].after).toMatchObject({ reason });
        expect((ended[0].after.sessionIds as string[]).sort()).toEqual(sessions.map((s) => s.sessionId).sort());
      },
    );

    it('answers 401 session_expired once the absolute lifetime is over, however recently the session was used', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      await t.owner.query(`update user_session set expires_at = now() - interval '1 second' where id = $1`, [
        b.sessionId,
      ]);
      expect((await me(b.token)).body.code).toBe('session_expired');
    });
  });

  describe('refresh', () => {
    it('never renews past the session’s absolute end: the refresh token and its cookie end with the session', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      await t.owner.query(`update user_session set expires_at = now() + interval '90 seconds' where id = $1`, [
        b.sessionId,
      ]);
      const res = await refresh(b);
      expect(res.status).toBe(200);
      const setCookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('emis_rt='))!;
      const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)?.[1]);
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(90);
      const [token] = await t.owner.query(
        `select t.expires_at <= s.expires_at as within from refresh_token t join user_session s on s.id = t.family_id
          where t.family_id = $1 order by t.created_at desc limit 1`,
        [b.sessionId],
      );
      expect(token.within).toBe(true);
      const row = await sessionRow(b.sessionId);
      expect(row.last_used_at.getTime()).toBeGreaterThan(row.created_at.getTime());
    });

    it('keeps two tabs signed in when both refresh with the same token at the same moment', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      const [one, two] = await Promise.all([refresh(b), refresh(b)]);
      expect([one.status, two.status]).toEqual([200, 200]);
      expect(refreshCookie(one)).not.toBe(refreshCookie(two));
      for (const res of [one, two]) {
        expect(res.body.user.sessionId).toBe(b.sessionId);
        expect((await me(res.body.accessToken)).status).toBe(200);
        // Each tab's new token goes on renewing the same session.
        expect((await refresh({ cookie: refreshCookie(res), userAgent: b.userAgent })).status).toBe(200);
      }
      expect((await sessionRow(b.sessionId)).ended_at).toBeNull();
    });

    it('keeps three tabs restored together signed in: the same token three times at once, then each tab renews', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      const answers = await Promise.all([refresh(b), refresh(b), refresh(b)]);
      expect(answers.map((res) => res.status)).toEqual([200, 200, 200]);
      expect(new Set(answers.map((res) => refreshCookie(res))).size).toBe(3);
      for (const res of answers) {
        expect(res.body.user.sessionId).toBe(b.sessionId);
        expect((await me(res.body.accessToken)).status).toBe(200);
      }
      // The family was not revoked: the session is open and the browser's last cookie renews it.
      expect((await sessionRow(b.sessionId)).ended_at).toBeNull();
      expect((await refresh({ cookie: refreshCookie(answers[2]), userAgent: b.userAgent })).status).toBe(200);
    });

    it('accepts a token just used again within the grace window, answering a new token of the same session', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      const first = await refresh(b);
      const again = await refresh(b);
      expect([first.status, again.status]).toEqual([200, 200]);
      expect(again.body.user.sessionId).toBe(b.sessionId);
      expect((await sessionRow(b.sessionId)).ended_at).toBeNull();
    });

    it('takes a token used again after the grace window for a replay: the session ends (TOKEN_REUSE) for everyone', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      const rotated = await refresh(b);
      expect(rotated.status).toBe(200);
      await t.owner.query(
        `update refresh_token set used_at = now() - interval '31 seconds' where family_id = $1 and used_at is not null`,
        [b.sessionId],
      );
      const replay = await refresh(b);
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('session_ended');
      expect(await sessionRow(b.sessionId)).toMatchObject({ end_reason: 'TOKEN_REUSE' });
      // The rightful holder's rotated token and access token die with it.
      expect((await refresh({ cookie: refreshCookie(rotated), userAgent: b.userAgent })).status).toBe(401);
      expect((await me(rotated.body.accessToken)).body.code).toBe('session_ended');
      const ended = (await auditOf(user)).find((e) => e.action === 'SESSION_ENDED');
      expect(ended).toMatchObject({ actor_id: null, after: { reason: 'TOKEN_REUSE', sessionIds: [b.sessionId] } });
    });

    it('takes a token for a replay once the session has moved on twice, even within the grace window', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      const second = await refresh(b);
      const third = await refresh({ cookie: refreshCookie(second), userAgent: b.userAgent });
      expect([second.status, third.status]).toEqual([200, 200]);
      expect((await refresh(b)).status).toBe(401);
      expect(await sessionRow(b.sessionId)).toMatchObject({ end_reason: 'TOKEN_REUSE' });
    });

    it('takes a token used again from another browser for a replay, even within the grace window', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      expect((await refresh(b)).status).toBe(200);
      expect((await refresh({ cookie: b.cookie, userAgent: SAFARI_IPHONE })).status).toBe(401);
      expect(await sessionRow(b.sessionId)).toMatchObject({ end_reason: 'TOKEN_REUSE' });
    });
  });

  describe("an administrator and an account's sessions", () => {
    let principal: string;
    let unitOfficer: string;
    beforeAll(async () => {
      principal = await t.login('hieutruong.nhuquynh');
      unitOfficer = await t.login('chuyenvien.vanlam');
    });

    it('lists the sessions of an account of their school and ends them all with a reason, audited', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const sessions = [await signIn(user), await signIn(user, SAFARI_IPHONE)];
      const id = await userId(user);
      const list = await t.http().get(`/api/accounts/${id}/sessions`).set(bearer(principal));
      expect(list.status).toBe(200);
      expect(list.body.map((s: { id: string }) => s.id).sort()).toEqual(sessions.map((s) => s.sessionId).sort());
      expect(list.body.every((s: { current: boolean }) => !s.current)).toBe(true);

      const end = await t
        .http()
        .post(`/api/accounts/${id}/sessions/end`)
        .set(bearer(principal))
        .send({ reason: 'Điện thoại bị mất' });
      expect(end.status).toBe(200);
      expect(end.body).toEqual({ ended: 2 });
      for (const s of sessions) expect((await me(s.token)).body.code).toBe('session_ended');
      expect((await t.http().get(`/api/accounts/${id}/sessions`).set(bearer(principal))).body).toEqual([]);
      const [principalId] = await t.owner.query(`select id from app_user where username = 'hieutruong.nhuquynh'`);
      const ended = (await auditOf(user)).find((e) => e.action === 'SESSION_ENDED');
      expect(ended).toMatchObject({
        actor_id: principalId.id,
        after: { reason: 'ENDED_BY_ADMIN', note: 'Điện thoại bị mất' },
      });
    });

    it('requires a reason of 3 to 500 characters, ending nothing without one', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const b = await signIn(user);
      const id = await userId(user);
      for (const body of [{}, { reason: ' x ' }, { reason: 'x'.repeat(501) }]) {
        const res = await t.http().post(`/api/accounts/${id}/sessions/end`).set(bearer(principal)).send(body);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].field).toBe('reason');
      }
      expect((await me(b.token)).status).toBe(200);
    });

    it("answers 404 for an account outside the administrator's scope, as if it did not exist", async () => {
      const elsewhere = await createUser(t, 'TEACHER', 'THCS-KC');
      const b = await signIn(elsewhere);
      const id = await userId(elsewhere);
      for (const token of [principal, unitOfficer]) {
        expect((await t.http().get(`/api/accounts/${id}/sessions`).set(bearer(token))).status).toBe(404);
        const end = await t.http().post(`/api/accounts/${id}/sessions/end`).set(bearer(token)).send({ reason: 'Thử' });
        expect(end.status).toBe(404);
      }
      expect((await me(b.token)).status).toBe(200);
    });

    it("lets a unit officer end the sessions of its schools' accounts, but not a fellow officer's (403)", async () => {
      const teacher = await createUser(t, 'TEACHER', 'THCS-NQ');
      const fellow = await createUser(t, 'UNIT_OFFICER', 'PGD-VL');
      await signIn(teacher);
      const ofTeacher = await t
        .http()
        .post(`/api/accounts/${await userId(teacher)}/sessions/end`)
        .set(bearer(unitOfficer))
        .send({ reason: 'Giáo viên chuyển công tác' });
      expect(ofTeacher.body).toEqual({ ended: 1 });
      const ofFellow = await t
        .http()
        .post(`/api/accounts/${await userId(fellow)}/sessions/end`)
        .set(bearer(unitOfficer))
        .send({ reason: 'Thử' });
      expect(ofFellow.status).toBe(403);
    });

    it('refuses an administrator their own account there (403): their own sessions are on the account page', async () => {
      const own = await userId('hieutruong.nhuquynh');
      const res = await t.http().get(`/api/accounts/${own}/sessions`).set(bearer(principal));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('own_account');
    });

    it('refuses a teacher the administrators’ endpoints (403)', async () => {
      const teacher = await signIn(await createUser(t, 'TEACHER', 'THCS-NQ'));
      const colleague = await userId(await createUser(t, 'TEACHER', 'THCS-NQ'));
      expect((await t.http().get(`/api/accounts/${colleague}/sessions`).set(bearer(teacher.token))).status).toBe(403);
    });
  });
});

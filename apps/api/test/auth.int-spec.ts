import { bearer, createUser, freshAddress, startTestApp, TestApp } from './harness';
import { totp, totpAhead } from './totp';

function refreshCookie(res: { headers: Record<string, unknown> }): string {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookie = cookies.find((c) => c.startsWith('emis_rt='));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0];
}

describe('identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A ten-minute window: under load ten sign-ins may take longer than the default minute.
    t = await startTestApp({ AUTH_THROTTLE_LIMIT: '8', AUTH_THROTTLE_TTL_MS: '600000' });
  });
  afterAll(() => t.close());

  it('signs a teacher in with a short-lived access token and an httpOnly, SameSite=Strict refresh cookie', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'giaovien.nhuquynh', password: 'Emis@2026' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      expiresIn: 900,
      user: { role: 'TEACHER', orgUnitName: 'Trường THCS Như Quỳnh' },
    });
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('emis_rt='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    // Beside it a readable hint without a secret, so the web app asks /api/auth/refresh only when a session exists.
    const hint = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('emis_session='))!;
    expect(hint).toMatch(/^emis_session=1;/);
    expect(hint).not.toMatch(/HttpOnly/);
    expect(hint).toMatch(/Path=\/;/);
    expect(hint).toMatch(/SameSite=Strict/);
    const me = await t.http().get('/api/auth/me').set(bearer(res.body.accessToken));
    expect(me.body.username).toBe('giaovien.nhuquynh');
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await t.owner.query(`select password_hash from app_user where username = 'giaovien.nhuquynh'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers a wrong password with 401 in Vietnamese by default and English on request', async () => {
    const user = await createUser(t, 'TEACHER', 'THCS-NQ');
    const from = freshAddress();
    const vi = await t.http().post('/api/auth/login').set(from).send({ username: user, password: 'sai-mat-khau' });
    expect(vi.status).toBe(401);
    expect(vi.body).toMatchObject({ code: 'invalid_credentials', title: 'Tên đăng nhập hoặc mật khẩu không đúng' });
    const en = await t
      .http()
      .post('/api/auth/login')
      .set(from)
      .set('Accept-Language', 'en-US,en;q=0.9')
      .send({ username: user, password: 'wrong' });
    expect(en.body.title).toBe('Wrong user name or password');
  });

  it('throttles sign-in attempts per address and user name with 429 and Retry-After, right password or not', async () => {
    const user = await createUser(t, 'TEACHER', 'THCS-NQ');
    const from = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push(
        (await t.http().post('/api/auth/login').set(from).send({ username: user, password: 'Emis@2026' })).status,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
    const limited = await t.http().post('/api/auth/login').set(from).send({ username: user, password: 'Emis@2026' });
    expect(limited.headers['retry-after']).toBeDefined();
    // Another user from the same address is not affected.
    const other = await t
      .http()
      .post('/api/auth/login')
      .set(from)
      .send({ username: 'giaovien.nhuquynh', password: 'Emis@2026' });
    expect(other.status).toBe(200);
  });

  it('gives 400 with field errors for a malformed sign-in', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: '', extra: 1 });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password', 'extra']));
  });

  it('revokes the session on logout', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'ketoan.nhuquynh', password: 'Emis@2026' });
    const cookie = refreshCookie(login);
    const logout = await t.http().post('/api/auth/logout').set('Cookie', cookie);
    expect(logout.status).toBe(204);
    // The hint goes with the refresh cookie.
    const cleared = (logout.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('emis_session='));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await t.http().post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
  });

  it('rejects requests without a valid access token', async () => {
    expect((await t.http().get('/api/schools')).status).toBe(401);
    expect((await t.http().get('/api/schools').set(bearer('not.a.token'))).status).toBe(401);
  });

  it('makes a school admin enrol TOTP at first sign-in, then asks for a code every time', async () => {
    const user = await createUser(t, 'SCHOOL_ADMIN', 'THCS-NQ');
    const login = await t.http().post('/api/auth/login').send({ username: user, password: 'Emis@2026' });
    expect(login.body.status).toBe('mfa_enrollment_required');
    expect(login.body.accessToken).toBeUndefined();
    const start = await t.http().post('/api/auth/mfa/enroll/start').send({ mfaToken: login.body.mfaToken });
    expect(start.status).toBe(200);
    expect(start.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(start.body.otpauthUrl).toContain('otpauth://totp/');
    const [stored] = await t.owner.query(`select mfa_secret from app_user where username = $1`, [user]);
    expect(stored.mfa_secret).not.toContain(start.body.secret);
    const wrong = await t
      .http()
      .post('/api/auth/mfa/enroll/confirm')
      .send({ mfaToken: login.body.mfaToken, code: '000000' });
    expect(wrong.status).toBe(401);
    const confirm = await t
      .http()
      .post('/api/auth/mfa/enroll/confirm')
      .send({ mfaToken: login.body.mfaToken, code: totp(start.body.secret) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.user.mfaEnabled).toBe(true);
    expect(confirm.body.recoveryCodes).toHaveLength(10);

    const again = await t.http().post('/api/auth/login').send({ username: user, password: 'Emis@2026' });
    expect(again.body.status).toBe('mfa_required');
    // An enrolled user cannot be re-enrolled with the password alone.
    expect((await t.http().post('/api/auth/mfa/enroll/start').send({ mfaToken: again.body.mfaToken })).status).toBe(
      401,
    );
    const verified = await t
      .http()
      .post('/api/auth/mfa/verify')
      .send({ mfaToken: again.body.mfaToken, code: totpAhead(start.body.secret, 1) });
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('ok');
  });

  it('lets a teacher enrol TOTP from the account page with the bearer token', async () => {
    const user = await createUser(t, 'TEACHER', 'THCS-NQ');
    const token = await t.login(user);
    const start = await t.http().post('/api/auth/mfa/enroll/start').set(bearer(token)).send({});
    expect(start.status).toBe(200);
    const confirm = await t
      .http()
      .post('/api/auth/mfa/enroll/confirm')
      .set(bearer(token))
      .send({ code: totp(start.body.secret) });
    expect(confirm.status).toBe(200);
    expect((await t.http().post('/api/auth/login').send({ username: user, password: 'Emis@2026' })).body.status).toBe(
      'mfa_required',
    );
  });

  describe('password change', () => {
    it('refuses a wrong current password and a weak new one with field errors, changing nothing', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const token = await t.login(user);
      const [before] = await t.owner.query(`select password_hash from app_user where username = $1`, [user]);
      const wrong = await t
        .http()
        .post('/api/auth/password')
        .set(bearer(token))
        .set(freshAddress())
        .send({ currentPassword: 'nope', newPassword: 'Một mật khẩu mới 2026' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([
        { field: 'currentPassword', code: 'wrongPassword', message: 'Mật khẩu hiện tại không đúng' },
      ]);
      const weak = await t
        .http()
        .post('/api/auth/password')
        .set(bearer(token))
        .send({ currentPassword: 'Emis@2026', newPassword: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.errors.map((e: { code: string }) => e.code)).toEqual([
        'password.tooShort',
        'password.needsDigit',
      ]);
      expect(weak.body.errors[0].message).toBe('Mật khẩu mới phải có ít nhất 10 ký tự');
      const [after] = await t.owner.query(`select password_hash from app_user where username = $1`, [user]);
      expect(after.password_hash).toBe(before.password_hash);
    });

    it('slows down guessing of the current password, even with a valid access token', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const token = await t.login(user);
      const from = freshAddress();
      const statuses: number[] = [];
      // After three failures from one address, each further attempt waits 2^(n-3) s: one comes too soon.
      while (statuses.length < 8 && !statuses.includes(429)) {
        const res = await t
          .http()
          .post('/api/auth/password')
          .set(bearer(token))
          .set(from)
          .send({ currentPassword: `guess-${statuses.length}`, newPassword: 'Hoa phượng đỏ 2026' });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
      expect(statuses).toContain(429);
    });

    it('changes the password, signs out the other sessions and audits the change', async () => {
      const user = await createUser(t, 'TEACHER', 'THCS-NQ');
      const other = await t.http().post('/api/auth/login').send({ username: user, password: 'Emis@2026' });
      const otherCookie = refreshCookie(other);
      const res = await t
        .http()
        .post('/api/auth/password')
        .set(bearer(other.body.accessToken))
        .send({ currentPassword: 'Emis@2026', newPassword: 'Hoa phượng đỏ 2026' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
      expect((await t.http().post('/api/auth/refresh').set('Cookie', otherCookie)).status).toBe(401);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(res))).status).toBe(200);
      expect((await t.http().post('/api/auth/login').send({ username: user, password: 'Emis@2026' })).status).toBe(401);
      expect(
        (await t.http().post('/api/auth/login').send({ username: user, password: 'Hoa phượng đỏ 2026' })).status,
      ).toBe(200);
      const [event] = await t.owner.query(
        `select action from audit_log where entity_id = (select id::text from app_user where username = $1) and action = 'PASSWORD_CHANGED'`,
        [user],
      );
      expect(event).toBeDefined();
    });
  });
});

import { OutboxRelay } from '@emis/api/platform';
import type { Response } from 'supertest';
import { auditRows } from './academic-fixtures';
import { accountsWorld, AccountsWorld, insertStaffRecord, refreshCookie, runTag } from './accounts-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { createReportSchool, createUnit } from './reports-fixtures';

const ADMIN_ACTIONS = [
  'CREATE',
  'ROLE_CHANGED',
  'ACCOUNT_DISABLED',
  'ACCOUNT_ENABLED',
  'PASSWORD_RESET',
  'MFA_RESET',
  'UNLOCK',
];

interface Credential {
  accountId: string;
  username: string;
  oneTimePassword: string;
}

/**
 * Administering existing accounts (docs/domain/accounts.md): who may act on whom, each action with its reason in the
 * audit trail, sessions ended at once by disable, role change and resets, the lists and the department's home, and the
 * staff workflow disabling the account of someone who left.
 */
describe('accounts: administering accounts within scope and rank', () => {
  let t: TestApp;
  let w: AccountsWorld;
  let dept: string;
  let tag: string;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_THROTTLE_LIMIT: '1000' });
    w = await accountsWorld(t);
    dept = await t.login('admin.so');
    tag = runTag();
  });
  afterAll(() => t.close());

  const post = (token: string, path: string, body: Record<string, unknown>) =>
    t.http().post(`/api/accounts${path}`).set(bearer(token)).send(body);
  const why = { reason: 'Theo quyết định của hiệu trưởng' };
  /** A teacher of the principal's school with an account made through the API. */
  async function teacher(name: string, schoolId = w.school.id, token = w.principal.token): Promise<Credential> {
    const staffId = await insertStaffRecord(t, schoolId, { fullName: `${name} ${tag}` });
    const res = await post(token, '', { orgUnitId: schoolId, role: 'TEACHER', staffId });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const signIn = (c: Credential, password = c.oneTimePassword) =>
    t.http().post('/api/auth/login').send({ username: c.username, password });
  /** A session of the account: its first sign-in replaces the one-time password (which `c` then holds). */
  const session = async (c: Credential) => {
    const first = await signIn(c);
    const own = 'Sông Hồng mùa lũ 1971';
    const res = await t
      .http()
      .post('/api/auth/password/first')
      .send({ mfaToken: first.body.mfaToken, newPassword: own });
    if (res.body.status !== 'ok') throw new Error(`first password: ${res.status} ${JSON.stringify(res.body)}`);
    c.oneTimePassword = own;
    return res;
  };
  /** The administrators' actions on an account in its school's audit chain (sign-in events left out). */
  const actions = async (schoolId: string, accountId: string) =>
    (await auditRows(t, schoolId, 'app_user')).filter(
      (r) => r.entity_id === accountId && ADMIN_ACTIONS.includes(r.action),
    );

  it('creates one account from a staff record of the school, refusing a record that is not a working one without an account', async () => {
    const staffId = await insertStaffRecord(t, w.school.id, {
      fullName: `Ngô Thị ${tag}`,
      email: 'ngo@example.edu.vn',
    });
    const res = await post(w.principal.token, '', { orgUnitId: w.school.id, role: 'TEACHER', staffId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fullName: `Ngô Thị ${tag}`,
      role: 'TEACHER',
      username: `ngothi.${tag.toLowerCase()}`,
    });
    const [row] = await t.owner.query(`select email, staff_id, must_change_password from app_user where id = $1`, [
      res.body.accountId,
    ]);
    expect(row).toEqual({ email: 'ngo@example.edu.vn', staff_id: staffId, must_change_password: true });

    expect(errorOf(await post(w.principal.token, '', { orgUnitId: w.school.id, role: 'TEACHER', staffId }))).toEqual({
      field: 'staffId',
      rule: 'staffHasAccount',
    });
    const retired = await insertStaffRecord(t, w.school.id, { fullName: `Hồ Văn ${tag}`, status: 'RETIRED' });
    const foreign = await insertStaffRecord(t, w.otherSchool.id, { fullName: `Tạ Văn ${tag}` });
    for (const [id, rule] of [
      [retired, 'staffNotWorking'],
      [foreign, 'staffNotInSchool'],
    ]) {
      const refused = await post(w.principal.token, '', { orgUnitId: w.school.id, role: 'TEACHER', staffId: id });
      expect(errorOf(refused)).toEqual({ field: 'staffId', rule });
    }
    expect(errorOf(await post(w.principal.token, '', { orgUnitId: w.school.id, role: 'TEACHER' }))).toEqual({
      field: 'staffId',
      rule: 'isNotEmpty',
    });
    // A name serves instead of a staff record only for a principal (a new school has no staff records yet).
    expect(
      errorOf(await post(dept, '', { orgUnitId: w.school.id, role: 'TEACHER', fullName: `Vũ Văn ${tag}` })),
    ).toEqual({ field: 'staffId', rule: 'isNotEmpty' });
  });

  it('gives a new school its principal by name, before the school has any staff record', async () => {
    // A school of its own: the other tests count the administrators of the world's schools.
    const school = await createReportSchool(t, await createUnit(t));
    const principal = await post(dept, '', {
      orgUnitId: school.id,
      role: 'SCHOOL_ADMIN',
      fullName: `Đỗ Thị ${tag}`,
    });
    expect(principal.status).toBe(201);
    expect(principal.body).toMatchObject({ role: 'SCHOOL_ADMIN', username: `dothi.${tag.toLowerCase()}` });
    const [row] = await t.owner.query(
      `select staff_id, org_unit_id, must_change_password from app_user where id = $1`,
      [principal.body.accountId],
    );
    expect(row).toEqual({ staff_id: null, org_unit_id: school.id, must_change_password: true });
  });

  it('creates department and unit accounts for a named person, with the name given or suggested, unique province-wide', async () => {
    const officer = await post(dept, '', { orgUnitId: w.unit.id, role: 'UNIT_OFFICER', fullName: `Lý Thị ${tag}` });
    expect(officer.status).toBe(201);
    expect(officer.body.username).toBe(`lythi.${tag.toLowerCase()}`);
    const namesake = await post(dept, '', { orgUnitId: w.unit.id, role: 'UNIT_OFFICER', fullName: `Lý Thị ${tag}` });
    expect(namesake.body.username).toBe(`lythi.${tag.toLowerCase()}2`);
    const taken = await post(dept, '', {
      orgUnitId: w.unit.id,
      role: 'UNIT_OFFICER',
      fullName: `Lý Văn ${tag}`,
      username: officer.body.username.toUpperCase(),
    });
    expect(errorOf(taken)).toEqual({ field: 'username', rule: 'usernameTaken' });
    const schoolRoleOnUnit = await post(dept, '', { orgUnitId: w.unit.id, role: 'TEACHER', fullName: `Lý Văn ${tag}` });
    expect(errorOf(schoolRoleOnUnit)).toEqual({ field: 'role', rule: 'roleUnitKind' });
  });

  it('refuses a role above what the caller may give, and acts outside the scope as if the account did not exist', async () => {
    // A unit officer administers its schools' accounts, not its own unit's.
    const colleague = await post(w.officer.token, '', {
      orgUnitId: w.unit.id,
      role: 'UNIT_OFFICER',
      fullName: `Kiều Văn ${tag}`,
    });
    expect(colleague.status).toBe(403);
    expect(colleague.body.code).toBe('role_not_grantable');
    const theirs = await teacher('Quách Văn', w.otherSchool.id, w.otherPrincipal.token);
    for (const token of [w.principal.token, w.officer.token]) {
      expect((await t.http().get(`/api/accounts/${theirs.accountId}`).set(bearer(token))).status).toBe(404);
      for (const action of ['disable', 'reset-password', 'reset-mfa', 'unlock', 'enable'])
        expect((await post(token, `/${theirs.accountId}/${action}`, why)).status).toBe(404);
      expect((await post(token, `/${theirs.accountId}/role`, { ...why, role: 'ACCOUNTANT' })).status).toBe(404);
    }
    expect(
      (await post(w.officer.token, '', { orgUnitId: w.otherSchool.id, role: 'TEACHER', fullName: 'A B' })).status,
    ).toBe(404);
    // The unit officer's own colleague at the unit is in view but not theirs to administer.
    const peer = await post(dept, '', { orgUnitId: w.unit.id, role: 'UNIT_OFFICER', fullName: `Kiều Văn ${tag}` });
    const onPeer = await post(w.officer.token, `/${peer.body.accountId}/disable`, why);
    expect(onPeer.status).toBe(403);
    expect(onPeer.body.code).toBe('account_not_manageable');
  });

  it("refuses one's own role change and disabling oneself", async () => {
    const ownRole = await post(w.principal.token, `/${w.principal.id}/role`, { ...why, role: 'TEACHER' });
    expect(ownRole.status).toBe(403);
    expect(ownRole.body.code).toBe('own_account');
    expect((await post(w.principal.token, `/${w.principal.id}/disable`, why)).body.code).toBe('own_account');
    const detail = await t.http().get(`/api/accounts/${w.principal.id}`).set(bearer(w.principal.token));
    expect(detail.body.grantableRoles).toEqual([]);
    expect(
      (await post(w.officer.token, `/${w.principal.id}/role`, { ...why, role: 'UNIT_OFFICER' })).body,
    ).toMatchObject({ code: 'validation_failed' });
  });

  it('changes a role with a reason, audited with before and after, and ends the sessions at once', async () => {
    const c = await teacher('Chu Văn');
    const signedIn = await session(c);
    const noReason = await post(w.principal.token, `/${c.accountId}/role`, { role: 'ACCOUNTANT', reason: 'x' });
    expect(errorOf(noReason).field).toBe('reason');
    const res = await post(w.principal.token, `/${c.accountId}/role`, { ...why, role: 'ACCOUNTANT' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'ACCOUNTANT', activeSessions: 0 });
    expect(res.body.grantableRoles).toEqual(['SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER']);
    expect((await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(signedIn))).status).toBe(401);
    const [changed] = (await actions(w.school.id, c.accountId)).filter((r) => r.action === 'ROLE_CHANGED');
    expect(changed).toMatchObject({
      before: expect.objectContaining({ role: 'TEACHER' }),
      after: expect.objectContaining({ role: 'ACCOUNTANT', reason: why.reason }),
    });
    const same = await post(w.principal.token, `/${c.accountId}/role`, { ...why, role: 'ACCOUNTANT' });
    expect(errorOf(same)).toEqual({ field: 'role', rule: 'roleUnchanged' });
  });

  it('disables and enables an account: a disabled one cannot sign in and its sessions end', async () => {
    const c = await teacher('Dương Văn');
    const signedIn = await session(c);
    const disabled = await post(w.officer.token, `/${c.accountId}/disable`, why);
    expect(disabled.body).toMatchObject({ status: 'DISABLED', disabledReason: why.reason });
    expect((await signIn(c)).status).toBe(401);
    expect((await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(signedIn))).status).toBe(401);
    expect((await post(w.officer.token, `/${c.accountId}/disable`, why)).status).toBe(409);
    const enabled = await post(w.officer.token, `/${c.accountId}/enable`, why);
    expect(enabled.body).toMatchObject({ status: 'ACTIVE', disabledAt: null });
    expect((await signIn(c)).status).toBe(200);
    expect((await actions(w.school.id, c.accountId)).map((r) => r.action)).toEqual([
      'CREATE',
      'ACCOUNT_DISABLED',
      'ACCOUNT_ENABLED',
    ]);
  });

  it('resets a password to a new one-time one, answering the pending reset request, and ends the sessions', async () => {
    const c = await teacher('Lâm Thị');
    const signedIn = await session(c);
    const [request] = await t.owner.query(
      `insert into password_reset_request (user_id, org_unit_id) values ($1, $2) returning id`,
      [c.accountId, w.school.id],
    );
    const listed = await t.http().get('/api/accounts/reset-requests').set(bearer(w.principal.token));
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: request.id, accountId: c.accountId, status: 'PENDING' }),
    ]);
    const attention = await t.http().get('/api/accounts/attention').set(bearer(w.principal.token));
    expect(attention.body.pendingResetRequests).toBe(1);

    await t.owner.query(`update app_user set must_change_password = false where id = $1`, [c.accountId]);
    const res = await post(w.principal.token, `/${c.accountId}/reset-password`, why);
    expect(res.status).toBe(200);
    expect(res.body.oneTimePassword).not.toBe(c.oneTimePassword);
    expect((await signIn(c)).status).toBe(401);
    expect((await signIn(c, res.body.oneTimePassword)).status).toBe(200);
    const [row] = await t.owner.query(`select must_change_password from app_user where id = $1`, [c.accountId]);
    expect(row.must_change_password).toBe(true);
    expect((await t.http().post('/api/auth/refresh').set('Cookie', refreshCookie(signedIn))).status).toBe(401);
    const [handled] = await t.owner.query(`select status, handled_by from password_reset_request where id = $1`, [
      request.id,
    ]);
    expect(handled).toEqual({ status: 'DONE', handled_by: w.principal.id });
    const [reset] = (await actions(w.school.id, c.accountId)).filter((r) => r.action === 'PASSWORD_RESET');
    expect(JSON.stringify(reset)).not.toContain(res.body.oneTimePassword);
  });

  it('dismisses a reset request with a reason, once', async () => {
    const c = await teacher('Tôn Thị');
    const [request] = await t.owner.query(
      `insert into password_reset_request (user_id, org_unit_id) values ($1, $2) returning id`,
      [c.accountId, w.school.id],
    );
    expect((await post(w.otherPrincipal.token, `/reset-requests/${request.id}/dismiss`, why)).status).toBe(404);
    const res = await post(w.principal.token, `/reset-requests/${request.id}/dismiss`, why);
    expect(res.body).toMatchObject({ id: request.id, status: 'DISMISSED' });
    expect((await post(w.principal.token, `/reset-requests/${request.id}/dismiss`, why)).status).toBe(409);
  });

  it('resets the second factor and lifts a soft lock', async () => {
    const c = await teacher('Vi Văn');
    await t.owner.query(
      `update app_user set mfa_enabled = true, mfa_secret = 'sealed', totp_last_step = 42, soft_locked_at = now()
        where id = $1`,
      [c.accountId],
    );
    await t.owner.query(`insert into mfa_recovery_code (user_id, code_hash) values ($1, 'h1'), ($1, 'h2')`, [
      c.accountId,
    ]);
    const list = await t
      .http()
      .get('/api/accounts')
      .query({ status: 'SOFT_LOCKED', unitId: w.school.id })
      .set(bearer(w.officer.token));
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([c.accountId]);
    const mfa = await post(w.principal.token, `/${c.accountId}/reset-mfa`, why);
    expect(mfa.body).toMatchObject({ mfaEnabled: false, status: 'SOFT_LOCKED' });
    const [row] = await t.owner.query(
      `select mfa_secret, totp_last_step, (select count(*)::int from mfa_recovery_code where user_id = u.id and used_at is null) as codes
         from app_user u where id = $1`,
      [c.accountId],
    );
    expect(row).toEqual({ mfa_secret: null, totp_last_step: null, codes: 0 });
    const unlocked = await post(w.principal.token, `/${c.accountId}/unlock`, why);
    expect(unlocked.body).toMatchObject({ status: 'ACTIVE', softLockedAt: null });
    expect((await post(w.principal.token, `/${c.accountId}/unlock`, why)).status).toBe(409);
    expect((await actions(w.school.id, c.accountId)).map((r) => r.action)).toEqual(['CREATE', 'MFA_RESET', 'UNLOCK']);
  });

  it('lists the accounts of the scope with accent-free search and filters, and says what needs attention', async () => {
    const c = await teacher('Đặng Thị Ánh');
    const search = (token: string, query: Record<string, string>) =>
      t.http().get('/api/accounts').query(query).set(bearer(token));
    const found = await search(w.officer.token, { q: `dang thi anh ${tag}` });
    expect(found.body.items.map((a: { id: string }) => a.id)).toEqual([c.accountId]);
    expect(found.body.items[0]).toMatchObject({ orgUnitId: w.school.id, status: 'ACTIVE', mustChangePassword: true });
    // The other unit's school is outside the officer's scope and the principal's.
    expect((await search(w.officer.token, { unitId: w.otherSchool.id })).status).toBe(404);
    expect((await search(w.otherPrincipal.token, { q: `dang thi anh ${tag}` })).body.total).toBe(0);
    const schoolAdmins = await search(w.officer.token, { unitId: w.unit.id, role: 'SCHOOL_ADMIN' });
    expect(schoolAdmins.body.items.map((a: { id: string }) => a.id)).toEqual([w.principal.id]);
    const withoutMfa = await search(dept, { unitId: w.unit.id, withoutMfa: 'true' });
    expect(withoutMfa.body.items.map((a: { role: string }) => a.role)).not.toContain('TEACHER');

    const attention = await t.http().get('/api/accounts/attention').set(bearer(dept)).set('X-Org-Unit', w.unit.id);
    expect(attention.status).toBe(200);
    expect(attention.body.schoolsWithoutAdmin.map((s: { id: string }) => s.id)).toEqual([w.unattended.id]);
    expect(attention.body).toEqual(
      expect.objectContaining({ withoutMfa: expect.any(Number), softLocked: 0, disabled: expect.any(Number) }),
    );
  });

  it("disables the account of a staff member who left the school (staff.left-school), audited as the system's", async () => {
    const staffId = await insertStaffRecord(t, w.school.id, { fullName: `Khúc Văn ${tag}` });
    const created = await post(w.principal.token, '', { orgUnitId: w.school.id, role: 'TEACHER', staffId });
    const [{ version }] = await t.owner.query(`select version from staff where school_id = $1 and id = $2`, [
      w.school.id,
      staffId,
    ]);
    const retired = await t
      .http()
      .patch(`/api/schools/${w.school.id}/staff/${staffId}`)
      .set(bearer(w.principal.token))
      .send({ status: 'RETIRED', version });
    expect(retired.status).toBe(200);
    const status = async () =>
      (await t.owner.query(`select active, disabled_reason from app_user where id = $1`, [created.body.accountId]))[0];
    for (let i = 0; (await status()).active && i < 100; i++) {
      await t.app.get(OutboxRelay).relayPending();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await status()).toEqual({ active: false, disabled_reason: expect.stringContaining('nghỉ hưu') });
    const [disabled] = (await actions(w.school.id, created.body.accountId)).filter(
      (r) => r.action === 'ACCOUNT_DISABLED',
    );
    expect(disabled.after).toMatchObject({ cause: { event: 'staff.left-school', status: 'RETIRED' } });
    const [actor] = await t.owner.query(
      `select actor_id from audit_log where school_id = $1 and entity_id = $2 and action = 'ACCOUNT_DISABLED'`,
      [w.school.id, created.body.accountId],
    );
    expect(actor.actor_id).toBeNull();
    // Nobody enables it again while the person does not work at the school.
    const enable = await post(w.principal.token, `/${created.body.accountId}/enable`, why);
    expect(enable.status).toBe(409);
    expect(enable.body.code).toBe('staff_not_working');
  });

  it('disables the account of a teacher transferred to another school; the receiving school gives them a new one', async () => {
    const staffId = await insertStaffRecord(t, w.school.id, { fullName: `Ông Thị ${tag}` });
    const created = await post(w.principal.token, '', { orgUnitId: w.school.id, role: 'TEACHER', staffId });
    const moved = await t
      .http()
      .post(`/api/schools/${w.school.id}/staff/${staffId}/transfer`)
      .set(bearer(dept))
      .send({ toSchoolId: w.unattended.id, effectiveOn: '2026-11-20', decisionNumber: '15/QĐ-SGDĐT' });
    expect(moved.status).toBe(201);
    const active = async () =>
      (await t.owner.query(`select active, disabled_reason from app_user where id = $1`, [created.body.accountId]))[0];
    for (let i = 0; (await active()).active && i < 100; i++) {
      await t.app.get(OutboxRelay).relayPending();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await active()).toEqual({ active: false, disabled_reason: expect.stringContaining('chuyển công tác') });
    const received = await post(w.officer.token, '/bulk', { schoolId: w.unattended.id, staffIds: [staffId] });
    expect(received.body.created).toEqual([expect.objectContaining({ fullName: `Ông Thị ${tag}`, role: 'TEACHER' })]);
  });
});

function errorOf(res: Response): { field: string; rule: string } {
  expect(res.status).toBe(400);
  const [e] = res.body.errors as { field: string; code: string }[];
  return { field: e.field, rule: e.code };
}

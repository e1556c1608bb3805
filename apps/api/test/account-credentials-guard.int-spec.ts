import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createSchool, createUser, startTestApp, TestApp } from './harness';
import { connectAsApp, presentScope, schoolsScope, signScope } from './scope-fixtures';

/**
 * The wall of migration GuardAccountCredentials1765000000610 (docs/security/roles.md, "Accounts and credentials"),
 * tried as an injected statement would: connected as emis_app, the role the API runs as. Creating an account, or
 * writing a password hash, a second-factor secret or recovery codes, needs the seal of the account's administrator
 * (or, for credentials, of the user themself); a value in app.* is no seal.
 */
describe('accounts and credentials: what emis_app may no longer write', () => {
  let t: TestApp;
  let app: Client;
  let school: { id: string; code: string };
  let otherSchool: { id: string; code: string };
  let departmentId: string;
  let unitId: string;
  const ids: Record<'admin' | 'teacher' | 'otherAdmin' | 'departmentAdmin' | 'unitOfficer', string> = {
    admin: '',
    teacher: '',
    otherAdmin: '',
    departmentAdmin: '',
    unitOfficer: '',
  };

  beforeAll(async () => {
    t = await startTestApp();
    school = await createSchool(t, 'PGD-KC');
    otherSchool = await createSchool(t, 'PGD-KC');
    departmentId = await t.unitId('SGDDT-HY');
    unitId = await t.unitId('PGD-KC');
    const idOf = async (username: string) =>
      (await t.owner.query(`select id from app_user where username = $1`, [username]))[0].id as string;
    ids.admin = await idOf(await createUser(t, 'SCHOOL_ADMIN', school.code));
    ids.teacher = await idOf(await createUser(t, 'TEACHER', school.code));
    ids.otherAdmin = await idOf(await createUser(t, 'SCHOOL_ADMIN', otherSchool.code));
    ids.departmentAdmin = await idOf(await createUser(t, 'DEPARTMENT_ADMIN', 'SGDDT-HY'));
    ids.unitOfficer = await idOf(await createUser(t, 'UNIT_OFFICER', 'PGD-KC'));
    app = await connectAsApp();
  });
  afterAll(async () => {
    await app?.end();
    await t?.close();
  });

  /** Runs `statement` in a transaction of its own, sealed for `sealedFor` (or not sealed), and rolls it back. */
  async function attempt(
    sealedFor: { userId: string; unitId: string } | null,
    statement: string,
    params: unknown[] = [],
    before?: string,
  ): Promise<string> {
    await app.query('begin');
    try {
      if (sealedFor) await presentScope(app, signScope(schoolsScope(sealedFor.unitId), sealedFor.userId));
      if (before) await app.query(before);
      await app.query(statement, params);
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    } finally {
      await app.query('rollback');
    }
  }

  const insertAccount = (role: string, unitId: string, createdBy: string | null, extra = '') =>
    `insert into app_user (username, password_hash, full_name, role, org_unit_id, created_by, must_change_password${extra ? ', mfa_secret, mfa_enabled' : ''})
     values ('inj.${randomUUID().slice(0, 8)}', '$argon2id$attacker', 'Kẻ Giả', '${role}', '${unitId}', ${createdBy ? `'${createdBy}'` : 'null'}, true${extra})`;

  const asAdmin = () => ({ userId: ids.admin, unitId: school.id });
  const asTeacher = () => ({ userId: ids.teacher, unitId: school.id });

  describe('creating an account', () => {
    it('refuses a department administrator created without a seal, whatever app.* says', async () => {
      expect(await attempt(null, insertAccount('DEPARTMENT_ADMIN', departmentId, null))).toBe('42501');
      expect(
        await attempt(
          null,
          insertAccount('DEPARTMENT_ADMIN', departmentId, ids.departmentAdmin),
          [],
          `select set_config('app.user_id', '${ids.departmentAdmin}', false), set_config('app.all_schools', 'on', false)`,
        ),
      ).toBe('42501');
    });

    it("refuses a school administrator's seal for a role or a unit beyond them", async () => {
      expect(await attempt(asAdmin(), insertAccount('DEPARTMENT_ADMIN', departmentId, ids.admin))).toBe('42501');
      expect(await attempt(asAdmin(), insertAccount('TEACHER', otherSchool.id, ids.admin))).toBe('42501');
      expect(await attempt(asTeacher(), insertAccount('TEACHER', school.id, ids.teacher))).toBe('42501');
    });

    it('refuses an account that does not name its creator, keeps its password, or comes with a second factor', async () => {
      expect(await attempt(asAdmin(), insertAccount('TEACHER', school.id, ids.otherAdmin))).toBe('42501');
      expect(
        await attempt(asAdmin(), insertAccount('TEACHER', school.id, ids.admin).replace(/true\)$/, 'false)')),
      ).toBe('42501');
      expect(await attempt(asAdmin(), insertAccount('TEACHER', school.id, ids.admin, `, 'sealed-secret', true`))).toBe(
        '42501',
      );
    });

    it("admits the administrator's own account creation: a teacher of their school with a one-time password", async () => {
      expect(await attempt(asAdmin(), insertAccount('TEACHER', school.id, ids.admin))).toBe('ok');
      expect(await attempt(asAdmin(), insertAccount('ACCOUNTANT', school.id, ids.admin))).toBe('ok');
    });

    it('judges the role given, not the creator’s own: each administrator by the rules of docs/domain/accounts.md', async () => {
      const asDepartment = { userId: ids.departmentAdmin, unitId: departmentId };
      const asUnit = { userId: ids.unitOfficer, unitId };
      // The department administrator gives a unit officer to a unit and a principal to a school, not a teacher to a unit.
      expect(await attempt(asDepartment, insertAccount('UNIT_OFFICER', unitId, ids.departmentAdmin))).toBe('ok');
      expect(await attempt(asDepartment, insertAccount('SCHOOL_ADMIN', school.id, ids.departmentAdmin))).toBe('ok');
      expect(await attempt(asDepartment, insertAccount('TEACHER', unitId, ids.departmentAdmin))).toBe('42501');
      // A unit officer names a school's principal under the unit, never another unit officer.
      expect(await attempt(asUnit, insertAccount('SCHOOL_ADMIN', school.id, ids.unitOfficer))).toBe('ok');
      expect(await attempt(asUnit, insertAccount('UNIT_OFFICER', unitId, ids.unitOfficer))).toBe('42501');
      expect(await attempt(asUnit, insertAccount('DEPARTMENT_OFFICER', departmentId, ids.unitOfficer))).toBe('42501');
    });
  });

  describe("writing someone's credentials", () => {
    const setPassword = (id: string, mustChange = false) =>
      `update app_user set password_hash = '$argon2id$attacker', must_change_password = ${mustChange} where id = '${id}'`;
    const setSecret = (id: string) =>
      `update app_user set mfa_secret = 'attacker', mfa_enabled = true where id = '${id}'`;

    it("refuses a password hash or a second factor written without the user's or their administrator's seal", async () => {
      for (const statement of [
        setPassword(ids.teacher),
        setSecret(ids.teacher),
        `update app_user set totp_last_step = 0 where id = '${ids.teacher}'`,
      ])
        expect(await attempt(null, statement, [], `select set_config('app.user_id', '${ids.teacher}', false)`)).toBe(
          '42501',
        );
      // Another user's seal is no better: a teacher on the administrator, an administrator on the department's.
      expect(await attempt(asTeacher(), setPassword(ids.admin))).toBe('42501');
      expect(await attempt(asAdmin(), setPassword(ids.departmentAdmin, true))).toBe('42501');
      expect(await attempt(asAdmin(), setPassword(ids.otherAdmin, true))).toBe('42501');
      // A unit officer does not reset a fellow unit officer, nor the department's administrator.
      const asUnit = { userId: ids.unitOfficer, unitId };
      expect(await attempt(asUnit, setPassword(ids.departmentAdmin, true))).toBe('42501');
      expect(await attempt(asUnit, setPassword(ids.admin, true))).toBe('ok');
    });

    it('lets an administrator only reset: a one-time password, or the second factor cleared', async () => {
      expect(await attempt(asAdmin(), setPassword(ids.teacher, true))).toBe('ok');
      expect(await attempt(asAdmin(), setPassword(ids.teacher, false))).toBe('42501');
      expect(await attempt(asAdmin(), setSecret(ids.teacher))).toBe('42501');
      expect(
        await attempt(
          asAdmin(),
          `update app_user set mfa_secret = null, mfa_pending_secret = null, mfa_enabled = false, totp_last_step = null
            where id = '${ids.teacher}'`,
        ),
      ).toBe('ok');
    });

    it('lets the user write their own password and second factor under their own seal', async () => {
      expect(await attempt(asTeacher(), setPassword(ids.teacher))).toBe('ok');
      expect(await attempt(asTeacher(), setSecret(ids.teacher))).toBe('ok');
    });

    it('still lets sign-in write its counters without a seal (failures, lock, last sign-in)', async () => {
      expect(
        await attempt(
          null,
          `update app_user set failed_logins = failed_logins + 1, last_sign_in_at = now(), soft_locked_at = null
            where id = '${ids.teacher}'`,
        ),
      ).toBe('ok');
    });

    it("refuses recovery codes added for another user, or a spent one made usable again; admits the user's own", async () => {
      const add = (id: string) => `insert into mfa_recovery_code (user_id, code_hash) values ('${id}', 'attacker')`;
      expect(await attempt(null, add(ids.teacher))).toBe('42501');
      expect(await attempt(asAdmin(), add(ids.teacher))).toBe('42501');
      expect(await attempt(asTeacher(), add(ids.teacher))).toBe('ok');
      const [spent] = await t.owner.query(
        `insert into mfa_recovery_code (user_id, code_hash, used_at) values ($1, 'spent', now()) returning id`,
        [ids.teacher],
      );
      expect(await attempt(null, `update mfa_recovery_code set used_at = null where id = '${spent.id}'`)).toBe('42501');
      expect(await attempt(null, `update mfa_recovery_code set used_at = now() where user_id = '${ids.teacher}'`)).toBe(
        'ok',
      );
    });
  });

  it("leaves the owner's own sessions unchecked (the seed, cli.js's operator accounts)", async () => {
    const [row] = await t.owner.query(
      `insert into app_user (username, password_hash, full_name, role, org_unit_id)
       values ($1, '$argon2id$operator', 'Quản Trị Vận Hành', 'DEPARTMENT_ADMIN', $2) returning id`,
      [`op.${randomUUID().slice(0, 8)}`, departmentId],
    );
    await t.owner.query(`update app_user set active = false where id = $1`, [row.id]);
    expect(row.id).toBeDefined();
  });
});

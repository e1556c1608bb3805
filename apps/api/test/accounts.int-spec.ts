import { OrgTreeService } from '@emis/api/tenancy';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { auditRows } from './academic-fixtures';
import { accountsWorld, AccountsWorld, insertStaffRecord, runTag } from './accounts-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { pdfPages } from './pdf-text';
import { createReportSchool } from './reports-fixtures';

interface Credential {
  accountId: string;
  username: string;
  fullName: string;
  role: string;
  oneTimePassword: string;
}

/**
 * Accounts for a school's staff (docs/domain/accounts.md): the principal gives the whole staff accounts in one step,
 * hands out the one-time passwords on a printed sheet, and a teacher signs in with one — the "done when".
 */
describe('accounts: bulk creation for a school, the credential sheet, the first sign-in', () => {
  let t: TestApp;
  let w: AccountsWorld;
  let tag: string;
  const staff: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ AUTH_THROTTLE_LIMIT: '1000' });
    w = await accountsWorld(t);
    tag = runTag();
    const add = async (key: string, spec: Parameters<typeof insertStaffRecord>[2]) =>
      (staff[key] = await insertStaffRecord(t, w.school.id, spec));
    await add('head', { fullName: `Trần Văn ${tag}`, position: 'PRINCIPAL' });
    await add('deputy', { fullName: `Lê Thị ${tag}`, position: 'VICE_PRINCIPAL' });
    await add('accountant', { fullName: `Đỗ Thị ${tag}`, position: 'STAFF', rankCode: '06.031' });
    await add('an1', { fullName: `Nguyễn Văn ${tag}`, email: 'an1@example.edu.vn' });
    await add('an2', { fullName: `Nguyễn Văn ${tag}` });
    await add('librarian', { fullName: `Phạm Thị ${tag}`, position: 'STAFF' });
    await add('onLeave', { fullName: `Vũ Thị ${tag}`, status: 'LEAVE' });
    await add('retired', { fullName: `Hoàng Văn ${tag}`, status: 'RETIRED' });
  });
  afterAll(() => t.close());

  const bulk = (token: string, body: Record<string, unknown>) =>
    t.http().post('/api/accounts/bulk').set(bearer(token)).send(body);
  const download = (token: string, sheetToken: string, format: 'pdf' | 'xlsx') =>
    t
      .http()
      .get(`/api/accounts/credential-sheets/${sheetToken}`)
      .query({ format })
      .set(bearer(token))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  let created: Credential[];
  let sheetToken: string;

  it("gives the school's working staff accounts in one step, each with the role of their position and a one-time password", async () => {
    const res = await bulk(w.principal.token, { schoolId: w.school.id });
    expect(res.status).toBe(201);
    created = res.body.created;
    sheetToken = res.body.sheetToken;
    const byName = (name: string) => created.filter((c) => c.fullName === name);
    const stem = tag.toLowerCase();
    expect(byName(`Trần Văn ${tag}`)).toEqual([
      expect.objectContaining({ role: 'SCHOOL_ADMIN', username: `tranvan.${stem}` }),
    ]);
    expect(byName(`Lê Thị ${tag}`)).toEqual([expect.objectContaining({ role: 'SCHOOL_ADMIN' })]);
    expect(byName(`Đỗ Thị ${tag}`)).toEqual([
      expect.objectContaining({ role: 'ACCOUNTANT', username: `dothi.${stem}` }),
    ]);
    expect(byName(`Phạm Thị ${tag}`)).toEqual([expect.objectContaining({ role: 'TEACHER' })]);
    // Namesakes: the stem, then the stem with a number.
    expect(
      byName(`Nguyễn Văn ${tag}`)
        .map((c) => c.username)
        .sort(),
    ).toEqual([`nguyenvan.${stem}`, `nguyenvan.${stem}2`]);
    expect(created).toHaveLength(6);
    expect(new Set(created.map((c) => c.oneTimePassword)).size).toBe(6);
    // On leave: reported; retired: history, not a person waiting for an account.
    expect(res.body.skipped).toEqual([{ staffId: staff.onLeave, fullName: `Vũ Thị ${tag}`, reason: 'not_working' }]);
  });

  it('stores argon2id hashes only, asks every new account for a new password at its first sign-in, and audits each creation', async () => {
    const rows: {
      id: string;
      row: string;
      password_hash: string;
      must_change_password: boolean;
      created_by: string;
    }[] = await t.owner.query(
      `select id, row_to_json(u)::text as row, password_hash, must_change_password, created_by from app_user u
          where id = any($1::uuid[])`,
      [created.map((c) => c.accountId)],
    );
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const credential = created.find((c) => c.accountId === row.id)!;
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.row).not.toContain(credential.oneTimePassword);
      expect(row.must_change_password).toBe(true);
      expect(row.created_by).toBe(w.principal.id);
    }
    const [linked] = await t.owner.query(`select staff_id, email from app_user where id = $1`, [
      created.find((c) => c.fullName === `Nguyễn Văn ${tag}` && !c.username.endsWith('2'))!.accountId,
    ]);
    expect([staff.an1, staff.an2]).toContain(linked.staff_id);
    const audit = (await auditRows(t, w.school.id, 'app_user')).filter((r) =>
      created.some((c) => c.accountId === r.entity_id),
    );
    expect(audit.map((r) => r.action)).toEqual(Array(6).fill('CREATE'));
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(created.map((c) => c.oneTimePassword).join('|')));
  });

  it('lets a new teacher sign in with the one-time password, which must then be replaced', async () => {
    const teacher = created.find((c) => c.fullName === `Phạm Thị ${tag}`)!;
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ username: teacher.username, password: teacher.oneTimePassword });
    expect(res.status).toBe(200);
    // The sign-in flow answers password_change_required for such an account (docs/domain/sign-in.md).
    expect(res.body.status).toBe('password_change_required');
    const [row] = await t.owner.query(`select must_change_password from app_user where id = $1`, [teacher.accountId]);
    expect(row.must_change_password).toBe(true);
    // The first password opens the first session: the administrators' list then shows when the account last signed in.
    const chosen = await t
      .http()
      .post('/api/auth/password/first')
      .send({ mfaToken: res.body.mfaToken, newPassword: 'Cây bàng lá đỏ 2026' });
    expect(chosen.body.status).toBe('ok');
    const [signedIn] = await t.owner.query(
      `select u.last_sign_in_at = s.created_at as latest from app_user u join user_session s on s.user_id = u.id
        where u.id = $1`,
      [teacher.accountId],
    );
    expect(signedIn).toEqual({ latest: true });
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ username: teacher.username, password: 'sai-mat-khau-1' });
    expect(wrong.status).toBe(401);
  });

  it('prints every one-time password on the sheet and in the workbook, for the administrator who made them only', async () => {
    const pdf = await download(w.principal.token, sheetToken, 'pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    const text = pdfPages(pdf.body as Buffer).join('');
    for (const c of created) {
      expect(text).toContain(c.username);
      expect(text).toContain(c.oneTimePassword);
    }
    expect(text).toContain(`Nguyễn Văn ${tag}`);

    const xlsx = await download(w.principal.token, sheetToken, 'xlsx');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[4], r[5]]).sort()).toEqual(created.map((c) => [c.username, c.oneTimePassword]).sort());

    // Another administrator — even the department's — never gets it; an unknown token is no sheet.
    const dept = await t.login('admin.so');
    expect((await download(dept, sheetToken, 'pdf')).status).toBe(404);
    expect((await download(w.principal.token, 'khong-co-phieu-nay', 'pdf')).status).toBe(404);
    const exports = (await auditRows(t, w.school.id, 'credential_sheet')).map((r) => r.action);
    expect(exports).toEqual(['EXPORT', 'EXPORT']);
  });

  it('gives nobody a second account: a second run skips everyone who has one', async () => {
    const again = await bulk(w.principal.token, { schoolId: w.school.id });
    expect(again.status).toBe(201);
    expect(again.body.created).toEqual([]);
    expect(again.body.skipped.filter((s: { reason: string }) => s.reason === 'has_account')).toHaveLength(6);
  });

  it('reports named staff who are not of the school or not working there, and creates the others', async () => {
    const fresh = await insertStaffRecord(t, w.school.id, { fullName: `Bùi Thị ${tag}` });
    const foreign = await insertStaffRecord(t, w.otherSchool.id, { fullName: `Đinh Văn ${tag}` });
    const res = await bulk(w.officer.token, {
      schoolId: w.school.id,
      staffIds: [fresh, foreign, staff.retired, staff.head],
    });
    expect(res.status).toBe(201);
    expect(res.body.created).toEqual([expect.objectContaining({ fullName: `Bùi Thị ${tag}`, role: 'TEACHER' })]);
    expect(res.body.skipped).toEqual(
      expect.arrayContaining([
        { staffId: foreign, fullName: '', reason: 'not_in_school' },
        { staffId: staff.retired, fullName: `Hoàng Văn ${tag}`, reason: 'not_working' },
        { staffId: staff.head, fullName: `Trần Văn ${tag}`, reason: 'has_account' },
      ]),
    );
  });

  it('writes the accounts and their audit rows in one transaction: a failing audit leaves no account', async () => {
    const fresh = await insertStaffRecord(t, w.school.id, { fullName: `Mai Thị ${tag}` });
    const trigger = `fail_accounts_${process.pid}`;
    await t.owner.query(`
      create function ${trigger}() returns trigger language plpgsql as $$
      begin
        if new.school_id = '${w.school.id}' and new.entity = 'app_user' then raise exception 'audit refused'; end if;
        return new;
      end $$;
      create trigger ${trigger} before insert on audit_log for each row execute function ${trigger}();`);
    try {
      const res = await bulk(w.principal.token, { schoolId: w.school.id, staffIds: [fresh] });
      expect(res.status).toBe(500);
    } finally {
      await t.owner.query(`drop trigger ${trigger} on audit_log; drop function ${trigger}();`);
    }
    const [{ n }] = await t.owner.query(`select count(*)::int as n from app_user where staff_id = $1`, [fresh]);
    expect(n).toBe(0);
    const retried = await bulk(w.principal.token, { schoolId: w.school.id, staffIds: [fresh] });
    expect(retried.body.created).toEqual([expect.objectContaining({ fullName: `Mai Thị ${tag}` })]);
  });

  it("refuses another school's bulk creation as if it did not exist, and a role above what the caller may give", async () => {
    expect((await bulk(w.principal.token, { schoolId: w.otherSchool.id })).status).toBe(404);
    expect((await bulk(w.officer.token, { schoolId: w.otherSchool.id })).status).toBe(404);
    const unitRole = await bulk(w.principal.token, { schoolId: w.school.id, defaultRole: 'UNIT_OFFICER' });
    expect(unitRole.status).toBe(400);
    const notASchool = await bulk((await t.login('admin.so')) as string, { schoolId: w.unit.id });
    expect(errorOf(notASchool)).toEqual({ field: 'schoolId', rule: 'notASchool' });
    const teacher = await t.login('giaovien.nhuquynh');
    expect((await bulk(teacher, { schoolId: w.school.id })).status).toBe(403);
    // A closed school is read-only: no new accounts, even from the department.
    const closed = await createReportSchool(t, w.unit);
    await t.owner.query(`update org_unit set active = false where id = $1`, [closed.id]);
    t.app.get(OrgTreeService).invalidate();
    const refused = await bulk(await t.login('admin.so'), { schoolId: closed.id });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('school_closed');
  });
});

function errorOf(res: Response): { field: string; rule: string } {
  expect(res.status).toBe(400);
  const [e] = res.body.errors as { field: string; code: string }[];
  return { field: e.field, rule: e.code };
}

import { expect, Page, test } from '@playwright/test';
import type {
  AuditEntry,
  AuthUser,
  ClassSummary,
  Page as ListPage,
  StudentSummary,
  TeachingAssignment,
} from '@emis/contracts';
import { screenshot, signIn } from './session';

/**
 * Need-to-know in the browser (docs/security/needtoknow.md, docs/domain/personal-data.md): a teacher's student list
 * holds only the pupils of the classes she teaches or leads, without identity numbers and without a way to reveal
 * them; the school's administrator sees identity numbers masked, reveals them with the toggle, and the reveal is in
 * the audit log as a READ row naming the identity-number group — on the students page and on the staff page alike.
 */
const TEACHER = 'giaovien.nhuquynh';
const ADMIN = 'hieutruong.nhuquynh';
/** A masked identity number: the first four and the last three digits (maskPersonalId). */
const MASKED = /^\d{4}\D+\d{3}$/;
const FULL = /^\d{12}$/;

interface Api {
  headers: Record<string, string>;
  school: string;
  me: AuthUser;
}

/** The signed-in page's own bearer token, read from a request it makes (it lives only in memory). */
async function apiOf(page: Page, path: string): Promise<Api> {
  const authorised = page.waitForRequest((r) => r.url().includes('/api/') && !!r.headers()['authorization']);
  await page.goto(path);
  const headers = { authorization: (await authorised).headers()['authorization'] };
  const me = (await (await page.request.get('/api/auth/me', { headers })).json()) as AuthUser;
  return { headers, school: `/api/schools/${me.orgUnitId}`, me };
}

async function get<T>(page: Page, api: Api, path: string): Promise<T> {
  const response = await page.request.get(`${api.school}${path}`, { headers: api.headers });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

test("a teacher's student list holds only her classes' pupils, without identity numbers", async ({ page }) => {
  await signIn(page, TEACHER);
  const api = await apiOf(page, '/students?pageSize=100');
  await expect(page.getByTestId('student-row').first()).toBeVisible();

  const own = await get<ListPage<StudentSummary>>(page, api, '/students?pageSize=200');
  await expect(page.getByTestId('students-count')).toHaveText(new RegExp(`Tìm thấy ${own.total} học sinh`));
  expect(own.total).toBeGreaterThan(0);
  // Her classes: those she teaches a subject of (the school's assignments name her) — and any she leads.
  const assignments = await get<TeachingAssignment[]>(page, api, '/assignments');
  const classes = await get<ListPage<ClassSummary>>(page, api, '/classes?pageSize=200');
  const taught = new Set([
    ...assignments.filter((a) => a.staffName === api.me.fullName).map((a) => a.className),
    ...classes.items.filter((c) => c.homeroomName === api.me.fullName).map((c) => c.name),
  ]);
  const shownClasses = new Set(await page.getByTestId('student-class').allTextContents());
  expect(shownClasses.size).toBeGreaterThan(0);
  for (const name of shownClasses) expect(taught.has(name.trim()) || name.trim() === '—').toBe(true);

  // No identity numbers, no column for them, and no way to ask for them.
  await expect(page.getByTestId('student-personal-id')).toHaveCount(0);
  await expect(page.getByTestId('students-reveal-ids')).toHaveCount(0);
  expect(own.items.every((s) => !s.personalId)).toBe(true);
  await screenshot(page, 'need-to-know-teacher-students');
});

test('the administrator sees more pupils, identity numbers masked, and the reveal is audited', async ({ page }) => {
  await signIn(page, ADMIN);
  const api = await apiOf(page, '/students');
  const ids = page.getByTestId('student-personal-id');
  await expect(ids.first()).toBeVisible();
  for (const text of (await ids.allTextContents()).slice(0, 5)) expect(text.trim()).toMatch(MASKED);
  const whole = await get<ListPage<StudentSummary>>(page, api, '/students?pageSize=1');
  await expect(page.getByTestId('students-count')).toHaveText(new RegExp(`Tìm thấy ${whole.total} học sinh`));

  const revealed = page.waitForResponse((r) => r.url().includes('reveal=personalId') && r.status() === 200);
  await page.getByTestId('students-reveal-ids').check();
  await revealed;
  await expect(ids.first()).toHaveText(FULL);
  const shown = (await page.getByTestId('student-row').evaluateAll((rows) => rows.map((r) => r.dataset['studentId'])))
    .filter((id): id is string => !!id)
    .sort();
  await screenshot(page, 'need-to-know-admin-reveal');

  const log = await page.request.get('/api/audit', {
    headers: api.headers,
    params: { schoolId: api.me.orgUnitId, entity: 'student', pageSize: 20, sort: '-at' },
  });
  expect(log.ok()).toBe(true);
  const reads = ((await log.json()) as ListPage<AuditEntry>).items.filter(
    (e) => e.action === 'READ' && e.actorId === api.me.id,
  );
  const reveal = reads.find((e) => (e.after as { groups?: string[] }).groups?.includes('identityNumber'));
  expect(reveal, 'a READ row naming the identity-number group').toBeDefined();
  const after = reveal!.after as { ids: string[]; filter: Record<string, unknown> };
  expect([...after.ids].sort()).toEqual(shown);
  expect(after.filter).toMatchObject({ reveal: 'personalId' });
});

test('the staff list masks identity numbers until the administrator reveals them, and the reveal is audited', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  const api = await apiOf(page, '/staff');
  const rows = page.getByTestId('staff-row');
  await expect(rows.first()).toBeVisible();
  const before = await rows.evaluateAll((r) => r.map((row) => row.getAttribute('data-personal-id') ?? ''));
  expect(before.length).toBeGreaterThan(0);
  for (const id of before) expect(id).toMatch(MASKED);

  const revealed = page.waitForResponse((r) => r.url().includes('reveal=personalId') && r.status() === 200);
  await page.getByTestId('staff-reveal-ids').check();
  await revealed;
  await expect(rows.first()).toHaveAttribute('data-personal-id', FULL);
  await screenshot(page, 'need-to-know-staff-reveal');

  const log = await page.request.get('/api/audit', {
    headers: api.headers,
    params: { schoolId: api.me.orgUnitId, entity: 'staff', pageSize: 20, sort: '-at' },
  });
  const reads = ((await log.json()) as ListPage<AuditEntry>).items.filter(
    (e) => e.action === 'READ' && e.actorId === api.me.id,
  );
  expect(reads.some((e) => (e.after as { groups?: string[] }).groups?.includes('identityNumber'))).toBe(true);
  // Unticked, the list is masked again.
  await page.getByTestId('staff-reveal-ids').uncheck();
  await expect(rows.first()).toHaveAttribute('data-personal-id', MASKED);
});

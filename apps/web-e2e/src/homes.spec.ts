import { APIRequestContext, expect, test } from '@playwright/test';
import type { AuthUser, ClassSummary, GradeSheet } from '@emis/contracts';
import { apiAccessToken, screenshot, signIn } from './session';

const TEACHER = 'giaovien.nhuquynh';
const TEACHER_NAME = 'Vũ Minh Tuấn';
const PRINCIPAL = 'hieutruong.nhuquynh';

async function call(
  request: APIRequestContext,
  token: string,
  method: 'get' | 'post' | 'delete',
  url: string,
  data?: unknown,
) {
  const res = await request[method](url, { headers: { Authorization: `Bearer ${token}` }, data });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.status() === 204 ? undefined : res.json();
}

test('a teacher’s home lists their classes and gradebooks with what is left, each a link to its sheet', async ({
  page,
}, testInfo) => {
  await signIn(page, TEACHER);
  const home = page.getByTestId('school-home');
  await expect(home).toBeVisible();
  await expect(home.getByTestId('home-mine')).toBeVisible();
  const maths = home.getByTestId('home-sheet-6A-TOAN');
  await expect(maths).toContainText('6A · Toán');
  await expect(maths).toContainText(/Còn \d+\/\d+ ô|Đã nhập đủ/);
  // A teacher sees no school figures.
  await expect(home.getByTestId('home-progress-matrix')).toHaveCount(0);
  await testInfo.attach('home-teacher.png', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  await screenshot(page, 'home-teacher');
  await maths.click();
  await expect(page.getByTestId('grade-sheet-title')).toContainText('Toán');
});

test('the principal’s home shows the figures, the progress by class × subject × teacher with a filter, and class sizes', async ({
  page,
}, testInfo) => {
  await signIn(page, PRINCIPAL);
  const home = page.getByTestId('school-home');
  await expect(home.getByTestId('home-progress-matrix')).toBeVisible();
  await expect(home.getByTestId('home-figure-progress')).toContainText('%');
  await expect(home.getByTestId('home-figure-corrections')).toBeVisible();
  await expect(home.getByTestId('home-figure-breaches')).toBeVisible();
  const cell = home.getByTestId('home-cell-6A-TOAN');
  await expect(cell).toContainText('%');
  await expect(cell).toContainText(TEACHER_NAME);
  await testInfo.attach('home-principal.png', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  await screenshot(page, 'home-principal');
  // The filter keeps one teacher's cells: every cell left names them.
  await home.getByTestId('home-teacher-filter').selectOption({ label: TEACHER_NAME });
  const cells = home.locator('[data-testid^="home-cell-"]');
  await expect(cells.first()).toBeVisible();
  for (const text of await cells.allTextContents()) expect(text).toContain(TEACHER_NAME);
  await testInfo.attach('home-principal-filtered.png', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});

/**
 * 6A × Toán of semester I is locked for the test (a scoped lock, reaching nothing else), the teacher asks for a
 * correction and the principal rejects it (so no demo grade changes); the lock is removed whatever happens.
 */
test('a correction decided shows a notification to the teacher, with the bell’s count', async ({
  page,
  request,
}, testInfo) => {
  await signIn(page, PRINCIPAL);
  const principal = await apiAccessToken(request, PRINCIPAL);
  const me = (await call(request, principal, 'get', '/api/auth/me')) as AuthUser;
  const school = `/api/schools/${me.orgUnitId}`;
  const home = await call(request, principal, 'get', `${school}/home`);
  const classes = (await call(
    request,
    principal,
    'get',
    `${school}/classes?pageSize=100&yearId=${home.schoolYearId}`,
  )) as {
    items: ClassSummary[];
  };
  const classId = classes.items.find((c) => c.name === '6A')!.id;
  const locks = (await call(request, principal, 'post', `${school}/grading/locks`, {
    yearId: home.schoolYearId,
    semester: 1,
    classId,
    subjectCode: 'TOAN',
    reason: 'Thông báo (e2e)',
  })) as { id: string; reason: string | null }[];
  try {
    const teacher = await apiAccessToken(request, TEACHER);
    const sheet = (await call(request, teacher, 'get', `${school}/classes/${classId}/gradebook/1/TOAN`)) as GradeSheet;
    const pupil = sheet.rows[0];
    const asked = await call(request, teacher, 'post', `${school}/grading/corrections`, {
      classId,
      subjectCode: 'TOAN',
      semester: 1,
      studentId: pupil.studentId,
      cells: { TX1: pupil.cells['TX1'] === 9 ? 8 : 9 },
      reason: 'Kiểm tra thông báo (e2e)',
    });
    await call(request, principal, 'post', `${school}/grading/corrections/${asked.id}/reject`, {
      note: 'Chưa có minh chứng',
    });
  } finally {
    for (const l of locks.filter((l) => l.reason === 'Thông báo (e2e)'))
      await call(request, principal, 'delete', `${school}/grading/locks/${l.id}`);
  }

  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await signIn(page, TEACHER);
  // The outbox delivers the decision in the background: the bell counts it once it has arrived.
  const bell = page.getByTestId('notification-bell');
  await expect(async () => {
    await page.goto('/');
    await expect(page.getByTestId('notification-count')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await bell.click();
  const rejected = page.getByTestId('notification').filter({ hasText: 'bị từ chối' }).first();
  await expect(rejected).toContainText('Toán lớp 6A');
  await expect(rejected).toContainText('Chưa có minh chứng');
  await testInfo.attach('notifications-teacher.png', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  await screenshot(page, 'notifications-teacher');
  await rejected.click();
  await expect(page.getByTestId('grade-sheet-title')).toContainText('Toán');
});

/** The principal locks 6A × Toán of semester I on the locks page; the lock is removed at the end whatever happens. */
test('a class × subject lock makes that sheet read-only for the teacher, and is removed at the end', async ({
  browser,
  request,
}, testInfo) => {
  const principalContext = await browser.newContext();
  const teacherContext = await browser.newContext();
  const principal = await principalContext.newPage();
  const teacher = await teacherContext.newPage();
  await signIn(principal, PRINCIPAL);
  const token = await apiAccessToken(request, PRINCIPAL);
  const me = (await call(request, token, 'get', '/api/auth/me')) as AuthUser;
  const school = `/api/schools/${me.orgUnitId}`;
  const { schoolYearId } = await call(request, token, 'get', `${school}/home`);
  try {
    await principal.goto('/grades/locks');
    await expect(principal.getByTestId('locks-title')).toBeVisible();
    await principal.getByTestId('locks-semester').selectOption('1');
    await principal.getByTestId('locks-class').selectOption({ label: '6A' });
    await principal.getByTestId('locks-subject').selectOption({ label: 'Toán' });
    await principal.getByTestId('locks-reason').fill('Đã nộp sổ điểm Toán 6A (e2e)');
    await principal.getByTestId('locks-submit').click();
    const row = principal.getByTestId('lock-row').filter({ hasText: 'Đã nộp sổ điểm Toán 6A' });
    await expect(row).toContainText('6A · Toán');
    await testInfo.attach('locks-principal.png', {
      body: await principal.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
    await screenshot(principal, 'locks-principal');

    await signIn(teacher, TEACHER);
    const classes = (await call(request, token, 'get', `${school}/classes?pageSize=100&yearId=${schoolYearId}`)) as {
      items: ClassSummary[];
    };
    const classId = classes.items.find((c) => c.name === '6A')!.id;
    await teacher.goto(`/grades/${classId}/1/TOAN`);
    await expect(teacher.getByTestId('grade-sheet-title')).toContainText('Toán');
    await expect(teacher.getByTestId('grade-sheet-readonly')).toHaveAttribute('data-reason', 'locked');
    const cell = teacher.locator('[data-testid="grade-grid"] .ag-row[row-index="0"] .ag-cell[col-id="TX1"]');
    const before = await cell.textContent();
    await cell.click();
    await teacher.keyboard.type('5');
    await teacher.keyboard.press('Enter');
    await expect(cell).toHaveText(before ?? '');
    await testInfo.attach('locked-sheet-teacher.png', {
      body: await teacher.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

    await row.getByTestId('lock-remove').click();
    await expect(principal.getByTestId('lock-row').filter({ hasText: 'Đã nộp sổ điểm Toán 6A' })).toHaveCount(0);
  } finally {
    // Leave no lock behind: other specs write grades.
    const left = (await call(request, token, 'get', `${school}/grading/locks?yearId=${schoolYearId}`)) as {
      id: string;
      reason: string | null;
    }[];
    for (const l of left.filter((l) => l.reason?.includes('(e2e)')))
      await call(request, token, 'delete', `${school}/grading/locks/${l.id}`);
    await principalContext.close();
    await teacherContext.close();
  }
});

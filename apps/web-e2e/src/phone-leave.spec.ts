import { APIRequestContext, expect, Page, test } from '@playwright/test';
import type { AuthUser, ClassSummary } from '@emis/contracts';
import { apiAccessToken, screenshot, signIn } from './session';

const TEACHER = 'giaovien.nhuquynh';
const PRINCIPAL = 'hieutruong.nhuquynh';
const LOCK_REASON = 'Khoá cột GK trên điện thoại (e2e)';

// A phone held upright (issue #16): 390×844, touch, the mobile viewport.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** Toán 6A, semester 1, on the phone, opened from the gradebook list (so Back stays in the app). */
async function openSheet(page: Page): Promise<void> {
  await page.goto('/grades');
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-semester').selectOption('1');
  await page.getByTestId('grades-open-TOAN').tap();
  await expect(page.getByTestId('phone-sheet')).toBeVisible();
  await page.getByTestId('phone-column').selectOption('TX3');
}

/**
 * Text typed on the phone with the focus still in the input, then Back (docs/domain/gradebook.md, "Entering scores on
 * a phone"): a valid score is committed and saved before the page goes; an invalid one makes the page ask, and what is
 * typed after "stay" counts again. The cell is put back at the end, so no other spec sees it.
 */
test('a score typed on a phone and not committed is saved by Back; an invalid one asks first', async ({ page }) => {
  await signIn(page, TEACHER);
  await openSheet(page);
  const input = page.getByTestId('phone-line').last().getByTestId('phone-input');
  const before = await input.inputValue();
  const typed = before === '6' ? '5' : '6';

  await input.tap();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(typed);
  await expect(input).toBeFocused();
  await page.goBack();
  // The address changes at once; the page goes only once the score is saved: the gradebook list shows then.
  await expect(page.getByTestId('grades-title')).toBeVisible();
  await expect(page).not.toHaveURL(/\/TOAN/);
  await expect(page.getByTestId('leave-dialog')).not.toBeVisible();

  // Opened again, the sheet reads the score from the server.
  await page.goForward();
  await expect(page.getByTestId('phone-sheet')).toBeVisible();
  await page.getByTestId('phone-column').selectOption('TX3');
  await expect(input).toHaveValue(typed);

  // Not a score, still in the input: Back asks; staying keeps the text.
  await input.tap();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('abc');
  await page.goBack();
  await expect(page.getByTestId('leave-dialog')).toBeVisible();
  await expect(page.getByTestId('leave-dialog-invalid')).toBeVisible();
  await page.getByTestId('leave-dialog-stay').click();
  await expect(page).toHaveURL(/\/TOAN/);
  await expect(input).toHaveValue('abc');

  // Still in the input, a score typed over the text: Back counts it again (the question's flush had taken 'abc'),
  // saves it and goes without asking.
  await expect(input).toBeFocused();
  await input.fill(typed);
  await expect(input).toBeFocused();
  await page.goBack();
  await expect(page.getByTestId('grades-title')).toBeVisible();
  await expect(page.getByTestId('leave-dialog')).not.toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('phone-sheet')).toBeVisible();
  await page.getByTestId('phone-column').selectOption('TX3');
  await expect(input).toHaveValue(typed);

  // Put back what the cell held.
  await input.fill(before);
  await input.press('Enter');
  await expect(page.getByTestId('grade-save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await page.getByTestId('phone-column').selectOption('TX3');
  await expect(input).toHaveValue(before);
});

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

/**
 * A column the principal locked shows on the phone as on the grid (docs/domain/gradebook.md, "Entering scores on a
 * phone"): 🔒 in the column list, the lock and its reason above the list, read-only inputs. The lock is removed
 * whatever happens, so no other spec sees it.
 */
test('a locked column on the phone: 🔒 in the list, the reason shown, the inputs read-only', async ({
  page,
  request,
}) => {
  await signIn(page, PRINCIPAL);
  const principal = await apiAccessToken(request, PRINCIPAL);
  await page.getByTestId('logout').click();
  const me = (await call(request, principal, 'get', '/api/auth/me')) as AuthUser;
  const school = `/api/schools/${me.orgUnitId}`;
  const home = await call(request, principal, 'get', `${school}/home`);
  const classes = (await call(request, principal, 'get', `${school}/classes?pageSize=100&yearId=${home.schoolYearId}`))
    .items as ClassSummary[];
  const classId = classes.find((c) => c.name === '6A')!.id;
  const locks = (await call(request, principal, 'post', `${school}/grading/locks`, {
    yearId: home.schoolYearId,
    semester: 1,
    classId,
    subjectCode: 'TOAN',
    columnKey: 'GK',
    reason: LOCK_REASON,
  })) as { id: string; reason: string | null }[];
  try {
    await signIn(page, TEACHER);
    await openSheet(page);
    await expect(page.getByTestId('phone-column-locked')).toHaveCount(0);
    await expect(page.getByTestId('phone-column').locator('option[value="GK"]')).toHaveText(/🔒/);
    await page.getByTestId('phone-column').selectOption('GK');
    await expect(page.getByTestId('phone-column-locked')).toContainText('Cột này đã khoá');
    await expect(page.getByTestId('phone-column-locked')).toContainText(LOCK_REASON);
    await expect(page.getByTestId('phone-input').first()).toHaveAttribute('readonly', '');
    await screenshot(page, 'phone-column-locked');
    // Another column stays open.
    await page.getByTestId('phone-column').selectOption('TX1');
    await expect(page.getByTestId('phone-column-locked')).toHaveCount(0);
    await expect(page.getByTestId('phone-input').first()).not.toHaveAttribute('readonly', '');
  } finally {
    for (const lock of locks.filter((l) => l.reason === LOCK_REASON))
      await call(request, principal, 'delete', `${school}/grading/locks/${lock.id}`);
  }
});

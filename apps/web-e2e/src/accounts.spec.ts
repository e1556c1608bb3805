import { expect, Page, test } from '@playwright/test';
import { Credential, firstSignIn, NEW_PASSWORD, screenshot, signIn } from './session';

/** A one-time password as the sheet on screen shows it, for the first row whose role cell reads `roleLabel`. */
async function credentialFor(page: Page, roleLabel: string): Promise<Credential> {
  const row = page.getByTestId('credential-row').filter({ hasText: roleLabel }).first();
  await expect(row).toBeVisible();
  return {
    username: ((await row.getByTestId('credential-username').textContent()) ?? '').trim(),
    password: ((await row.getByTestId('credential-password').textContent()) ?? '').trim(),
  };
}

// The second test resets the password of the teacher the first one created: run in order, stop at the first failure.
test.describe.configure({ mode: 'serial' });

/** The teacher whose account the first test created (the second resets it, leaving the demo accounts alone). */
let newTeacher: Credential | null = null;

test('a principal gives the staff accounts at once, and a new teacher and vice-principal sign in with them', async ({
  page,
  browser,
}) => {
  await signIn(page, 'hieutruong.nhuquynh');
  await expect(page.getByTestId('home-panel').getByTestId('accounts-attention-open')).toBeVisible();
  await page.getByTestId('nav-accounts').click();
  await expect(page.getByTestId('account-row').first()).toBeVisible();
  await screenshot(page, 'accounts-list');

  // The preview: working staff without an account, the principal and vice-principals as school administrators.
  await page.getByTestId('accounts-bulk-link').click();
  const candidates = page.getByTestId('bulk-candidate');
  await expect(candidates.first()).toBeVisible();
  await expect(page.getByTestId('bulk-with-account')).toContainText('giaovien.nhuquynh');
  await expect(candidates.filter({ hasText: 'Quản trị trường' }).first()).toBeVisible();
  const count = await candidates.count();
  await screenshot(page, 'accounts-bulk-preview');

  await page.getByTestId('bulk-submit').click();
  await expect(page.getByTestId('bulk-confirm')).toBeVisible();
  await page.getByTestId('bulk-confirm-confirm').click();

  // The one-time passwords, once, with the sheet to print and the workbook.
  await expect(page.getByTestId('bulk-result')).toBeVisible();
  await expect(page.getByTestId('credentials-warning')).toContainText('MỘT LẦN');
  await expect(page.getByTestId('credential-row')).toHaveCount(count);
  await expect(page.getByTestId('credentials-print')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('credentials-excel').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await screenshot(page, 'accounts-bulk-credentials');
  const teacher = await credentialFor(page, 'Giáo viên');
  const vicePrincipal = await credentialFor(page, 'Quản trị trường');

  // A teacher: a password of their own at the first sign-in, no second factor (the policy does not ask it).
  const teacherPage = await firstSignIn(browser, teacher, 'accounts-teacher');
  newTeacher = { username: teacher.username, password: NEW_PASSWORD };
  await expect(teacherPage.getByTestId('dashboard-role')).toHaveText('Giáo viên');
  await screenshot(teacherPage, 'accounts-teacher-home');
  await teacherPage.context().close();

  // A vice-principal administers the school: the second factor is enrolled right after the first password.
  const adminPage = await firstSignIn(browser, vicePrincipal, 'accounts-vice-principal');
  await expect(adminPage.getByTestId('dashboard-role')).toHaveText('Quản trị trường');
  await adminPage.context().close();

  // Back on the principal's list, both accounts are there and have signed in.
  await page.getByTestId('bulk-done').click();
  await page.getByTestId('accounts-search').fill(teacher.username);
  // Wait for the search's own answer (one row), so the click does not land on a row the reload is replacing.
  await expect(page.getByTestId('account-row')).toHaveCount(1);
  const row = page.getByTestId('account-row').filter({ hasText: teacher.username });
  await expect(row).toHaveCount(1);
  await row.getByTestId('account-link').click();
  await expect(page.getByTestId('account-username')).toHaveText(teacher.username);
  await expect(page.getByTestId('account-must-change')).toHaveCount(0);
  await screenshot(page, 'accounts-detail');
});

test('a principal resets the new teacher’s password with a reason, and the teacher must choose a new one', async ({
  page,
  browser,
}) => {
  const teacher = newTeacher;
  if (!teacher) throw new Error('The first test created no teacher');
  await signIn(page, 'hieutruong.nhuquynh');
  await page.getByTestId('nav-accounts').click();
  await page.getByTestId('accounts-new-link').click();

  // One account from a staff record: the picker lists working staff who have none (the first test gave them all one).
  await expect(page.getByTestId('account-form-unit')).toHaveValue(/.+/);
  await page.getByTestId('account-form-role').selectOption('TEACHER');
  await expect(page.getByTestId('account-form-staff-hint')).toContainText('đều đã có tài khoản');
  await expect(page.getByTestId('account-form-staff-search')).toBeVisible();
  await page.getByTestId('account-form-submit').click();
  await expect(page.getByTestId('account-form-staff-error')).toContainText('Vui lòng chọn cán bộ');

  // A password reset from the list: the reason is required, the one-time password shown once. The new-account form
  // still holds the role chosen above: leaving it asks first (the leave guard), and the principal leaves it.
  await page.getByTestId('nav-accounts').click();
  await expect(page.getByTestId('leave-dialog-dirty')).toBeVisible();
  await page.getByTestId('leave-dialog-discard').click();
  await page.getByTestId('accounts-role').selectOption('TEACHER');
  await page.getByTestId('accounts-search').fill(teacher.username);
  // Wait for the search's own answer (one row), so the click does not land on a row the reload is replacing.
  await expect(page.getByTestId('account-row')).toHaveCount(1);
  const row = page.getByTestId('account-row').filter({ hasText: teacher.username });
  await expect(row).toHaveCount(1);
  await row.getByTestId('account-row-reset-password').click();
  const reason = page.getByTestId('account-command-reason');
  await reason.fill('ok');
  await reason.blur();
  await expect(page.getByTestId('account-command-reason-error')).toContainText('ít nhất 3');
  await expect(page.getByTestId('account-command-confirm')).toBeDisabled();
  await reason.fill('Giáo viên quên mật khẩu, báo trực tiếp');
  await page.getByTestId('account-command-confirm').click();
  await expect(page.getByTestId('account-credential')).toBeVisible();
  const password = ((await page.getByTestId('credential-password').textContent()) ?? '').trim();
  await screenshot(page, 'accounts-reset-password');
  await page.getByTestId('account-credential-close').click();

  const teacherPage = await firstSignIn(browser, { username: teacher.username, password }, 'accounts-reset');
  await teacherPage.context().close();
});

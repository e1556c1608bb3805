import { expect, Page, test } from '@playwright/test';
import { DEMO_PASSWORD, rememberPassword, screenshot, signIn } from './session';

const USERNAME = 'ketoan.nhuquynh';
const NEW_PASSWORD = 'Sổ sách kế toán 2026';

type Rule = 'tooShort' | 'needsLetter' | 'needsDigit' | 'containsUsername';

async function expectRules(page: Page, met: Record<Rule, boolean>): Promise<void> {
  for (const [rule, isMet] of Object.entries(met)) {
    await expect(page.getByTestId(`password-rule-${rule}`)).toHaveAttribute('data-met', String(isMet));
  }
}

/** The whole page from the top: a full-page capture taken mid-scroll would paint the sticky header mid-page. */
async function screenshotFromTop(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

test('an accountant changes the password with live rule feedback, then signs in with the new one', async ({ page }) => {
  await signIn(page, USERNAME);
  await page.getByTestId('nav-account').click();
  const form = page.getByTestId('password-form');
  const current = form.getByLabel('Mật khẩu hiện tại');
  const next = form.getByLabel('Mật khẩu mới', { exact: true });
  const confirm = form.getByLabel('Nhập lại mật khẩu mới');
  const submit = page.getByTestId('password-submit');
  await expect(current).toHaveAttribute('autocomplete', 'current-password');
  await expect(next).toHaveAttribute('autocomplete', 'new-password');
  await expect(confirm).toHaveAttribute('autocomplete', 'new-password');
  await expectRules(page, { tooShort: false, needsLetter: false, needsDigit: false, containsUsername: false });

  // A wrong current password: the server's message under its field, which gets the focus.
  await current.fill('sai-mat-khau-2026');
  await next.fill(NEW_PASSWORD);
  await confirm.fill(NEW_PASSWORD);
  await submit.click();
  await expect(page.getByTestId('password-current-error')).toHaveText('Mật khẩu hiện tại không đúng');
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toBeFocused();
  await expect(page.getByTestId('password-error')).toBeVisible();
  await expect(page.getByTestId('password-changed')).toHaveCount(0);

  // A weak new password: the checklist follows every keystroke.
  await next.fill('abc');
  await expectRules(page, { tooShort: false, needsLetter: true, needsDigit: false, containsUsername: true });
  await next.fill('ketoan.nhuquynh2026');
  await expectRules(page, { tooShort: true, needsLetter: true, needsDigit: true, containsUsername: false });
  // Submitting it is stopped in the browser, with the focus on the field to fix.
  await current.fill(DEMO_PASSWORD);
  await submit.click();
  await expect(page.getByTestId('password-new-error')).toHaveText('Mật khẩu mới chưa đáp ứng đủ các yêu cầu.');
  await expect(next).toBeFocused();
  // The server's answer to the earlier attempt is gone, with its field error.
  await expect(page.getByTestId('password-error')).toHaveCount(0);
  await expect(page.getByTestId('password-current-error')).toHaveText('');
  await screenshotFromTop(page, 'account-password-rules');

  // The confirmation must match (checked in the browser only).
  await next.fill(NEW_PASSWORD);
  await expectRules(page, { tooShort: true, needsLetter: true, needsDigit: true, containsUsername: true });
  await confirm.fill('Sổ sách kế toán 2025');
  await submit.click();
  await expect(page.getByTestId('password-confirm-error')).toHaveText('Mật khẩu nhập lại không khớp với mật khẩu mới.');
  await expect(confirm).toBeFocused();

  await confirm.fill(NEW_PASSWORD);
  await submit.click();
  await expect(page.getByTestId('password-changed')).toBeVisible();
  rememberPassword(USERNAME, NEW_PASSWORD);
  await expect(page.getByTestId('password-changed')).toContainText('phiên đăng nhập khác');
  await expect(current).toHaveValue('');
  await expect(next).toHaveValue('');
  await expect(confirm).toHaveValue('');
  await screenshotFromTop(page, 'account-password');

  // This browser keeps its session: the replaced refresh cookie restores it after a reload.
  await page.reload();
  await expect(page.getByTestId('user-menu')).toBeVisible();

  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  // The old password no longer opens the account; the new one does.
  await page.getByTestId('login-username').fill(USERNAME);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByText('Tên đăng nhập hoặc mật khẩu không đúng')).toBeVisible();
  await page.getByTestId('login-password').fill(NEW_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
});

test('a teacher sees the open sessions, ends another browser’s, and that browser is signed out at its next call', async ({
  page,
  browser,
}) => {
  const username = 'giaovien.nhuquynh';
  const elsewhere = await browser.newContext();
  const otherPage = await elsewhere.newPage();
  await signIn(otherPage, username);
  await otherPage.getByTestId('nav-account').click();
  const otherCurrent = otherPage.getByTestId('session-row').filter({ has: otherPage.getByTestId('session-current') });
  const otherId = await otherCurrent.getAttribute('data-session-id');
  expect(otherId).toBeTruthy();

  await signIn(page, username);
  await page.getByTestId('nav-account').click();
  const rows = page.getByTestId('session-row');
  // This session first, marked; the other browser's below with its device and address.
  await expect(rows.first()).toHaveAttribute('data-current', 'true');
  await expect(rows.first().getByTestId('session-end')).toHaveCount(0);
  const otherRow = page.locator(`[data-testid="session-row"][data-session-id="${otherId}"]`);
  await expect(otherRow).toHaveAttribute('data-current', 'false');
  await expect(otherRow).toContainText('Linux');
  await page.getByTestId('sessions-card').scrollIntoViewIfNeeded();
  await screenshot(page, 'account-sessions');

  await otherRow.getByTestId('session-end').click();
  await expect(page.getByTestId('sessions-confirm')).toBeVisible();
  await page.getByTestId('sessions-confirm-confirm').click();
  await expect(page.getByTestId('sessions-done')).toHaveText('Đã kết thúc phiên.');
  await expect(otherRow).toHaveCount(0);

  // The other browser's access token is still unexpired; its next call is refused and it lands on the sign-in page.
  await otherPage.getByTestId('sessions-reload').click();
  await expect(otherPage.getByTestId('login-form')).toBeVisible();
  await expect(otherPage.getByTestId('signed-out-notice')).toContainText('Phiên đăng nhập đã kết thúc');
  await screenshot(otherPage, 'signed-out-notice');

  // Signed in again there, then "sign out all other sessions" from here.
  await signIn(otherPage, username);
  await expect(otherPage.getByTestId('signed-out-notice')).toHaveCount(0);
  await page.getByTestId('sessions-reload').click();
  await page.getByTestId('sessions-end-others').click();
  await page.getByTestId('sessions-confirm-confirm').click();
  await expect(page.getByTestId('sessions-done')).toHaveText(/^Đã đăng xuất [1-9]\d* phiên khác\.$/);
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('sessions-only-this')).toBeVisible();
  await otherPage.getByTestId('nav-schools').click();
  await expect(otherPage.getByTestId('signed-out-notice')).toBeVisible();

  // This browser keeps its session, across a reload too.
  await page.reload();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await elsewhere.close();
});

test('two tabs of one browser refreshing the session at the same moment both stay signed in', async ({ context }) => {
  const first = await context.newPage();
  await signIn(first, 'giaovien.nhuquynh');
  const second = await context.newPage();
  await second.goto('/account');
  await expect(second.getByTestId('user-menu')).toBeVisible();
  // Both tabs restore their session from the same refresh cookie at once, twice over.
  for (let round = 0; round < 2; round++) {
    await Promise.all([first.reload(), second.reload()]);
    await expect(first.getByTestId('user-menu')).toBeVisible();
    await expect(second.getByTestId('user-menu')).toBeVisible();
  }
  await expect(second.getByTestId('signed-out-notice')).toHaveCount(0);
  await expect(first.getByTestId('login-form')).toHaveCount(0);
});

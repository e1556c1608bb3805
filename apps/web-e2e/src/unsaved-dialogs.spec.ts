import { expect, Page, test } from '@playwright/test';
import { signIn } from './session';

/**
 * The remaining dialogs and pages under the leave guard (docs/domain/gradebook.md, "Leaving a page"): a page form left
 * by the sidebar and by Back, two dialogs left by Back ("stay" keeps what was typed, "leave" drops it) and closed by
 * their own Cancel, Close or Escape — in either order, each way of leaving or closing asks, whatever was answered
 * before. Nothing is ever saved here, so no other spec sees a change.
 */

/** The leave question for a page: stay on it, or leave and discard. */
async function answer(page: Page, choice: 'stay' | 'discard'): Promise<void> {
  const dialog = page.getByTestId('leave-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('leave-dialog-dirty')).toHaveText('Có thay đổi chưa lưu trên trang');
  await page.getByTestId(`leave-dialog-${choice}`).click();
  await expect(dialog).not.toBeVisible();
}

test('the account page’s password form: the sidebar asks and stay keeps it; Back asks and leave drops it', async ({
  page,
}) => {
  await signIn(page, 'giaovien.nhuquynh');
  await page.getByTestId('nav-account').click();
  const current = page.getByTestId('password-form').getByLabel('Mật khẩu hiện tại');
  await current.fill('mat-khau-chua-doi');

  await page.getByTestId('nav-grades').click();
  await answer(page, 'stay');
  await expect(page).toHaveURL(/\/account$/);
  await expect(current).toHaveValue('mat-khau-chua-doi');

  await page.goBack();
  await answer(page, 'discard');
  await expect(page).not.toHaveURL(/\/account$/);
  await expect(page.getByTestId('password-form')).toHaveCount(0);
});

test('a new fee period typed into: its Cancel asks; Back asks and stay keeps the dialog; Back and leave drop it', async ({
  page,
}) => {
  await signIn(page, 'ketoan.nhuquynh');
  await page.getByTestId('nav-finance').click();
  await page.getByTestId('finance-tile-periods').click();
  await page.getByTestId('periods-create').click();
  const dialog = page.getByTestId('create-period-dialog');
  await expect(dialog).toBeVisible();
  // Nothing typed yet: Cancel closes at once.
  await page.getByTestId('create-period-dialog-cancel').click();
  await expect(dialog).not.toBeVisible();

  await page.getByTestId('periods-create').click();
  await page.getByTestId('period-code').fill('E2E-CHUA-LUU');
  await page.getByTestId('create-period-dialog-cancel').click();
  await expect(page.getByTestId('leave-dialog-closing')).toBeVisible();
  await page.getByTestId('leave-dialog-stay').click();
  await expect(dialog).toBeVisible();

  await page.goBack();
  await answer(page, 'stay');
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/\/finance\/periods/);
  await expect(page.getByTestId('period-code')).toHaveValue('E2E-CHUA-LUU');

  await page.goBack();
  await answer(page, 'discard');
  await expect(page).toHaveURL(/\/finance$/);
  await expect(page.getByTestId('period-row').filter({ hasText: 'E2E-CHUA-LUU' })).toHaveCount(0);
});

test('a new fee period typed into: Back, Cancel, Escape and Back again — every one asks, whatever came before', async ({
  page,
}) => {
  await signIn(page, 'ketoan.nhuquynh');
  await page.getByTestId('nav-finance').click();
  await page.getByTestId('finance-tile-periods').click();
  await page.getByTestId('periods-create').click();
  const dialog = page.getByTestId('create-period-dialog');
  const code = page.getByTestId('period-code');
  await code.fill('E2E-LAN-LUOT');

  // Back first, then the dialog's own Cancel: the next Back still asks (it once left without a word).
  await page.goBack();
  await answer(page, 'stay');
  await page.getByTestId('create-period-dialog-cancel').click();
  await expect(page.getByTestId('leave-dialog-closing')).toBeVisible();
  await page.getByTestId('leave-dialog-stay').click();
  await expect(dialog).toBeVisible();

  // Back answered with Escape (it stays), then Escape in the dialog: asked again, and Back after it too.
  await page.goBack();
  await expect(page.getByTestId('leave-dialog-dirty')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('leave-dialog')).not.toBeVisible();
  await expect(page).toHaveURL(/\/finance\/periods/);
  await code.press('Escape');
  await expect(page.getByTestId('leave-dialog-closing')).toBeVisible();
  await page.getByTestId('leave-dialog-stay').click();
  await expect(dialog).toBeVisible();
  await expect(code).toHaveValue('E2E-LAN-LUOT');

  await page.goBack();
  await answer(page, 'discard');
  await expect(page).toHaveURL(/\/finance$/);
  await expect(page.getByTestId('create-period-dialog')).not.toBeVisible();
});

test('a grade sheet’s import dialog with a file chosen: Close asks; Back asks, Close asks again; Back and leave go without importing', async ({
  page,
}) => {
  await signIn(page, 'giaovien.nhuquynh');
  await page.getByTestId('nav-grades').click();
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-semester').selectOption('1');
  await page.getByTestId('grades-open-TOAN').click();
  await expect(page.getByTestId('grade-sheet-title')).toContainText('Toán');
  await page.getByTestId('grade-import-button').click();
  const dialog = page.getByTestId('grade-import');
  await expect(dialog).toBeVisible();
  await page.getByTestId('grade-import-file').setInputFiles({
    name: 'so-diem.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('PK'),
  });

  await page.getByTestId('grade-import-close').click();
  await expect(page.getByTestId('leave-dialog-closing')).toBeVisible();
  await page.getByTestId('leave-dialog-stay').click();
  await expect(dialog).toBeVisible();

  await page.goBack();
  await answer(page, 'stay');
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/\/TOAN/);
  // Its close button after a Back answered "stay": it asks, and so does the next Back.
  await page.getByTestId('grade-import-close').click();
  await expect(page.getByTestId('leave-dialog-closing')).toBeVisible();
  await page.getByTestId('leave-dialog-stay').click();
  await expect(dialog).toBeVisible();

  await page.goBack();
  await answer(page, 'discard');
  await expect(page).not.toHaveURL(/\/TOAN/);
  await expect(page.getByTestId('grades-title')).toBeVisible();
});

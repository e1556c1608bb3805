import { expect, test } from '@playwright/test';
import { firstSignIn, screenshot, signIn } from './session';

/**
 * The department sets up a school and moves it, all from the organisation pages — the 1 July 2025 change (Decree
 * 142/2025/NĐ-CP): a primary school of the former Thái Bình city bureau comes under the People's Committee of Sơn Nam
 * ward from that day. A level and a free code are required; the move dialog says what will happen; the parent history
 * keeps both periods. The school is closed at the end (closed schools leave the school lists, so the other specs'
 * counts of the demo province stay true) and its pages then carry the read-only banner.
 */
const CODE = 'TH-E2E-ORG';
const NAME = 'Trường Tiểu học Kiểm thử Tổ chức';
const THAI_BINH = 'Phòng Giáo dục và Đào tạo thành phố Thái Bình';
const SON_NAM = 'Ủy ban nhân dân phường Sơn Nam';

test('the department creates a school, gives it its principal, moves it to another unit, then closes it', async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin.so');
  await page.getByTestId('nav-organisation').click();
  await expect(page.getByTestId('unit-tree')).toContainText(THAI_BINH);
  await expect(page.getByTestId('org-row').first()).toBeVisible();
  await screenshot(page, 'organisation-tree');

  // The province's school list from Excel: the import page hands out its template.
  await page.getByTestId('org-import').click();
  await expect(page.getByRole('heading', { name: 'Nhập danh sách trường của tỉnh từ Excel' })).toBeVisible();
  const template = page.waitForEvent('download');
  await page.getByTestId('import-template').click();
  expect((await template).suggestedFilename()).toMatch(/\.xlsx$/);
  await page.getByTestId('nav-organisation').click();

  await page.getByTestId('org-new-school').click();
  const form = page.getByTestId('unit-form');
  await form.getByTestId('unit-code').fill('thpt-chy');
  await form.getByTestId('unit-name').fill(NAME);
  await form.getByTestId('unit-parent').selectOption({ label: `${THAI_BINH} (PGD-TB)` });
  await form.getByTestId('unit-effective').fill('01/09/2020');
  await form.getByTestId('unit-form-submit').click();
  // Checked in the browser first: a school needs a level.
  await expect(form.getByText('Trường cần ít nhất một cấp học.')).toBeVisible();
  await form.getByTestId('unit-level-PRIMARY').check();
  await form.getByTestId('unit-commune').fill('Phường Sơn Nam');
  await form.getByTestId('unit-form-submit').click();
  // Checked by the server: the code (typed in lower case, sent in upper case) belongs to another school.
  await expect(form.locator('#unit-code-error')).not.toBeEmpty();
  await form.getByTestId('unit-code').fill(CODE);
  await screenshot(page, 'organisation-create');
  await form.getByTestId('unit-form-submit').click();
  await expect(page.getByTestId('org-created')).toContainText(NAME);

  await page.getByTestId('org-search').fill(CODE);
  const row = page.locator(`[data-testid="org-row"][data-code="${CODE}"]`);
  await expect(row).toContainText(THAI_BINH);
  // Nobody administers the new school yet.
  await expect(row.getByTestId('badge-no-admin')).toBeVisible();
  await row.getByTestId('org-link').click();
  await expect(page.getByTestId('unit-title')).toHaveText(NAME);

  await page.getByTestId('unit-move-open').click();
  const move = page.getByTestId('unit-move');
  await move.getByTestId('move-filter').fill('son nam');
  await move.getByTestId('move-target').selectOption({ label: `${SON_NAM} (UBND-SN)` });
  await move.getByTestId('move-date').fill('01/07/2025');
  await move.getByTestId('move-decision').fill('15/QĐ-UBND');
  await move.getByTestId('move-reason').fill('Chuyển về Ủy ban nhân dân phường quản lý từ 1/7/2025');
  const consequence = move.getByTestId('move-consequence');
  await expect(consequence).toContainText(`Từ ngày 01/07/2025, cán bộ của ${SON_NAM} quản lý và xem được trường`);
  await expect(consequence).toContainText(`các báo cáo từ ngày đó sẽ tính vào ${SON_NAM}`);
  await screenshot(page, 'organisation-move');
  await move.getByTestId('unit-move-confirm').click();

  await expect(page.getByTestId('unit-saved')).toBeVisible();
  await expect(page.locator('.page-subtitle')).toContainText(SON_NAM);
  await page.getByTestId('unit-tab-history').click();
  const periods = page.getByTestId('history-row');
  await expect(periods).toHaveCount(2);
  await expect(periods.first()).toContainText('01/07/2025');
  await expect(periods.first()).toContainText(SON_NAM);
  await expect(periods.first()).toContainText('Đang áp dụng');
  await expect(periods.last()).toContainText('01/09/2020');
  await expect(periods.last()).toContainText('30/06/2025');
  await expect(periods.last()).toContainText(THAI_BINH);
  await screenshot(page, 'organisation-history');

  // Its principal: the new school has no staff records yet, so the department names the principal, who signs in
  // with the one-time password, chooses a password and enrols the authenticator (a school administrator must).
  await page.getByTestId('nav-accounts').click();
  await page.getByTestId('accounts-new-link').click();
  await page.getByTestId('account-form-unit').selectOption({ label: `${NAME} (Trường)` });
  await page.getByTestId('account-form-role').selectOption('SCHOOL_ADMIN');
  await expect(page.getByTestId('account-form-name-instead')).toBeVisible();
  await page.getByTestId('account-form-full-name').fill('Đỗ Thị Hoa');
  await page.getByTestId('account-form-submit').click();
  const credential = page.getByTestId('credential-row');
  await expect(credential).toHaveCount(1);
  await screenshot(page, 'organisation-principal-account');
  const principalPage = await firstSignIn(
    browser,
    {
      username: ((await credential.getByTestId('credential-username').textContent()) ?? '').trim(),
      password: ((await credential.getByTestId('credential-password').textContent()) ?? '').trim(),
    },
    'organisation-principal',
  );
  await expect(principalPage.getByTestId('dashboard-role')).toHaveText('Quản trị trường');
  await principalPage.context().close();

  // The tree shows the school under Sơn Nam now, not under Thái Bình.
  await page.getByTestId('nav-organisation').click();
  await page.getByTestId('unit-tree-UBND-SN').click();
  await page.getByTestId('org-search').fill(CODE);
  await expect(page.locator(`[data-testid="org-row"][data-code="${CODE}"]`)).toBeVisible();
  await page.getByTestId('unit-tree-PGD-TB').click();
  await expect(page.getByTestId('org-empty')).toBeVisible();

  // Closed: read-only, its data kept; listed again only with the closed ones.
  await page.getByTestId('unit-tree-UBND-SN').click();
  await page.locator(`[data-testid="org-row"][data-code="${CODE}"]`).getByTestId('org-link').click();
  await page.getByTestId('unit-close-open').click();
  const close = page.getByTestId('unit-close');
  await close.getByTestId('close-reason').fill('Sáp nhập vào trường tiểu học của phường');
  await close.getByTestId('unit-close-confirm').click();
  await expect(page.getByTestId('badge-closed')).toBeVisible();
  await expect(page.getByTestId('unit-closed-on')).toContainText('Sáp nhập');

  // Looking at the closed school (the switcher offers the tree as it is now): the banner says read-only.
  await page.getByTestId('org-switcher').click();
  await page.getByTestId('org-switcher-search').fill(CODE);
  await page.getByTestId('org-option').filter({ hasText: NAME }).click();
  await expect(page.getByTestId('closed-school-banner')).toContainText('Trường đã đóng — chỉ xem');
  await screenshot(page, 'organisation-closed-banner');
});

import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './session';

/** Each demo role and the navigation it must see: exactly what its permissions allow, nothing more. */
const ROLES = [
  { username: 'admin.so', nav: ['dashboard', 'schools', 'audit', 'account'], switcher: true },
  { username: 'chuyenvien.so', nav: ['dashboard', 'schools', 'audit', 'account'], switcher: true },
  { username: 'chuyenvien.vanlam', nav: ['dashboard', 'schools', 'audit', 'account'], switcher: true },
  { username: 'hieutruong.nhuquynh', nav: ['dashboard', 'schools', 'audit', 'account'], switcher: false },
  { username: 'ketoan.nhuquynh', nav: ['dashboard', 'schools', 'account'], switcher: false },
  { username: 'giaovien.nhuquynh', nav: ['dashboard', 'schools', 'account'], switcher: false },
];
const ALL_NAV = ['dashboard', 'schools', 'audit', 'account'];

for (const role of ROLES) {
  test(`${role.username} signs in and sees the navigation of the role`, async ({ page }) => {
    await signIn(page, role.username);
    for (const name of ALL_NAV) {
      const link = page.getByTestId(`nav-${name}`);
      if (role.nav.includes(name)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
    await expect(page.getByTestId('org-switcher')).toHaveCount(role.switcher ? 1 : 0);
    await expect(page.getByTestId('dashboard-greeting')).toBeVisible();
    await screenshot(page, `dashboard-${role.username}`);
  });
}

test('the login page is Vietnamese first and switches to English', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByTestId('login-submit')).toHaveText(/Đăng nhập/);
  await screenshot(page, 'login-vi');
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('login-submit')).toHaveText(/Sign in/i);
  await screenshot(page, 'login-en');
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('a wrong password shows a clear Vietnamese message', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('giaovien.nhuquynh');
  await page.getByTestId('login-password').fill('sai-mat-khau');
  await page.getByTestId('login-submit').click();
  await expect(page.getByText('Tên đăng nhập hoặc mật khẩu không đúng')).toBeVisible();
});

test('a department officer searches the schools, opens one and keeps the session across a reload', async ({ page }) => {
  await signIn(page, 'chuyenvien.so');
  await page.getByTestId('nav-schools').click();
  await expect(page.getByTestId('school-row').first()).toBeVisible();
  await screenshot(page, 'schools-list');
  await page.getByTestId('schools-search').fill('nhu quynh');
  await expect(page.getByTestId('school-row')).toHaveCount(3);
  await page.getByTestId('school-link').filter({ hasText: 'Trường THCS Như Quỳnh' }).click();
  await expect(page.getByTestId('school-name')).toHaveText('Trường THCS Như Quỳnh');
  await expect(page.getByTestId('breadcrumb')).toContainText('Phòng Giáo dục và Đào tạo huyện Văn Lâm');
  await expect(page.getByTestId('profile-card')).toContainText('Phạm Thị Hương');
  await screenshot(page, 'school-detail');
  await page.reload();
  await expect(page.getByTestId('school-name')).toHaveText('Trường THCS Như Quỳnh');
  await expect(page.getByTestId('profile-edit')).toHaveCount(0);
});

test('a department officer narrows the view to one unit with the org-unit switcher', async ({ page }) => {
  await signIn(page, 'chuyenvien.so');
  await page.getByTestId('nav-schools').click();
  const count = page.getByTestId('schools-count');
  await expect(count).toContainText('30');
  await page.getByTestId('org-switcher').click();
  await page.getByTestId('org-switcher-search').fill('Văn Lâm');
  await page.getByTestId('org-option').filter({ hasText: 'Phòng Giáo dục và Đào tạo huyện Văn Lâm' }).click();
  await expect(page.getByTestId('current-unit')).toHaveText('Phòng Giáo dục và Đào tạo huyện Văn Lâm');
  await page.getByTestId('nav-schools').click();
  await expect(count).toContainText('6');
  await screenshot(page, 'schools-narrowed');
});

test('a principal edits the school profile, sees field errors, saves, and the audit chain verifies', async ({
  page,
}) => {
  await signIn(page, 'hieutruong.nhuquynh');
  await page.getByTestId('nav-schools').click();
  await page.getByTestId('school-link').first().click();
  await page.getByTestId('profile-edit').click();
  const phone = page.getByTestId('profile-form').getByLabel('Số điện thoại');
  await phone.fill('12345');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-form')).toContainText('Số điện thoại');
  await screenshot(page, 'profile-errors');
  await phone.fill('0912 345 678');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-saved')).toBeVisible();
  await expect(page.getByTestId('profile-card')).toContainText('0912345678');
  // Only the phone changed: the rest of the profile is kept.
  await expect(page.getByTestId('profile-card')).toContainText('Xã Như Quỳnh');
  await expect(page.getByTestId('profile-card')).toContainText('Phạm Thị Hương');
  await expect(page.getByTestId('audit-row').first()).toContainText('Phạm Thị Hương');
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toBeVisible();
  await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-valid', 'true');
  await screenshot(page, 'school-profile-saved');
});

test('a teacher cannot open another school and signs out', async ({ page }) => {
  await signIn(page, 'giaovien.nhuquynh');
  await page.goto('/schools/00000000-0000-4000-8000-000000000000');
  await expect(page.getByTestId('school-not-found')).toBeVisible();
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.goto('/schools');
  await expect(page.getByTestId('login-form')).toBeVisible();
});

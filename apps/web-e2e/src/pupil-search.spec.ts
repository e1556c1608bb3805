import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './session';

/**
 * The province-wide pupil search (docs/domain/records.md, "Finding a pupil across schools") as a unit officer uses
 * it, by keyboard: the demo's Văn Lâm officer (no other spec reads pupils with this account, so its read budget is
 * this spec's; the spec reads under 100 pupils). Nothing is changed.
 */
const OFFICER = 'chuyenvien.vanlam';

/** A name as someone types it without a Vietnamese keyboard, words reversed: "Nguyễn Thùy Anh" → "anh thuy nguyen". */
function typedPlainly(fullName: string): string {
  return fullName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .split(/\s+/)
    .reverse()
    .join('  ');
}

test('a unit officer finds a pupil typed without diacritics in any order, pages, and opens the record', async ({
  page,
}) => {
  await signIn(page, OFFICER);
  await page.getByTestId('nav-pupilSearch').click();
  await expect(page).toHaveURL(/\/students\/search$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tìm học sinh toàn tỉnh');

  // Too short: a field message, no request.
  const box = page.getByTestId('pupil-search-q');
  await box.fill('a');
  await box.press('Enter');
  await expect(page.getByTestId('pupil-search-invalid')).toBeVisible();

  // A common family name: a page of 20 with school and class, and a next page.
  await box.fill('nguyen');
  await box.press('Enter');
  await expect(page).toHaveURL(/q=nguyen/);
  await expect(page.getByTestId('pupil-search-heading')).toBeFocused();
  const rows = page.getByTestId('pupil-search-row');
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText(/Trường/);
  await expect(rows.first()).toContainText(/\d{4}•••••\d{3}/);
  await screenshot(page, 'pupil-search-results');
  const firstOfPage1 = await page.getByTestId('pupil-search-open').first().innerText();
  await page.getByTestId('pupil-search-next').click();
  await expect(page.getByTestId('pupil-search-page')).toHaveText('Trang 2');
  await expect(page.getByTestId('pupil-search-open').first()).not.toHaveText(firstOfPage1);
  await page.getByTestId('pupil-search-previous').click();
  await expect(page.getByTestId('pupil-search-page')).toHaveText('Trang 1');
  await expect(page.getByTestId('pupil-search-open').first()).toHaveText(firstOfPage1);

  // That pupil's name typed plainly, words reversed, finds them.
  const fullName = firstOfPage1.trim();
  await box.fill(typedPlainly(fullName));
  await box.press('Enter');
  await expect(page.getByTestId('pupil-search-open').filter({ hasText: fullName }).first()).toBeVisible();

  // Keyboard: from the heading, Tab reaches the first pupil's name; Enter opens the record at the pupil's school.
  await page.getByTestId('pupil-search-heading').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('pupil-search-open').first()).toBeFocused();
  const opened = await page.getByTestId('pupil-search-open').first().innerText();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('student-name')).toHaveText(opened.trim());
  await screenshot(page, 'pupil-search-opened');

  // Back: the same question, answered again over the whole scope, not only the school now in view.
  await page.goBack();
  await expect(page.getByTestId('pupil-search-open').filter({ hasText: fullName }).first()).toBeVisible();
});

test('a search that finds nobody says so, in Vietnamese', async ({ page }) => {
  await signIn(page, OFFICER);
  await page.goto('/students/search?q=zzqxw');
  await expect(page.getByTestId('pupil-search-heading')).toContainText('Không tìm thấy học sinh nào với "zzqxw"');
  await expect(page.getByTestId('pupil-search-results')).toHaveCount(0);
  await screenshot(page, 'pupil-search-empty');
});

test('a school user has no pupil search', async ({ page }) => {
  await signIn(page, 'giaovien.nhuquynh');
  await expect(page.getByTestId('nav-pupilSearch')).toHaveCount(0);
});

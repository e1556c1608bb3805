import { expect, Page, test } from '@playwright/test';
import { screenshot, signIn } from './session';

async function openClass(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-classes').click();
  await expect(page.getByTestId('class-row').first()).toBeVisible();
  await page
    .getByTestId('class-link')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .click();
  await expect(page.getByTestId('class-name')).toContainText(name);
}

test('the homeroom teacher marks a student absent with the keyboard, saves, and sees it after a reload and in the month', async ({
  page,
}) => {
  await signIn(page, 'giaovien.nhuquynh');
  await openClass(page, '6A');
  await screenshot(page, 'academic-class-detail-teacher');
  await page.getByTestId('class-attendance-link').click();

  const rows = page.getByTestId('attendance-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('attendance-readonly')).toHaveCount(0);
  await page.getByTestId('attendance-all-present').click();

  // Keyboard only: focus the first student, move down one row, "K" = unexcused absence, Enter saves.
  // Focus moves to a row's checked radio after the view updates: wait for it as a user's eyes would, or on a cold
  // browser the keys arrive before the focus does (seen in CI).
  await rows.first().locator('th').click();
  await expect(rows.first().locator('input:checked')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1).locator('input:checked')).toBeFocused();
  await page.keyboard.press('k');
  const second = rows.nth(1);
  await expect(second).toHaveAttribute('data-status', 'UNEXCUSED');
  await expect(page.getByTestId('attendance-dirty')).toBeVisible();
  await screenshot(page, 'academic-attendance-day');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attendance-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('attendance-state')).toContainText('Đã lưu');

  const studentId = await second.getAttribute('data-student-id');
  await page.reload();
  const reloaded = page.locator(`[data-testid="attendance-row"][data-student-id="${studentId}"]`);
  await expect(reloaded).toHaveAttribute('data-status', 'UNEXCUSED');

  await page.getByTestId('attendance-tab-month').click();
  const monthRow = page.locator(`[data-testid="attendance-month-row"][data-student-id="${studentId}"]`);
  await expect(monthRow).toBeVisible();
  await expect(monthRow).toContainText('KP');
  expect(Number(await monthRow.getByTestId('attendance-total-UNEXCUSED').textContent())).toBeGreaterThanOrEqual(1);
  await screenshot(page, 'academic-attendance-month');
});

test('the school admin creates a class, finds it in the list, and edits the teaching assignments', async ({ page }) => {
  await signIn(page, 'hieutruong.nhuquynh');
  await page.getByTestId('nav-classes').click();
  await expect(page.getByTestId('class-row').first()).toBeVisible();
  await screenshot(page, 'academic-classes-list');

  await page.getByTestId('classes-new').click();
  await page.getByTestId('class-form-save').click();
  await expect(page.getByTestId('class-form-name-error')).toContainText('Vui lòng nhập');
  await page.getByTestId('class-form-name').fill('9Z');
  await page.getByTestId('class-form-grade').selectOption('9');
  await page.getByTestId('class-form-room').fill('P.305');
  await screenshot(page, 'academic-class-form');
  await page.getByTestId('class-form-save').click();
  await expect(page.getByTestId('class-name')).toContainText('9Z');
  await expect(page.getByTestId('class-saved')).toBeVisible();

  await page.getByTestId('nav-classes').click();
  await page.getByTestId('classes-search').fill('9Z');
  await expect(page.getByTestId('class-row')).toHaveCount(1);
  await expect(page.getByTestId('class-row')).toContainText('P.305');

  await page.getByTestId('classes-search').fill('');
  await page.getByTestId('class-link').filter({ hasText: /^6A$/ }).click();
  const tinHoc = page.getByTestId('assignment-TIN_HOC');
  await expect(tinHoc).toBeVisible();
  const current = await tinHoc.inputValue();
  const values = await tinHoc
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const choice = values.find((v) => v !== '' && v !== current)!;
  await tinHoc.selectOption(choice);
  await expect(page.getByTestId('assignments-dirty')).toBeVisible();
  await page.getByTestId('assignments-save').click();
  await expect(page.getByTestId('assignments-saved')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('assignment-TIN_HOC')).toHaveValue(choice);
  await screenshot(page, 'academic-class-detail');
});

test('the department admin adds a planned school year with checked dates and edits it', async ({ page }) => {
  await signIn(page, 'admin.so');
  await page.getByTestId('nav-calendar').click();
  await expect(page.getByTestId('year-row').first()).toBeVisible();
  await expect(
    page.locator('[data-testid="year-row"] [data-testid="year-status"]').filter({ hasText: 'Đang mở' }),
  ).toHaveCount(1);
  await screenshot(page, 'academic-calendar');

  await page.getByTestId('calendar-new-year').click();
  await page.getByTestId('year-code').fill('2027-2028');
  await page.getByTestId('year-startsOn').fill('01/09/2027');
  await page.getByTestId('year-endsOn').fill('31/05/2028');
  await page.getByTestId('year-semester1Start').fill('05/09/2027');
  await page.getByTestId('year-semester1End').fill('20/01/2028');
  await page.getByTestId('year-semester2Start').fill('10/01/2028');
  await page.getByTestId('year-semester2End').fill('25/05/2028');
  await page.getByTestId('year-save').click();
  await expect(page.getByTestId('year-semester2Start-error')).toContainText('sau khi học kì I kết thúc');
  await screenshot(page, 'academic-calendar-year-form');
  await page.getByTestId('year-semester2Start').fill('25/01/2028');
  await page.getByTestId('year-save').click();
  const row = page.locator('[data-testid="year-row"][data-code="2027-2028"]');
  await expect(row).toContainText('Dự kiến');
  await expect(row).toContainText('25/01/2028');

  await row.getByTestId('year-edit').click();
  await page.getByTestId('year-semester2End').fill('28/05/2028');
  await page.getByTestId('year-save').click();
  await expect(row).toContainText('28/05/2028');
  await expect(page.getByTestId('calendar-notice')).toContainText('2027-2028');

  // Closing asks first; cancelling changes nothing (the open year stays open for the other tests).
  await page.locator('[data-testid="year-row"]').filter({ hasText: 'Đang mở' }).getByTestId('year-close').click();
  await expect(page.getByTestId('year-confirm-text')).toContainText(
    'Sau khi khoá, dữ liệu của năm học chỉ còn xem được.',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('year-confirm-text')).toHaveCount(0);
  await expect(
    page.locator('[data-testid="year-row"] [data-testid="year-status"]').filter({ hasText: 'Đang mở' }),
  ).toHaveCount(1);
});

test('a department officer picks THCS Như Quỳnh and sees its classes read-only', async ({ page }) => {
  await signIn(page, 'chuyenvien.so');
  await page.getByTestId('nav-classes').click();
  await expect(page.getByTestId('school-required')).toBeVisible();
  await page.getByTestId('school-required-search').fill('THCS Nhu Quynh');
  await page.getByTestId('school-required-option').filter({ hasText: 'Trường THCS Như Quỳnh' }).click();
  await expect(page.getByTestId('class-row').first()).toBeVisible();
  await expect(page.getByTestId('classes-new')).toHaveCount(0);
  await screenshot(page, 'academic-classes-officer');

  await page.getByTestId('class-link').filter({ hasText: /^6A$/ }).click();
  await expect(page.getByTestId('class-edit')).toHaveCount(0);
  await expect(page.getByTestId('assignments-save')).toHaveCount(0);
  await expect(page.locator('select[data-testid^="assignment-"]')).toHaveCount(0);
  await page.getByTestId('class-attendance-link').click();
  await expect(page.getByTestId('attendance-readonly')).toBeVisible();
  await expect(page.getByTestId('attendance-save')).toHaveCount(0);
  await screenshot(page, 'academic-attendance-readonly');
});

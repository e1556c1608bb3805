import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './session';

/** Province 033 (Hưng Yên), digit 1 = 20th-century woman, born 1990, a serial unique to this run. */
const SERIAL = String(Date.now()).slice(-6);
const PERSONAL_ID = `033190${SERIAL}`;
const NAME = 'Trần Thị Thu Hà';

test('the school admin adds a staff member, fixing a field error first', async ({ page }) => {
  await signIn(page, 'hieutruong.nhuquynh');
  await page.getByTestId('nav-staff').click();
  await expect(page.getByTestId('staff-row').first()).toBeVisible();
  await screenshot(page, 'staff-list');

  await page.getByTestId('staff-new').click();
  await page.getByTestId('staff-form-personalId').fill(PERSONAL_ID);
  await page.getByTestId('staff-form-fullName').fill(NAME);
  await page.getByTestId('staff-form-dateOfBirth').fill('14/03/1991');
  await page.getByTestId('staff-form-gender').selectOption({ label: 'Nữ' });
  await page.getByTestId('staff-form-phone').fill('0912 345 678');
  await page.getByTestId('staff-form-startDate').fill('01/09/2013');
  await page.getByTestId('staff-form-salaryCoefficient').fill('3.33');
  await page.getByTestId('staff-form-salaryStep').fill('4');
  await page.getByTestId('qualification-add').click();
  await page.getByTestId('qualification-major').fill('Sư phạm Ngữ văn');
  await page.getByTestId('qualification-institution').fill('Trường Đại học Sư phạm Hà Nội');
  await page.getByTestId('qualification-year').fill('2012');
  await page.getByTestId('subject-NGU_VAN').check();
  await page.getByTestId('staff-form-save').click();

  // The ID says 1990; the date of birth says 1991: the same cross-check as the API's.
  await expect(page.getByTestId('staff-form-personalId-error')).toContainText('không khớp với năm sinh');
  await screenshot(page, 'staff-form-error');
  await page.getByTestId('staff-form-dateOfBirth').fill('14/03/1990');
  await expect(page.getByTestId('staff-form-personalId-error')).toBeEmpty();
  await page.getByTestId('staff-form-save').click();

  await expect(page.getByTestId('staff-name')).toHaveText(NAME);
  await expect(page.getByTestId('staff-saved')).toBeVisible();
  await expect(page.getByTestId('staff-subjects')).toContainText('Ngữ văn');
  await expect(page.getByTestId('staff-history-entry').first()).toContainText('Bắt đầu công tác');
  await screenshot(page, 'staff-detail');

  await page.getByTestId('nav-staff').click();
  await page.getByTestId('staff-search').fill(PERSONAL_ID);
  await expect(page.getByTestId('staff-row')).toHaveCount(1);
  await expect(page.getByTestId('staff-row')).toContainText(NAME);
});

test('the school admin opens the staff import page', async ({ page }) => {
  await signIn(page, 'hieutruong.nhuquynh');
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('staff-import-link').click();
  await expect(page.getByRole('heading', { name: 'Nhập danh sách cán bộ từ Excel' })).toBeVisible();
  await screenshot(page, 'staff-import');
});

test('the department admin transfers the new staff member to another school', async ({ page }) => {
  await signIn(page, 'admin.so');
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('school-required-search').fill('THCS Nhu Quynh');
  await page.getByTestId('school-required-option').filter({ hasText: 'Trường THCS Như Quỳnh' }).click();
  await page.getByTestId('staff-search').fill(PERSONAL_ID);
  await expect(page.getByTestId('staff-row')).toHaveCount(1);
  await expect(page.getByTestId('staff-new')).toHaveCount(0);
  await page.getByTestId('staff-link').click();
  await expect(page.getByTestId('staff-edit')).toHaveCount(0);

  await page.getByTestId('staff-transfer-open').click();
  await page.getByTestId('staff-transfer-search').fill('THCS Lac Hong');
  await page.getByTestId('staff-transfer-school').first().click();
  await page.getByTestId('staff-transfer-date').fill('01/12/2026');
  await page.getByTestId('staff-transfer-decision').fill('1234/QĐ-SGDĐT');
  await expect(page.getByTestId('staff-transfer-summary')).toContainText(NAME);
  await screenshot(page, 'staff-transfer');
  await page.getByTestId('staff-transfer-confirm').click();
  await expect(page.getByTestId('staff-transferred')).toBeVisible();
  await expect(page.getByTestId('staff-status')).toHaveText('Đã chuyển công tác');
  await expect(page.getByTestId('staff-history-entry').first()).toContainText('Chuyển đi');
});

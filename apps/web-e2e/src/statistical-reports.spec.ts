import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { screenshot, signIn } from './session';

const ROOMS = { CLASSROOMS: '18', SUBJECT_ROOMS: '4', LABORATORIES: '2', LIBRARIES: '1', COMPUTERS: '35' };

test('the principal submits the end-of-year report; the department sees it submitted and downloads the aggregate', async ({
  browser,
}) => {
  const school = await browser.newPage();
  await signIn(school, 'hieutruong.nhuquynh');
  await school.goto('/reports/forms');
  await expect(school.getByTestId('forms-card-END_OF_YEAR')).toBeVisible();
  await school.getByTestId('forms-open-END_OF_YEAR').click();

  // Rooms are not recorded by Emis: until they are typed in, the checks refuse the submission.
  await expect(school.getByTestId('form-check').filter({ hasText: 'Chưa nhập' }).first()).toBeVisible();
  await expect(school.getByTestId('form-submit')).toBeDisabled();
  await expect(school.getByTestId('section-PUPILS')).toBeVisible();
  for (const [line, value] of Object.entries(ROOMS)) await school.getByTestId(`manual-${line}`).fill(value);
  await school.getByTestId('manual-save').click();
  await expect(school.getByTestId('manual-saved')).toBeVisible();
  await expect(school.locator('[data-testid="form-check"][data-severity="ERROR"]')).toHaveCount(0);
  await screenshot(school, 'statistical-form-draft');

  await school.getByTestId('form-submit').click();
  await school.getByTestId('form-submit-dialog-confirm').click();
  await expect(school.getByTestId('form-status')).toHaveText('Đã nộp');
  await expect(school.getByTestId('form-submitted-at')).toContainText('Phạm Thị Hương');
  await expect(school.getByTestId('manual-CLASSROOMS')).toBeDisabled();
  await school.close();

  const dept = await browser.newPage();
  await signIn(dept, 'admin.so');
  await dept.goto('/reports/forms?kind=END_OF_YEAR');
  await dept.getByTestId('forms-search').fill('THCS-NQ');
  const row = dept.locator('[data-testid="forms-status-row"][data-school-code="THCS-NQ"]');
  await expect(row).toHaveAttribute('data-status', 'SUBMITTED');
  await expect(row.getByTestId('forms-row-status')).toHaveText('Đã nộp');
  await screenshot(dept, 'statistical-status');

  await dept.getByTestId('forms-aggregate-link').click();
  await expect(dept.getByTestId('aggregate-coverage')).toContainText('Tổng hợp từ báo cáo đã nộp của 1/');
  const download = dept.waitForEvent('download');
  await dept.getByTestId('aggregate-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^bao-cao-tong-hop-.*\.xlsx$/);
  const saved = test.info().outputPath('tong-hop.xlsx');
  await file.saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  const facilities = book.worksheets.find((w) => w.name.startsWith('VI.'))!;
  expect(facilities.getCell(1, 3).value).toBe('Biểu số 02/TKGD-CN');
  // The aggregate holds the one submitted school: its 18 classrooms.
  expect(facilities.getRow(8).values).toEqual([undefined, 1, 'Phòng học', 18]);
  await screenshot(dept, 'statistical-aggregate');
  await dept.close();
});

test('the aggregate link followed while a search typed is still waiting to reach the URL leaves the list', async ({
  page,
}) => {
  await signIn(page, 'admin.so');
  await page.goto('/reports/forms?kind=END_OF_YEAR');
  await expect(page.locator('[data-testid="forms-status-row"][data-school-code="THCS-NQ"]')).toBeVisible();
  // A busy machine: the aggregate page's code arrives after the search's pause (300 ms) has ended. The search's own
  // navigation used to start then and cancel the link's, leaving the officer on the list without a word.
  await page.route(/\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.getByTestId('forms-search').fill('THCS-NQ');
  await page.getByTestId('forms-aggregate-link').click();
  await expect(page.getByTestId('aggregate-coverage')).toBeVisible();
  await expect(page).toHaveURL(/\/reports\/forms\/aggregate\?/);
});

import { Download, expect, Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { screenshot, signIn } from './session';

const OFFICER = 'chuyenvien.so';
const PROVINCE = 'Sở Giáo dục và Đào tạo tỉnh Hưng Yên';
const UNIT = 'Phòng Giáo dục và Đào tạo huyện Văn Lâm';
const SCHOOL = 'Trường THCS Như Quỳnh';
/** A class of THCS Như Quỳnh with semester-I scores in every subject (6A is left empty for the teacher's test). */
const CLASS = '7A';

/** Saves a download and checks it is a real workbook: a zip (PK) that ExcelJS opens, with a sheet holding `text`. */
async function expectWorkbook(download: Download, name: string | RegExp, text: string): Promise<void> {
  if (typeof name === 'string') expect(download.suggestedFilename()).toBe(name);
  else expect(download.suggestedFilename()).toMatch(name);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets.length).toBeGreaterThan(0);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  expect(cells.some((cell) => cell.includes(text))).toBe(true);
}

/** A drawn chart: its canvas is visible and as wide as its card allows, and its table holds the same figures. */
async function expectChart(page: Page, testId: string): Promise<void> {
  const chart = page.getByTestId(testId);
  await expect(chart.getByTestId('chart-canvas').locator('canvas')).toBeVisible();
  await chart.getByTestId('chart-toggle').click();
  await expect(chart.getByTestId('chart-table').locator('tbody tr').first()).toBeVisible();
  await chart.getByTestId('chart-toggle').click();
  await expect(chart.getByTestId('chart-canvas').locator('canvas')).toBeVisible();
}

/** Nothing wider than the window: the page scrolls vertically only (tables scroll inside their own frame). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the department officer sees the province at a glance, drills down to a class and its pupils, compares schools and downloads the reports', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, OFFICER);

  // The home page shows the province at a glance.
  const home = page.getByTestId('home-panel');
  await expect(home.getByTestId('report-title')).toHaveText(PROVINCE);
  await expect(home.getByTestId('report-freshness')).toContainText(/Số liệu đến \d{2}:\d{2}/);
  await expect(home.getByTestId('kpi-schools')).toContainText(/\d/);
  await expect(home.getByTestId('kpi-pupils')).toContainText(/\d{1,3}\.\d{3}/);
  await expectChart(page, 'chart-pupils');
  await screenshot(page, 'reports-home-1366');

  // The reports menu: the same dashboard, with its breadcrumbs; the units of the province drill down.
  await page.getByTestId('nav-reports').click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByTestId('report-title')).toHaveText(PROVINCE);
  await expectChart(page, 'chart-staff');
  await page.getByTestId('filter-period').selectOption('HK1');
  await expect(page).toHaveURL(/period=HK1/);
  await page.getByTestId('report-row-link').filter({ hasText: UNIT }).click();
  await expect(page).toHaveURL(/\/reports\/units\/[0-9a-f-]{36}\?period=HK1$/);
  await expect(page.getByTestId('report-title')).toHaveText(UNIT);
  await expect(page.getByTestId('report-breadcrumb')).toContainText(PROVINCE);
  await expect(page.getByTestId('filter-period')).toHaveValue('HK1');
  await screenshot(page, 'reports-unit');

  // The unit's Excel report.
  const unitExcel = page.waitForEvent('download');
  await page.getByTestId('report-export').click();
  await expectWorkbook(await unitExcel, 'bao-cao-PGD-VL-2026-2027-HK1.xlsx', SCHOOL);

  // Unit → school: the school against the province, its classes.
  await page.getByTestId('report-row-link').filter({ hasText: SCHOOL }).click();
  await expect(page).toHaveURL(/\/reports\/schools\/[0-9a-f-]{36}\?period=HK1$/);
  await expect(page.getByTestId('report-title')).toHaveText(SCHOOL);
  await expect(page.getByTestId('report-breadcrumb')).toContainText(UNIT);
  await expect(page.getByTestId('kpi-pupils')).toContainText('Toàn tỉnh');
  await expect(page.getByTestId('against-table')).toBeVisible();
  await expect(page.getByTestId('subject-row').first()).toBeVisible();
  await screenshot(page, 'reports-school');

  // School → class: its subjects and outcomes; then its pupils on the gradebook's results page.
  await page.getByTestId('classes-table').getByTestId('report-row-link').filter({ hasText: new RegExp(`^${CLASS}$`) }).click();
  await expect(page).toHaveURL(/\/reports\/schools\/[0-9a-f-]{36}\/classes\/[0-9a-f-]{36}\?period=HK1$/);
  await expect(page.getByTestId('report-title')).toContainText(CLASS);
  await expect(page.getByTestId('report-breadcrumb')).toContainText(SCHOOL);
  await expect(page.getByTestId('subject-row').filter({ hasText: 'Toán' })).toBeVisible();
  await expect(page.getByTestId('class-outcomes')).toBeVisible();
  await expectChart(page, 'chart-subjects');
  await screenshot(page, 'reports-class');
  await page.getByTestId('class-pupils').click();
  await expect(page).toHaveURL(/\/grades\/[0-9a-f-]{36}\/results\?period=HK1$/);
  await expect(page.getByTestId('results-title')).toContainText(CLASS);
  await expect(page.getByTestId('results-row').first()).toBeVisible();
  await screenshot(page, 'reports-class-pupils');

  // Back at the unit: the comparison of its schools, ranked, against the unit and the province; as Excel.
  await page.goBack();
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('report-title')).toHaveText(UNIT);
  await page.getByTestId('report-compare-link').click();
  await expect(page).toHaveURL(/\/reports\/compare\?.*unit=[0-9a-f-]{36}/);
  await page.getByTestId('compare-measure').selectOption('pupils');
  await expect(page.getByTestId('compare-row').first()).toBeVisible();
  await expect(page.getByTestId('compare-row')).toHaveCount(6);
  await expect(page.getByTestId('compare-row').first().locator('td').first()).toHaveText('1');
  await expect(page.getByTestId('compare-references')).toContainText('Toàn tỉnh');
  await expectChart(page, 'chart-compare');
  await screenshot(page, 'reports-compare');
  const compareExcel = page.waitForEvent('download');
  await page.getByTestId('compare-export').click();
  await expectWorkbook(await compareExcel, 'so-sanh-pupils-2026-2027-HK1.xlsx', SCHOOL);
});

test('the province workbook is built in the background with its progress, then downloads', async ({ page }) => {
  await signIn(page, OFFICER);
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('report-title')).toHaveText(PROVINCE);
  await page.getByTestId('report-workbook').click();
  const status = page.getByTestId('workbook-status');
  await expect(status).toBeVisible();
  await expect(status).toHaveAttribute('data-status', 'DONE');
  const workbook = page.waitForEvent('download');
  await page.getByTestId('workbook-download').click();
  await expectWorkbook(await workbook, /\.xlsx$/, SCHOOL);
});

test('a principal’s home page shows the school’s figures against the province', async ({ page }) => {
  await signIn(page, 'hieutruong.nhuquynh');
  const home = page.getByTestId('home-panel');
  await expect(home.getByTestId('report-title')).toHaveText(SCHOOL);
  await expect(home.getByTestId('kpi-pupils')).toContainText('Toàn tỉnh');
  await expect(home.getByTestId('against-table')).toContainText('Tỉ lệ chuyên cần');
  await expectChart(page, 'chart-against');
  await screenshot(page, 'reports-home-principal');
});

test('the dashboard fits a phone: charts as wide as the screen, nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, OFFICER);
  await page.goto('/reports');
  await expect(page.getByTestId('report-title')).toHaveText(PROVINCE);
  const canvas = page.getByTestId('chart-pupils').getByTestId('chart-canvas');
  await expect(canvas.locator('canvas')).toBeVisible();
  const box = await canvas.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(250);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
  await expectNoSidewaysScroll(page);
  await expectChart(page, 'chart-pupils');
  await screenshot(page, 'reports-phone');
});

import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { screenshot, signIn } from './session';

/**
 * The principal's year-end awards screen (docs/domain/gradebook.md, "The award-decisions screen") at 1366×768, as
 * the principal of THCS Lạc Hồng: the year's classes with the decisions counted, a class's pupils with what the
 * results propose (the demo holds semester I scores only, so no year result is complete and nothing can be decided
 * yet: the rules refuse a decision without a proposal, tested through the API in award-decisions.int-spec.ts), the
 * decision document's fields, and the list of awards exported as Excel with the official title. Nothing is changed.
 */
const PRINCIPAL = 'hieutruong.lachong';

test('the principal opens the awards of the year class by class and exports the list', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, PRINCIPAL);
  await page.getByTestId('nav-grades').click();
  await page.getByTestId('awards-link').click();
  await expect(page.getByTestId('awards-title')).toHaveText('Khen thưởng cuối năm');
  await expect(page.locator('.page-subtitle')).toHaveText('Năm học 2026-2027');

  const classes = page.getByTestId('awards-class');
  await expect(classes.first()).toBeVisible();
  expect(await classes.count()).toBeGreaterThan(3);
  await expect(classes.first()).toContainText('0 đã quyết định');
  // The first class is shown; another is chosen and marked as the current one.
  const second = classes.nth(1);
  const secondName = (await second.locator('span').first().innerText()).trim();
  await second.click();
  await expect(second).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('awards-sheet').getByRole('heading', { level: 2 })).toHaveText(`Lớp ${secondName}`);

  const rows = page.getByTestId('awards-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(10);
  await expect(rows.first().getByTestId('awards-proposed')).toHaveText('Chưa đủ kết quả cả năm');
  await expect(rows.first().getByTestId('awards-decided')).toHaveText('Chưa quyết định');
  // Nothing proposed, nothing to choose: the save stays closed whatever the document says.
  await expect(page.getByTestId('awards-choice')).toHaveCount(0);
  await page.getByTestId('awards-number').fill('45/QĐ-THCS');
  await page.getByTestId('awards-date').fill('28/11/2026');
  await page.getByTestId('awards-date').press('Tab');
  await expect(page.getByTestId('awards-save')).toBeDisabled();
  await page.getByTestId('awards-confirm-all').click();
  await expect(page.getByTestId('awards-save')).toBeDisabled();
  await screenshot(page, 'awards-class');

  const download = page.waitForEvent('download');
  await page.getByTestId('awards-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('khen-thuong-2026-2027.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  const sheet = book.worksheets[0];
  expect(String(sheet.getRow(1).getCell(1).value)).toContain('THCS LẠC HỒNG');
  expect(sheet.getRow(2).getCell(1).value).toBe('DANH SÁCH HỌC SINH ĐƯỢC KHEN THƯỞNG NĂM HỌC 2026-2027');
  expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });

  // The same screen in English.
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('awards-title')).toHaveText('Year-end awards');
  await expect(rows.first().getByTestId('awards-proposed')).toHaveText('Year results incomplete');
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('awards-title')).toHaveText('Khen thưởng cuối năm');
});

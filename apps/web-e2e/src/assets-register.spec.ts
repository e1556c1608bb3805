import { expect, test } from '@playwright/test';
import { passingBody, screenshot, signIn } from './session';

/** A name and a room unique to this run, so the register's search finds exactly this asset. */
const SERIAL = String(Date.now()).slice(-6);
const NAME = `Máy tính xách tay Dell Latitude ${SERIAL}`;
const ROOM = `P.${SERIAL}`;
/** Put into use on 1 January of this year: never in the future, and the year's wear is a full year (Art. 12.1.a). */
const YEAR = new Date().getFullYear();
const IN_USE_ON = `${YEAR}-01-01`;
/** Computers and office equipment wear 20 % a year: 25.000.000 ₫ × 20 % = 5.000.000 ₫ (Art. 14.1). */
const COST = '25.000.000 ₫';
const YEAR_WEAR = '5.000.000 ₫';

test('the school admin registers a computer, prints its label and a labels sheet, and posts the year’s wear', async ({
  page,
}) => {
  await signIn(page, 'hieutruong.nhuquynh');
  await page.getByTestId('nav-assets').click();
  await expect(page.getByRole('heading', { name: 'Sổ tài sản' })).toBeVisible();

  await page.getByTestId('assets-new').click();
  await page.getByTestId('asset-form-name').fill(NAME);
  await page.getByTestId('asset-form-categoryCode').selectOption('OFFICE_EQUIPMENT');
  await page.getByTestId('asset-form-unit').fill('chiếc');
  await page.getByTestId('asset-form-unitCost').fill('25000000');
  await page.getByTestId('asset-form-unitCost').blur();
  await expect(page.getByTestId('asset-form-unitCost')).toHaveValue('25.000.000');
  await expect(page.getByTestId('asset-form-likely-kind')).toHaveAttribute('data-kind', 'FIXED');
  await page.getByTestId('asset-form-fundingSource').selectOption('STATE_BUDGET');
  // Typed day first (docs/conventions.md, "Dates").
  await page.getByTestId('asset-form-inUseOn').fill(IN_USE_ON.split('-').reverse().join('/'));
  await page.getByTestId('asset-form-documentNumber').fill(`HĐ ${SERIAL}`);

  // A room the school has not registered yet, added without leaving the form.
  await page.getByTestId('asset-form-add-room').click();
  await page.getByTestId('asset-room-building').fill('Nhà hiệu bộ');
  await page.getByTestId('asset-room-room').fill(ROOM);
  await page.getByTestId('asset-room-save').click();
  await expect(page.getByTestId('asset-form-locationId').locator('option:checked')).toHaveText(`Nhà hiệu bộ · ${ROOM}`);
  await screenshot(page, 'asset-form');
  await page.getByTestId('asset-form-save').click();

  // The record: the server classified it as a fixed asset (25.000.000 ₫ is above the 10.000.000 ₫ threshold).
  await expect(page.getByTestId('asset-name')).toHaveText(NAME);
  await expect(page.getByTestId('asset-saved')).toContainText('Tài sản cố định');
  await expect(page.getByTestId('asset-kind')).toHaveText('Tài sản cố định');
  await expect(page.getByTestId('asset-cost')).toHaveText(COST);
  await expect(page.getByTestId('asset-location')).toContainText(ROOM);
  await expect(page.getByTestId('asset-history-entry').first()).toContainText('Ghi tăng tài sản');
  const code = ((await page.getByTestId('asset-code').textContent()) ?? '').trim();
  expect(code).not.toBe('');
  await screenshot(page, 'asset-detail');

  // The label opens in a new tab; what the API sent is a PDF.
  const label = passingBody(page, '**/label.pdf');
  const labelResponse = page.waitForResponse((r) => r.url().includes('/label.pdf'));
  const labelTab = page.context().waitForEvent('page');
  await page.getByTestId('asset-print-label').click();
  const response = await labelResponse;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  expect((await label).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await (await labelTab).close();

  // The register finds it by code; a selection prints its labels on one A4 sheet, a PDF too.
  await page.getByTestId('nav-assets').click();
  await page.getByTestId('assets-search').fill(code);
  await expect(page.getByTestId('assets-row')).toHaveCount(1);
  await expect(page.getByTestId('assets-row')).toContainText(NAME);
  await page.getByTestId('assets-select').check();
  await expect(page.getByTestId('assets-selected')).toContainText('1');
  const sheetBody = passingBody(page, '**/labels.pdf*');
  const sheetResponse = page.waitForResponse((r) => r.url().includes('/labels.pdf'));
  const sheetTab = page.context().waitForEvent('page');
  await page.getByTestId('assets-print-labels').click();
  const sheet = await sheetResponse;
  expect(sheet.status()).toBe(200);
  expect((await sheetBody).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await (await sheetTab).close();
  await screenshot(page, 'asset-list');

  // The year's wear: previewed, then posted by the run, which the page follows to its end.
  await page.getByTestId('assets-wear-link').click();
  await expect(page.getByTestId('wear-year')).toHaveValue(String(YEAR));
  const row = page.getByTestId('wear-row').filter({ hasText: NAME });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('wear-row-amount')).toHaveText(YEAR_WEAR);
  await page.getByTestId('wear-run-open').click();
  await expect(page.getByTestId('wear-run-confirm')).toContainText(`năm ${YEAR}`);
  await page.getByTestId('wear-run-confirm-confirm').click();
  await expect(page.getByTestId('wear-run')).toHaveAttribute('data-status', 'DONE');
  await expect(page.getByTestId('wear-state')).toHaveText('Đã ghi sổ');
  await expect(row.getByTestId('wear-row-amount')).toHaveText(YEAR_WEAR);
  await screenshot(page, 'asset-wear');

  // The record now carries the posted year.
  await row.getByRole('link', { name: NAME }).click();
  await expect(page.getByTestId('asset-code')).toHaveText(code);
  const posted = page.getByTestId('asset-wear-row').filter({ hasText: String(YEAR) });
  await expect(posted.getByTestId('asset-wear-amount')).toHaveText(YEAR_WEAR);
  await expect(page.getByTestId('asset-accumulated-wear')).toHaveText(YEAR_WEAR);
  await expect(page.getByTestId('asset-remaining-value')).toHaveText('20.000.000 ₫');
});

test('the department admin keeps a category’s wear rate within ±20 % of the appendix', async ({ page }) => {
  await signIn(page, 'admin.so');
  await page.getByTestId('nav-assets').click();
  await page.getByTestId('assets-config-link').click();
  const airConditioners = page.locator('[data-testid="config-category"][data-code="AIR_CONDITIONER"]');
  await expect(airConditioners.getByTestId('config-category-default')).toContainText('12,5 %');

  // 12,5 % ± 20 % is 10 %–15 %: 15,5 is refused in the form, before any request.
  await airConditioners.getByTestId('config-category-value').fill('15,5');
  await expect(airConditioners.getByTestId('config-category-error')).toContainText('từ 10 % đến 15 %');
  await expect(airConditioners.getByTestId('config-category-save')).toBeDisabled();
  await screenshot(page, 'asset-config');

  await airConditioners.getByTestId('config-category-value').fill('14');
  await expect(airConditioners.getByTestId('config-category-error')).toBeEmpty();
  await airConditioners.getByTestId('config-category-save').click();
  await expect(airConditioners.getByTestId('config-category-saved')).toBeVisible();
  await expect(airConditioners.getByTestId('config-category-value')).toHaveValue('14');

  // Back to the appendix's rate, so the province's other figures stay as seeded.
  await airConditioners.getByTestId('config-category-reset').click();
  await expect(airConditioners.getByTestId('config-category-reset')).toHaveCount(0);
  await expect(airConditioners.getByTestId('config-category-value')).toHaveValue('');
});

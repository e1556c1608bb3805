import { expect, Page, test } from '@playwright/test';
import { screenshot, signIn } from './session';

/**
 * Dates and times the Vietnamese way whatever the browser (docs/conventions.md, "Dates" and "Times"): in an
 * en-US browser in New York, a date field shows 05/12/2026 for 5 December and times are Vietnam's.
 */
test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

test('an en-US browser in New York types and reads dates dd/mm/yyyy', async ({ page }) => {
  await signIn(page, 'hieutruong.nhuquynh');
  await page.getByTestId('nav-classes').click();
  await page.getByTestId('class-link').filter({ hasText: /^6A$/ }).click();
  await page.getByTestId('class-attendance-link').click();
  const field = page.getByTestId('attendance-date');
  await expect(field).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  // Typed as digits, shown day first: 5 December 2026 (an en-US date input would show 12/05/2026).
  await field.fill('05122026');
  await expect(field).toHaveValue('05/12/2026');
  // A past school day, 5 October 2026 (a Monday): the page moves to it and keeps it day first.
  await field.fill('05/10/2026');
  await field.press('Enter');
  await expect(page).toHaveURL(/date=2026-10-05/);
  await expect(field).toHaveValue('05/10/2026');
  await expect(page.getByTestId('attendance-row').first()).toBeVisible();
  await screenshot(page, 'dates-en-us-attendance');
});

/** Unique to this run, so the records this spec creates are never another spec's. */
const SERIAL = String(Date.now()).slice(-6);
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format());
const MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', month: '2-digit' }).format();
/** The serial in letters, for a pupil's name (a name holds no digits). */
const NAME_TAG = [...SERIAL]
  .map((digit, i) => 'abcdeghikl'[Number(digit)][i === 0 ? 'toUpperCase' : 'toString']())
  .join('');

/** A date field: typed as digits it shows day first; a day that does not exist is refused under the field. */
async function typeDayFirst(page: Page, testId: string, digits: string, shown: string): Promise<void> {
  const field = page.getByTestId(testId);
  await field.fill('');
  await field.pressSequentially(digits);
  await expect(field).toHaveValue(shown);
  await field.blur();
  await expect(field).toHaveValue(shown);
}

test('a student’s date of birth is typed and read day first, and a day that does not exist is refused', async ({
  page,
}) => {
  await signIn(page, 'hieutruong.nhuquynh');
  await page.goto('/students/new');
  // Hưng Yên, a girl born in 2012 (digit 4 = 3), a serial of this run.
  await page.getByTestId('student-form-personalId').fill(`033312${SERIAL}`);
  await page.getByTestId('student-form-fullName').fill(`Lê Thị ${NAME_TAG}`);
  await typeDayFirst(page, 'student-form-dateOfBirth', '31042012', '31/04/2012');
  await page.getByTestId('student-form-gender').selectOption('FEMALE');
  await page.getByTestId('student-form-save').click();
  await expect(page.getByTestId('student-form-dateOfBirth-error')).toContainText('dd/mm/yyyy');
  // 5 December 2012: an en-US date input would show 12/05/2012.
  await typeDayFirst(page, 'student-form-dateOfBirth', '05122012', '05/12/2012');
  await expect(page.getByTestId('student-form-dateOfBirth-error')).toHaveText('');
  await page.getByTestId('student-form-save').click();

  await expect(page.getByTestId('student-summary')).toContainText('05/12/2012');
  await page.getByTestId('student-edit').click();
  await expect(page.getByTestId('student-form-dateOfBirth')).toHaveValue('05/12/2012');
});

test('an asset’s date put in use and document date are typed and read day first', async ({ page }) => {
  await signIn(page, 'hieutruong.nhuquynh');
  await page.goto('/assets/new');
  await page.getByTestId('asset-form-name').fill(`Bàn ghi ngày ${SERIAL}`);
  await page.getByTestId('asset-form-categoryCode').selectOption('OFFICE_EQUIPMENT');
  await page.getByTestId('asset-form-unitCost').fill('2.000.000');
  // 2 January of this year (an en-US date input would show 01/02).
  await typeDayFirst(page, 'asset-form-inUseOn', `0201${YEAR}`, `02/01/${YEAR}`);
  await page.getByTestId('asset-form-documentNumber').fill(`HĐ ${SERIAL}`);
  await typeDayFirst(page, 'asset-form-documentDate', `3102${YEAR}`, `31/02/${YEAR}`);
  await page.getByTestId('asset-form-save').click();
  await expect(page.getByTestId('asset-form-documentDate-error')).toContainText('dd/mm/yyyy');
  await typeDayFirst(page, 'asset-form-documentDate', `0101${YEAR}`, `01/01/${YEAR}`);
  await page.getByTestId('asset-form-save').click();

  await expect(page.getByTestId('asset-name')).toHaveText(`Bàn ghi ngày ${SERIAL}`);
  const record = page.locator('dl').filter({ hasText: `HĐ ${SERIAL}` });
  await expect(record).toContainText(`02/01/${YEAR}`);
  await expect(record).toContainText(`(01/01/${YEAR})`);
});

test('an expense voucher’s date is typed and read day first', async ({ page }) => {
  await signIn(page, 'ketoan.nhuquynh');
  await page.goto('/finance/expenses/new');
  await page.getByTestId('expense-amount-input').fill('120.000');
  await page.getByTestId('expense-source').selectOption('STATE_REGULAR');
  await page.getByTestId('expense-group').selectOption('GOODS_SERVICES');
  await page.getByTestId('expense-payee').fill(`Văn phòng phẩm ngày ${SERIAL}`);
  await page.getByTestId('expense-description').fill('Mua bút');
  // The first of this month: never in the future, always this fiscal year.
  await typeDayFirst(page, 'expense-spent-on', `01${MONTH}${YEAR}`, `01/${MONTH}/${YEAR}`);
  await page.getByTestId('expense-save').click();

  await expect(page.getByTestId('expense-status')).toHaveAttribute('data-status', 'DRAFT');
  await expect(page.getByTestId('expense-fields')).toContainText(`01/${MONTH}/${YEAR}`);
  await page.getByTestId('expense-edit').click();
  await expect(page.getByTestId('expense-spent-on')).toHaveValue(`01/${MONTH}/${YEAR}`);
});

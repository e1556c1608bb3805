import { expect, Page, test } from '@playwright/test';
import { maskPersonalId } from '@emis/domain';
import { passingBody, screenshot, signIn } from './session';

/** A serial unique to this run, so the fee's name and decision never meet an earlier run's. */
const SERIAL = String(Date.now()).slice(-6);
const FEE_NAME = `Quỹ lớp E2E ${SERIAL}`;
const ACCOUNTANT = 'ketoan.nhuquynh';
const TEACHER = 'giaovien.nhuquynh';

interface DebtorsShown {
  count: number;
  total: number;
}

async function debtorsShown(page: Page): Promise<DebtorsShown> {
  const summary = page.getByTestId('debtors-count');
  await expect(summary).toBeVisible();
  return {
    count: Number(await summary.getAttribute('data-count')),
    total: Number(await summary.getAttribute('data-total')),
  };
}

/** A voluntary fee of the school's own (no province range binds it), billed monthly, drafted then adopted. */
async function setFee(page: Page): Promise<void> {
  await page.getByTestId('finance-tile-feeSchedules').click();
  await page.getByTestId('schedules-add').click();
  const dialog = page.getByTestId('schedule-dialog');
  await dialog.getByTestId('schedule-kind').selectOption('VOLUNTARY');
  await dialog.getByTestId('schedule-unit').selectOption('MONTH');
  await dialog.getByTestId('schedule-name').fill(FEE_NAME);
  await dialog.getByTestId('schedule-amount-input').fill('20.000');
  await page.getByTestId('schedule-dialog-confirm').click();
  const row = page.getByTestId('schedule-row').filter({ hasText: FEE_NAME });
  await expect(row).toHaveAttribute('data-status', 'DRAFT');
  await expect(row.getByTestId('schedule-amount')).toHaveText('20.000 ₫');

  await row.getByTestId('schedule-adopt').click();
  await page.getByTestId('adopt-decision').fill(`QĐ-E2E-${SERIAL}`);
  await page.getByTestId('schedule-decision-dialog-confirm').click();
  await expect(row).toHaveAttribute('data-status', 'ADOPTED');
  await screenshot(page, 'finance-fee-schedules');
}

/** What pupils owe, generated for an open period of the year (HK1 and HK2 proposed first if the year has none). */
async function generateCharges(page: Page): Promise<void> {
  await page.goto('/finance/periods');
  const rows = page.getByTestId('period-row');
  await expect(rows.first().or(page.getByTestId('periods-empty'))).toBeVisible();
  if (await page.getByTestId('periods-empty').isVisible()) {
    await page.getByTestId('periods-propose').click();
    await expect(rows).toHaveCount(2);
  }
  const open = page.locator('[data-testid="period-row"][data-status="OPEN"]').first();
  await open.getByTestId('period-generate').click();

  // The dry run says what will happen before anything is written; the run ends with its summary.
  const dialog = page.getByTestId('generate-dialog');
  await expect(dialog.getByTestId('generation-preview')).toBeVisible();
  expect(Number(await dialog.getByTestId('generation-pupils').textContent())).toBeGreaterThan(0);
  await page.getByTestId('generate-dialog-confirm').click();
  await expect(dialog.getByTestId('generation-status')).toHaveAttribute('data-status', 'DONE');
  const created = (await dialog.getByTestId('generation-result').getByTestId('generation-created').textContent()) ?? '';
  expect(Number(created.replace(/\D/g, ''))).toBeGreaterThan(0);
  await screenshot(page, 'finance-generation');
  await page.getByTestId('generate-dialog-cancel').click();
}

test('an accountant sets a fee, generates what pupils owe, records a payment, prints the receipt and sees the debtor list shrink', async ({
  page,
}) => {
  await signIn(page, ACCOUNTANT);
  await page.getByTestId('nav-finance').click();
  await expect(page.getByTestId('finance-tile-paymentEntry')).toBeVisible();

  await setFee(page);
  await generateCharges(page);

  // The debtor list before: the first debtor will pay everything they owe.
  await page.goto('/finance/debtors');
  const before = await debtorsShown(page);
  expect(before.count).toBeGreaterThan(0);
  const debtor = page.getByTestId('debtor-row').first();
  const code = (await debtor.getAttribute('data-student')) ?? '';
  expect(code).not.toBe('');
  await screenshot(page, 'finance-debtors-before');

  // Payment entry, by keyboard: the pupil by code, Enter takes the suggestion, the amount is what they owe, Enter saves.
  await page.goto('/finance/payments/new');
  const search = page.getByTestId('pupil-search');
  await expect(search).toBeFocused();
  await search.fill(code);
  await expect(page.getByTestId('pupil-option')).toHaveCount(1);
  // Lists show identity numbers masked (docs/domain/personal-data.md); the search still finds the pupil by the whole one.
  const shown = maskPersonalId(code);
  await expect(page.getByTestId('pupil-option')).toContainText(shown);
  await search.press('Enter');
  await expect(page.getByTestId('payment-pupil')).toContainText(new RegExp(`${code}|${shown}`));
  await expect(page.getByTestId('payment-line').first()).toBeVisible();
  const payable = ((await page.getByTestId('payment-payable').textContent()) ?? '').replace(/\D/g, '');
  await expect(page.getByTestId('payment-amount')).toHaveValue(Number(payable).toLocaleString('vi-VN'));
  await page.getByTestId('payment-amount').press('Enter');
  await expect(page.getByTestId('payment-receipt-number')).toContainText(/PT-\d{4}-\d{6}/);
  await screenshot(page, 'finance-payment-saved');

  // The receipt opens in a new tab; what the API sent is a PDF.
  const receiptBody = passingBody(page, '**/receipt.pdf*');
  const receiptResponse = page.waitForResponse((r) => r.url().includes('/receipt.pdf'));
  const receiptTab = page.context().waitForEvent('page');
  await page.getByTestId('receipt-print').click();
  const receipt = await receiptResponse;
  expect(receipt.status()).toBe(200);
  expect(receipt.headers()['content-type']).toContain('application/pdf');
  expect((await receiptBody).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await (await receiptTab).close();

  // The pupil has left the debtor list; what is owed in all fell by what they paid.
  await page.goto('/finance/debtors');
  await expect(page.locator(`[data-testid="debtor-row"][data-student="${code}"]`)).toHaveCount(0);
  const after = await debtorsShown(page);
  expect(after.count).toBe(before.count - 1);
  expect(after.total).toBe(before.total - Number(payable));
  await screenshot(page, 'finance-debtors-after');
});

test('a homeroom teacher opens finance for the debtor list only', async ({ page }) => {
  await signIn(page, TEACHER);
  await page.getByTestId('nav-finance').click();
  await expect(page.getByTestId('finance-tile-debtors')).toBeVisible();
  await expect(page.getByTestId('finance-tile-paymentEntry')).toHaveCount(0);
  await page.getByTestId('finance-tile-debtors').click();
  await expect(page.getByTestId('debtors-count').or(page.getByTestId('debtors-empty'))).toBeVisible();
});

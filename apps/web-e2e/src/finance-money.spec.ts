import { expect, Page, test } from '@playwright/test';
import { passingBody, screenshot, signIn } from './session';
import { maskPersonalId } from '@emis/domain';

/** A serial unique to this run, so the statement's references and the voucher never meet an earlier run's. */
const SERIAL = String(Date.now()).slice(-8);
const ACCOUNTANT = 'ketoan.nhuquynh';
const PRINCIPAL = 'hieutruong.nhuquynh';
/** Each line pays this much, twice in all: the debtor chosen owes at least that. */
const LINE_AMOUNT = 10_000;

interface Debtor {
  code: string;
  name: string;
  outstanding: number;
}

/** Today in Vietnam as dd/mm/yyyy, the way the banks' statements write it. */
function todayOnStatement(): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).split('-');
  return `${d}/${m}/${y}`;
}

/** A debtor of the school who owes at least the two lines the statement pays. */
async function debtorOwingEnough(page: Page): Promise<Debtor> {
  await page.goto('/finance/debtors');
  const rows = page.getByTestId('debtor-row');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    const outstanding = Number(((await row.getByTestId('debtor-outstanding').textContent()) ?? '').replace(/\D/g, ''));
    if (outstanding < 2 * LINE_AMOUNT) continue;
    const code = (await row.getAttribute('data-student')) ?? '';
    const name = ((await row.locator('td').nth(2).textContent()) ?? '').trim();
    return { code, name, outstanding };
  }
  throw new Error('No debtor of the demo school owes enough for the statement');
}

/**
 * A CSV statement as a bank exports it: one transfer carrying the pupil's payment code (matched on import), one
 * whose description names nobody (left for a person to match).
 */
function statement(debtor: Debtor): Buffer {
  const date = todayOnStatement();
  const lines = [
    'Ngày,Số tiền,Số tham chiếu,Nội dung,Người chuyển',
    `${date},${LINE_AMOUNT},FT${SERIAL}1,HP${debtor.code} nop hoc phi,PHU HUYNH`,
    `${date},${LINE_AMOUNT},FT${SERIAL}2,chuyen tien cho chau,PHU HUYNH`,
  ];
  return Buffer.from(lines.join('\n'), 'utf8');
}

test('an accountant imports a bank statement, matches the unmatched line and sees the books reconcile', async ({
  page,
}) => {
  await signIn(page, ACCOUNTANT);
  const debtor = await debtorOwingEnough(page);

  await page.goto('/finance');
  await page.getByTestId('finance-tile-bank').click();
  await page.getByTestId('statement-file').setInputFiles({
    name: `sao-ke-${SERIAL}.csv`,
    mimeType: 'text/csv',
    buffer: statement(debtor),
  });
  await page.getByTestId('statement-upload').click();
  // The line with the payment code became a receipt; the other waits.
  const imported = page.getByTestId('statement-imported');
  await expect(imported).toBeVisible();
  await expect(imported).toContainText('1 dòng khớp');
  await expect(imported).toContainText('1 dòng chờ ghép');

  const line = page.locator(`[data-testid="bank-line"][data-reference="FT${SERIAL}2"]`);
  await expect(line).toBeVisible();
  await expect(page.locator(`[data-testid="bank-line"][data-reference="FT${SERIAL}1"]`)).toHaveCount(0);
  await screenshot(page, 'finance-bank-unmatched');

  // Matched by hand with the pupil found by name: a BANK receipt with the line's reference.
  await line.getByTestId('bank-line-match').click();
  const dialog = page.getByTestId('bank-match');
  await dialog.getByTestId('pupil-search').fill(debtor.name);
  // The picker shows identity numbers masked, like every list (docs/domain/personal-data.md).
  const shown = maskPersonalId(debtor.code);
  await dialog.getByTestId('pupil-option').filter({ hasText: shown }).first().click();
  await expect(dialog.getByTestId('bank-match-summary')).toContainText(new RegExp(`${debtor.code}|${shown}`));
  await page.getByTestId('bank-match-confirm').click();
  await expect(page.getByTestId('bank-done')).toContainText(`FT${SERIAL}2`);
  await expect(line).toHaveCount(0);

  await page.getByTestId('bank-lines-MATCHED').click();
  await expect(page.locator(`[data-testid="bank-line"][data-reference="FT${SERIAL}2"]`)).toBeVisible();
  await expect(page.locator(`[data-testid="bank-line"][data-reference="FT${SERIAL}1"]`)).toBeVisible();

  // The debtor owes the two lines less.
  await page.goto('/finance/debtors');
  const row = page.locator(`[data-testid="debtor-row"][data-student="${debtor.code}"]`);
  const left = debtor.outstanding - 2 * LINE_AMOUNT;
  if (left > 0) {
    await expect(row.getByTestId('debtor-outstanding')).toHaveText(`${left.toLocaleString('vi-VN')} ₫`);
  } else {
    await expect(row).toHaveCount(0);
  }

  // Every check of the year so far balances: receipts numbered, bank receipts = matched lines, the books.
  await page.goto('/finance');
  await page.getByTestId('finance-tile-reconciliation').click();
  await expect(page.getByTestId('reconciliation-balanced')).toBeVisible();
  await expect(page.locator('[data-testid="reconciliation-check"]:not([data-difference="0"])')).toHaveCount(0);
  await expect(page.locator('[data-testid="reconciliation-check"][data-code="BANK_RECEIPTS_MATCHED"]')).toBeVisible();
  await screenshot(page, 'finance-reconciliation');
});

test.describe.serial('an expense voucher', () => {
  const payee = `Nhà sách E2E ${SERIAL}`;
  let voucherUrl = '';

  test('the accountant drafts it', async ({ page }) => {
    await signIn(page, ACCOUNTANT);
    await page.goto('/finance');
    await page.getByTestId('finance-tile-expenses').click();
    await page.getByTestId('expense-new').click();
    await page.getByTestId('expense-amount-input').fill('350.000');
    await page.getByTestId('expense-source').selectOption('STATE_REGULAR');
    await page.getByTestId('expense-group').selectOption('GOODS_SERVICES');
    await page.getByTestId('expense-payee').fill(payee);
    await page.getByTestId('expense-description').fill('Mua giấy in đề kiểm tra');
    await page.getByTestId('expense-save').click();
    await expect(page.getByTestId('expense-status')).toHaveAttribute('data-status', 'DRAFT');
    // The accountant drafts; only the principal decides.
    await expect(page.getByTestId('expense-approve')).toHaveCount(0);
    voucherUrl = page.url();
  });

  test('the principal approves it with a number and prints it', async ({ page }) => {
    await signIn(page, PRINCIPAL);
    await page.goto(voucherUrl);
    await expect(page.getByTestId('expense-amount')).toHaveText('350.000 ₫');
    await page.getByTestId('expense-approve').click();
    await page.getByTestId('expense-decision-confirm').click();
    await expect(page.getByTestId('expense-status')).toHaveAttribute('data-status', 'APPROVED');
    await expect(page.getByTestId('expense-done')).toContainText(/PC-\d{4}-\d{6}/);
    await expect(page.getByTestId('expense-title')).toContainText(/PC-\d{4}-\d{6}/);
    await expect(page.getByTestId('expense-edit')).toHaveCount(0);
    await screenshot(page, 'finance-expense-approved');

    // The numbered voucher prints as a PDF in a new tab.
    const pdfBody = passingBody(page, '**/voucher.pdf*');
    const pdfResponse = page.waitForResponse((r) => r.url().includes('/voucher.pdf'));
    const tab = page.context().waitForEvent('page');
    await page.getByTestId('expense-print').click();
    const pdf = await pdfResponse;
    expect(pdf.status()).toBe(200);
    expect((await pdfBody).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await (await tab).close();

    // The list shows it approved, and the voucher numbers still reconcile.
    await page.goto('/finance/expenses');
    await page.getByTestId('expenses-search').fill(payee);
    await expect(page.getByTestId('expense-row').filter({ hasText: payee })).toHaveAttribute('data-status', 'APPROVED');
    await page.goto('/finance/reconciliation');
    await expect(page.locator('[data-testid="reconciliation-check"][data-code="VOUCHERS_NUMBERED"]')).toHaveAttribute(
      'data-difference',
      '0',
    );
  });
});

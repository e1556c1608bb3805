import { expect, Locator, Page, test } from '@playwright/test';
import { signIn } from './session';

/**
 * A session that ends under a grade sheet (docs/domain/gradebook.md, "Leaving a page"): the score still being typed is
 * sent before the sign-in page replaces the sheet. The end is real: the browser no longer holds the refresh cookie (as
 * when its lifetime ran out), so the server refuses the renewal the page asks for when its access token comes due —
 * brought forward with the page's clock, not waited for. The demo teacher's Toán sheet of 6A, semester I, row 16 (the
 * other grading specs use rows 0–15), emptied again at the end.
 */
const TEACHER = 'giaovien.nhuquynh';
const ROW = 16;

function cell(page: Page, row: number, column: string): Locator {
  return page.locator(`[data-testid="grade-grid"] .ag-row[row-index="${row}"] .ag-cell[col-id="${column}"]`);
}

async function openMathsSheet(page: Page): Promise<void> {
  await page.getByTestId('nav-grades').click();
  await expect(page.getByTestId('grades-title')).toBeVisible();
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-semester').selectOption('1');
  await page.getByTestId('grades-open-TOAN').click();
  await expect(page.getByTestId('grade-sheet-title')).toContainText('Toán');
  await expect(cell(page, ROW, 'TX1')).toBeVisible();
}

test('the session ends while a score is being typed: it is saved first, then the sign-in page shows', async ({
  page,
  context,
}) => {
  await page.clock.install();
  await signIn(page, TEACHER);
  await openMathsSheet(page);
  await expect(cell(page, ROW, 'TX1')).toHaveText('');

  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('/gradebook/')) saves.push(request.url());
  });
  const refusals: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/auth/refresh')) refusals.push(response.status());
  });
  // Typed, not committed: no save is queued yet, only the editor holds the 8.
  await cell(page, ROW, 'TX1').click();
  await page.keyboard.type('8');
  expect(saves).toHaveLength(0);

  await context.clearCookies();
  await page.clock.fastForward('15:00');

  await expect(page.getByTestId('login-username')).toBeVisible();
  await expect(page.getByTestId('signed-out-notice')).toBeVisible();
  expect(refusals).toContain(401);
  expect(saves).toHaveLength(1);
  await expect(page.getByTestId('leave-dialog')).not.toBeVisible();

  await signIn(page, TEACHER);
  await openMathsSheet(page);
  await expect(cell(page, ROW, 'TX1')).toHaveText('8');
  await cell(page, ROW, 'TX1').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('grade-save-status')).toHaveAttribute('data-state', 'saved');
  await expect(cell(page, ROW, 'TX1')).toHaveText('');
});

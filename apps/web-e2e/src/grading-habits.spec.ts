import { expect, Locator, Page, test } from '@playwright/test';
import { screenshot, signIn } from './session';

/**
 * No value lost on leaving a grade sheet, and the grid's Excel habits (docs/web/grade-grid.md). The demo teacher's
 * Toán sheet of 6A, semester I, rows 10–15 (grading.spec.ts uses rows 0–8): every cell written here starts empty
 * and is cleared again before the test ends, so no other spec sees these values.
 */
const TEACHER = 'giaovien.nhuquynh';
const ROWS = [10, 11, 12, 13, 14, 15];

async function openMathsSheet(page: Page): Promise<void> {
  await page.getByTestId('nav-grades').click();
  await expect(page.getByTestId('grades-title')).toBeVisible();
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-semester').selectOption('1');
  await page.getByTestId('grades-open-TOAN').click();
  await expect(page.getByTestId('grade-sheet-title')).toContainText('Toán');
  await expect(cell(page, 0, 'TX1')).toBeVisible();
}

function cell(page: Page, row: number, column: string): Locator {
  return page.locator(`[data-testid="grade-grid"] .ag-row[row-index="${row}"] .ag-cell[col-id="${column}"]`);
}

async function typeAt(page: Page, row: number, column: string, text: string): Promise<void> {
  await cell(page, row, column).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

/** Whether the keyboard focus is anywhere inside the grid (cells, headers, AG Grid's own focus guards). */
function focusInGrid(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.querySelector('[data-testid="grade-grid"]')?.contains(document.activeElement));
}

async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('grade-save-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('grade-save-status')).toContainText('Đã lưu');
}

/** Empties the cells this spec writes (Delete on a selected block), so the demo data is as it was. */
async function clearRows(page: Page, rows: number[], columns: string[]): Promise<void> {
  for (const row of rows) {
    for (const column of columns) {
      if ((await cell(page, row, column).innerText()).trim() === '') continue;
      await cell(page, row, column).click();
      await page.keyboard.press('Delete');
    }
  }
  await expectSaved(page);
}

/** Leaving right after typing (well inside the 800 ms quiet spell): the value is sent first, nothing is asked. */
async function leaveRightAfterTyping(page: Page, row: number, leave: () => Promise<void>): Promise<void> {
  await expect(cell(page, row, 'TX1')).toHaveText('');
  const puts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('/gradebook/')) puts.push(request.url());
  });
  await typeAt(page, row, 'TX1', '9');
  await leave();
  await expect(page.getByTestId('grade-sheet-title')).toHaveCount(0);
  await expect(page.getByTestId('leave-dialog')).not.toBeVisible();
  expect(puts).toHaveLength(1);
}

test('a score typed just before leaving by the sidebar, the breadcrumb or Back is saved, not lost', async ({
  page,
}) => {
  await signIn(page, TEACHER);

  await openMathsSheet(page);
  await leaveRightAfterTyping(page, 10, () => page.getByTestId('nav-grades').click());
  await expect(page.getByTestId('grades-title')).toBeVisible();

  await openMathsSheet(page);
  await expect(cell(page, 10, 'TX1')).toHaveText('9');
  await leaveRightAfterTyping(page, 11, () => page.locator('nav.breadcrumb a').first().click());

  await openMathsSheet(page);
  await expect(cell(page, 11, 'TX1')).toHaveText('9');
  // A cell still being edited is committed and saved too: no Enter before Back.
  await cell(page, 12, 'TX1').click();
  await page.keyboard.type('7');
  await page.goBack();
  await expect(page.getByTestId('grades-title')).toBeVisible();
  await expect(page.getByTestId('leave-dialog')).not.toBeVisible();

  await openMathsSheet(page);
  await expect(cell(page, 12, 'TX1')).toHaveText('7');
  await clearRows(page, [10, 11, 12], ['TX1']);
});

test('signing out right after typing saves the score first', async ({ page }) => {
  await signIn(page, TEACHER);
  await openMathsSheet(page);
  await expect(cell(page, 13, 'TX1')).toHaveText('');
  await typeAt(page, 13, 'TX1', '6');
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-username')).toBeVisible();

  await signIn(page, TEACHER);
  await openMathsSheet(page);
  await expect(cell(page, 13, 'TX1')).toHaveText('6');
  await clearRows(page, [13], ['TX1']);
});

test('invalid cells are counted in the save status and leaving asks: stay keeps them, leave discards them', async ({
  page,
}) => {
  await signIn(page, TEACHER);
  await openMathsSheet(page);
  await typeAt(page, 14, 'TX2', '11');
  await typeAt(page, 15, 'TX2', 'abc');
  await expect(cell(page, 14, 'TX2')).toHaveClass(/grade-cell-invalid/);
  await expect(page.getByTestId('grade-invalid-count')).toHaveText('2 ô chưa hợp lệ, chưa lưu');
  await expect(page.getByTestId('grade-save-status')).not.toContainText('Đã lưu');

  await page.getByTestId('nav-grades').click();
  const dialog = page.getByTestId('leave-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('leave-dialog-invalid')).toHaveText('2 ô chưa hợp lệ, chưa lưu (tô đỏ)');
  await screenshot(page, 'grading-leave-invalid');
  await page.getByTestId('leave-dialog-stay').click();
  await expect(dialog).not.toBeVisible();
  await expect(page.getByTestId('grade-sheet-title')).toBeVisible();
  await expect(cell(page, 14, 'TX2')).toHaveText('11');

  await page.locator('nav.breadcrumb a').first().click();
  await expect(dialog).toBeVisible();
  await page.getByTestId('leave-dialog-discard').click();
  await expect(page.getByTestId('grades-title')).toBeVisible();

  await openMathsSheet(page);
  await expect(cell(page, 14, 'TX2')).toHaveText('');
  await expect(cell(page, 15, 'TX2')).toHaveText('');
});

test('undo and redo of typing and of a paste, block copy as TSV, and a paste aligned to the score columns', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, TEACHER);
  await openMathsSheet(page);
  for (const row of ROWS.slice(0, 3)) await expect(cell(page, row, 'TX3')).toHaveText('');

  // Two typed cells, undone one by one, the first redone.
  await typeAt(page, 10, 'TX3', '7');
  await typeAt(page, 11, 'TX3', '8');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 11, 'TX3')).toHaveText('');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 10, 'TX3')).toHaveText('');
  await page.keyboard.press('Control+y');
  await expect(cell(page, 10, 'TX3')).toHaveText('7');
  await expect(page.getByTestId('grade-cell-message')).toContainText('Đã làm lại 1 ô');

  // A pasted block is one step: Ctrl+Z takes all of it back, Ctrl+Shift+Z brings it again.
  await cell(page, 11, 'TX3').click();
  await pasteText(page, '5\t6\r\n6,5\t7\r\n');
  await expect(cell(page, 12, 'TX4')).toHaveText('7');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 11, 'TX3')).toHaveText('');
  await expect(cell(page, 12, 'TX4')).toHaveText('');
  await page.keyboard.press('Control+Shift+z');
  await expect(cell(page, 11, 'TX3')).toHaveText('5');
  await expect(cell(page, 12, 'TX4')).toHaveText('7');
  await expectSaved(page);

  // Shift+arrows select a block; Ctrl+C puts it on the clipboard as Excel would (tabs, CRLF).
  await cell(page, 10, 'TX3').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(cell(page, 12, 'TX4')).toHaveClass(/grade-cell-selected/);
  await page.keyboard.press('Control+c');
  await expect(page.getByTestId('grade-cell-message')).toContainText('Đã sao chép 3 hàng × 2 cột');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('7\t\r\n5\t6\r\n6,5\t7');
  await screenshot(page, 'grading-block-selected');

  // Shift+click selects from the anchor too, across the student's own columns.
  await cell(page, 10, 'fullName').click();
  await cell(page, 11, 'TX3').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\r\n')).toHaveLength(2);
  expect(copied.split('\r\n')[1].split('\t')).toHaveLength(5);

  // A row pasted on the name column is refused whole, not shifted into TX1.
  await cell(page, 13, 'fullName').click();
  await pasteText(page, 'Nguyễn An\t8\t7');
  await expect(page.getByTestId('grade-cell-message')).toContainText('Không dán');
  await expect(cell(page, 13, 'TX1')).toHaveText('');

  // A block wider than the scores stops at CK: nothing lands in the average or the comment; the rest is reported.
  await cell(page, 13, 'GK').click();
  await pasteText(page, '7\t8\t9\t10');
  await expect(cell(page, 13, 'GK')).toHaveText('7');
  await expect(cell(page, 13, 'CK')).toHaveText('8');
  await expect(cell(page, 13, 'comment')).toHaveText('');
  await expect(page.getByTestId('grade-cell-message')).toContainText(/Đã dán 2 ô vào GK–CK, hàng \d+\. Từ chối 2 ô/);
  await screenshot(page, 'grading-paste-report');

  await clearRows(page, [10, 11, 12], ['TX3', 'TX4']);
  await clearRows(page, [13], ['GK', 'CK']);
});

test('Alt+G jumps into the grid, Tab walks the score cells and leaves the grid at its end; the grid is named', async ({
  page,
}) => {
  await signIn(page, TEACHER);
  await openMathsSheet(page);
  const grid = page.locator('[data-testid="grade-grid"] [role="treegrid"], [data-testid="grade-grid"] [role="grid"]');
  await expect(grid.first()).toHaveAttribute('aria-label', /Toán, lớp 6A, Học kì I/);
  await expect(page.locator('#grade-grid-help')).toContainText('Alt+G: vào bảng điểm');

  await page.getByTestId('grade-history-button').focus();
  await page.keyboard.press('Alt+g');
  await expect(cell(page, 0, 'TX1')).toBeFocused();
  // A visible 2 px focus ring.
  expect(await cell(page, 0, 'TX1').evaluate((el) => getComputedStyle(el).outlineWidth)).toBe('2px');
  await screenshot(page, 'grading-focus-ring');

  // Tab skips the name and the averages; Shift+Tab before the first cell leaves the grid backwards.
  await page.keyboard.press('Tab');
  await expect(cell(page, 0, 'TX2')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focusInGrid(page)).toBe(false);

  // From the last student's comment (Ctrl+↓, Ctrl+→ as in Excel), Tab leaves the grid.
  await page.keyboard.press('Alt+g');
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Control+ArrowRight');
  const focused = page.locator('[data-testid="grade-grid"] .ag-cell[col-id="comment"]:focus');
  await expect(focused).toHaveCount(1);
  const last = await page.evaluate(() =>
    Math.max(
      ...Array.from(document.querySelectorAll('[data-testid="grade-grid"] .ag-row[row-index]')).map((row) =>
        Number(row.getAttribute('row-index')),
      ),
    ),
  );
  await expect(cell(page, last, 'comment')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect.poll(() => focusInGrid(page)).toBe(false);
});

import { expect, Locator, Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { screenshot, signIn } from './session';

const TEACHER = 'giaovien.nhuquynh';

/** Opens /grades, picks class 6A and semester I, then the Toán sheet (the demo teacher teaches it and leads 6A). */
async function openMathsSheet(page: Page, access = 'Bạn nhập điểm'): Promise<void> {
  await page.getByTestId('nav-grades').click();
  await expect(page.getByTestId('grades-title')).toBeVisible();
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-semester').selectOption('1');
  await expect(page.getByTestId('grades-subject-row').first()).toBeVisible();
  await expect(page.getByTestId('grades-subject-row').filter({ hasText: 'Toán' })).toContainText(access);
  await page.getByTestId('grades-open-TOAN').click();
  await expect(page.getByTestId('grade-sheet-title')).toContainText('Toán');
  await expect(cell(page, 0, 'TX1')).toBeVisible();
}

/** A cell of the grid by displayed row index and column id (AG Grid's own attributes). */
function cell(page: Page, row: number, column: string): Locator {
  return page.locator(`[data-testid="grade-grid"] .ag-row[row-index="${row}"] .ag-cell[col-id="${column}"]`);
}

/** Types into the focused cell: a printable key starts editing, as in Excel; then Tab/Enter moves on. */
async function typeAndPress(page: Page, text: string, key: 'Tab' | 'Enter'): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press(key);
}

/** A paste event as Chromium fires it when the user presses Ctrl+V on a block copied from Excel. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('grade-save-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('grade-save-status')).toContainText('Đã lưu');
}

test('a teacher enters grades with the keyboard, sees the average, an invalid value is flagged and not saved, a pasted block is saved', async ({
  page,
}) => {
  await signIn(page, TEACHER);
  await openMathsSheet(page);
  await expect(page.getByTestId('grade-sheet-readonly')).toHaveCount(0);
  const txColumns = await page.locator('[data-testid="grade-grid"] .ag-header-cell[col-id^="TX"]').count();
  // Toán in grade 6 has 140 periods a year: four regular assessments (Circular 22 Art. 7).
  expect(txColumns).toBe(4);

  // Row 0: TX 8, 7, 9, 8 / GK 7,5 / CK 8 → (32 + 15 + 24) / 9 = 7.888… → 7,9. Tab moves right while editing.
  await cell(page, 0, 'TX1').click();
  for (const value of ['8', '7', '9', '8', '7,5']) await typeAndPress(page, value, 'Tab');
  await typeAndPress(page, '8', 'Enter');
  await expect(cell(page, 0, 'result')).toHaveText('7,9');
  await expect(cell(page, 0, 'GK')).toHaveText('7,5');
  // Enter moved down a row: the same column of row 1 has the focus.
  await expect(cell(page, 1, 'CK')).toBeFocused();

  // An invalid value (11) is shown at once, explained, and never sent.
  await typeAndPress(page, '11', 'Enter');
  await expect(cell(page, 1, 'CK')).toHaveClass(/grade-cell-invalid/);
  await expect(cell(page, 1, 'CK')).toHaveText('11');
  await expect(page.getByTestId('grade-cell-message')).toContainText('CK');
  await expect(page.getByTestId('grade-cell-message')).toContainText('0 đến 10');

  // Enter moved on to row 2; the arrows go left to its TX1, where a 3×2 block copied from Excel is pasted.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await expect(cell(page, 2, 'TX1')).toBeFocused();
  await pasteText(page, '6\t7,5\r\n8\t9\r\n5,5\t10\r\n');
  await expect(cell(page, 2, 'TX1')).toHaveText('6');
  await expect(cell(page, 2, 'TX2')).toHaveText('7,5');
  await expect(cell(page, 4, 'TX1')).toHaveText('5,5');
  await expect(cell(page, 4, 'TX2')).toHaveText('10');
  await expect(page.getByTestId('grade-cell-message')).toContainText('Đã dán 6 ô vào TX1–TX2, hàng 3–5');
  // The red cell was never sent: it is counted, and "Đã lưu" is not shown while it remains.
  await expect(page.getByTestId('grade-save-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('grade-invalid-count')).toHaveText('1 ô chưa hợp lệ, chưa lưu');
  await expect(page.getByTestId('grade-save-status')).not.toContainText('Đã lưu');
  await screenshot(page, 'grading-sheet-typed');

  // A reload would drop it: the browser asks first, and the teacher accepts.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(cell(page, 0, 'TX1')).toHaveText('8');
  await expect(cell(page, 0, 'TX4')).toHaveText('8');
  await expect(cell(page, 0, 'GK')).toHaveText('7,5');
  await expect(cell(page, 0, 'CK')).toHaveText('8');
  await expect(cell(page, 0, 'result')).toHaveText('7,9');
  await expect(cell(page, 1, 'CK')).toHaveText('');
  await expect(cell(page, 2, 'TX2')).toHaveText('7,5');
  await expect(cell(page, 3, 'TX1')).toHaveText('8');
  await expect(cell(page, 3, 'TX2')).toHaveText('9');
  await expect(cell(page, 4, 'TX1')).toHaveText('5,5');
  await screenshot(page, 'grading-sheet-reloaded');

  // The history of a cell, keyboard reachable (Alt+H on the focused cell).
  await cell(page, 0, 'GK').click();
  await page.keyboard.press('Alt+h');
  await expect(page.getByTestId('grade-history-row').first()).toContainText('7,5');
  await screenshot(page, 'grading-cell-history');
  await page.keyboard.press('Escape');
});

test('a save lost to a network error is retried with the same requestId, so the server applies it once', async ({
  page,
}) => {
  await signIn(page, TEACHER);
  await openMathsSheet(page);
  const sent: string[] = [];
  let failNext = true;
  await page.route('**/gradebook/1/TOAN', async (route) => {
    if (route.request().method() !== 'PUT') return route.continue();
    sent.push((route.request().postDataJSON() as { requestId: string }).requestId);
    if (failNext) {
      failNext = false;
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });
  await cell(page, 8, 'TX1').click();
  await typeAndPress(page, '9', 'Enter');
  await expect(page.getByTestId('grade-save-status')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('grade-save-status')).toContainText('Lỗi — thử lại');
  await page.getByTestId('grade-save-retry').click();
  await expectSaved(page);
  expect(sent).toHaveLength(2);
  expect(sent[1]).toBe(sent[0]);
  await page.reload();
  await expect(cell(page, 8, 'TX1')).toHaveText('9');
});

test('two sessions edit the same cell: the later save is refused and the conflict is marked with both values', async ({
  browser,
}) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a, TEACHER);
  await signIn(b, TEACHER);
  await openMathsSheet(a);
  await openMathsSheet(b);

  await cell(a, 6, 'TX3').click();
  await typeAndPress(a, '8', 'Enter');
  await expectSaved(a);

  // B still shows the sheet as it was before A saved, and types another value in the same cell.
  await cell(b, 6, 'TX3').click();
  await typeAndPress(b, '6', 'Enter');
  const conflicts = b.getByTestId('grade-conflicts');
  await expect(conflicts).toBeVisible();
  await expect(b.getByTestId('grade-conflict-item')).toContainText('TX3: bạn nhập 6');
  await expect(b.getByTestId('grade-conflict-item')).toContainText('đã lưu 8');
  await expect(cell(b, 6, 'TX3')).toHaveClass(/grade-cell-conflict/);
  await screenshot(b, 'grading-conflict');

  // "Keep mine" sends 6 again on the new version; A sees it after a reload.
  await b.getByTestId('grade-conflict-keep').click();
  await expectSaved(b);
  await expect(conflicts).toHaveCount(0);
  await a.reload();
  await expect(cell(a, 6, 'TX3')).toHaveText('6');
  await first.close();
  await second.close();
});

test('the principal locks semester I; the teacher sees the sheet read-only, asks for a correction, and the principal approves it', async ({
  browser,
}) => {
  const principalContext = await browser.newContext();
  const teacherContext = await browser.newContext();
  const principal = await principalContext.newPage();
  const teacher = await teacherContext.newPage();
  await signIn(principal, 'hieutruong.nhuquynh');
  await principal.getByTestId('nav-grades').click();
  await principal.getByTestId('grades-class').selectOption({ label: '6A' });
  await principal.getByTestId('grades-semester').selectOption('1');
  await expect(principal.getByTestId('corrections-inbox')).toBeVisible();
  await principal.getByTestId('grades-lock').click();
  await expect(principal.getByTestId('grades-lock-dialog')).toContainText('không sửa được điểm Học kì I');
  await screenshot(principal, 'grading-lock-confirm');
  await principal.getByTestId('grades-lock-dialog-confirm').click();
  await expect(principal.getByTestId('grades-unlock')).toBeVisible();
  await expect(principal.getByTestId('grades-locked-badge')).toBeVisible();

  await signIn(teacher, TEACHER);
  await openMathsSheet(teacher, 'Đã khoá');
  await expect(teacher.getByTestId('grade-sheet-readonly')).toHaveAttribute('data-reason', 'locked');
  // Read-only: typing changes nothing.
  await cell(teacher, 0, 'CK').click();
  await teacher.keyboard.type('5');
  await teacher.keyboard.press('Enter');
  await expect(cell(teacher, 0, 'CK')).toHaveText('8');
  await cell(teacher, 0, 'CK').click();
  await teacher.getByTestId('grade-correction-button').click();
  await teacher.getByTestId('grade-correction-value').fill('9');
  await teacher.getByTestId('grade-correction-submit').click();
  await expect(teacher.getByText('Hãy nêu lý do sửa điểm.')).toBeVisible();
  await teacher.getByTestId('grade-correction-reason').fill('Chấm phúc khảo bài kiểm tra cuối kỳ');
  await screenshot(teacher, 'grading-correction-request');
  await teacher.getByTestId('grade-correction-submit').click();
  await expect(teacher.getByTestId('grade-sheet-notice')).toContainText('Đã gửi yêu cầu sửa điểm');

  await principal.reload();
  const request = principal.getByTestId('correction-row').filter({ hasText: 'Nguyễn Ngọc An' });
  await expect(request).toContainText('CK: 8 → 9');
  await expect(request).toContainText('phúc khảo');
  await screenshot(principal, 'grading-corrections-inbox');
  await request.getByTestId('correction-note').fill('Đồng ý');
  await request.getByTestId('correction-approve').click();
  await expect(principal.getByTestId('corrections-empty')).toBeVisible();

  // The approved value is in the sheet, and the average follows: (32 + 15 + 27) / 9 = 8.22… → 8,2.
  await teacher.reload();
  await expect(cell(teacher, 0, 'CK')).toHaveText('9');
  await expect(cell(teacher, 0, 'result')).toHaveText('8,2');

  await principal.getByTestId('grades-unlock').click();
  await principal.getByTestId('grades-lock-dialog-confirm').click();
  await expect(principal.getByTestId('grades-lock')).toBeVisible();
  await principalContext.close();
  await teacherContext.close();
});

/** The exported sheet with one value changed: the header row (9) names the columns, STT numbers the rows. */
async function editedSheet(
  exported: string,
  ordinal: number,
  column: string,
  value: string | number,
  file: string,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(exported);
  const sheet = workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
  const headers = (sheet.getRow(9).values as unknown[]).map((v) => String(v ?? ''));
  const col = headers.indexOf(column);
  expect(col).toBeGreaterThan(0);
  let target = 0;
  sheet.eachRow((row, n) => {
    if (n > 9 && Number(row.getCell(1).value) === ordinal) target = n;
  });
  expect(target).toBeGreaterThan(9);
  sheet.getRow(target).getCell(col).value = value;
  const path = test.info().outputPath(file);
  await workbook.xlsx.writeFile(path);
  return path;
}

test('a teacher exports the sheet to Excel and imports it back: a wrong value is reported by row and column, a good file is saved', async ({
  page,
}) => {
  await signIn(page, TEACHER);
  await openMathsSheet(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('grade-export').click();
  const exported = await download;
  expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
  const exportedPath = test.info().outputPath('so-diem.xlsx');
  await exported.saveAs(exportedPath);

  const bad = await editedSheet(exportedPath, 6, 'TX4', 12, 'so-diem-sai.xlsx');
  await page.getByTestId('grade-import-button').click();
  await page.getByTestId('grade-import-file').setInputFiles(bad);
  await page.getByTestId('grade-import-upload').click();
  await expect(page.getByTestId('grade-import-errors')).toContainText('TX4');
  await expect(page.getByTestId('grade-import-errors')).toContainText('Dòng 15');
  await screenshot(page, 'grading-import-errors');
  await page
    .getByTestId('grade-import-file')
    .setInputFiles(await editedSheet(exportedPath, 6, 'TX4', 6.5, 'so-diem.xlsx'));
  await page.getByTestId('grade-import-upload').click();
  await expect(page.getByTestId('grade-import-status')).toContainText('Đã nhập xong');
  await page.keyboard.press('Escape');
  await expect(cell(page, 5, 'TX4')).toHaveText('6,5');
  await page.reload();
  await expect(cell(page, 5, 'TX4')).toHaveText('6,5');
});

test('the homeroom teacher records conduct for a student and finds it after a reload', async ({ page }) => {
  await signIn(page, TEACHER);
  await page.getByTestId('nav-grades').click();
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-conduct-link').click();
  const first = page.getByTestId('conduct-row').first();
  await expect(first).toBeVisible();
  await expect(page.getByTestId('conduct-readonly')).toHaveCount(0);
  await first.getByTestId('conduct-training').selectOption({ label: 'Khá' });
  await expect(page.getByTestId('conduct-state')).toContainText('1 học sinh có thay đổi chưa lưu');
  await page.getByTestId('conduct-save').click();
  await expect(page.getByTestId('conduct-state')).toContainText('Đã lưu');
  await screenshot(page, 'grading-conduct');
  await page.reload();
  await expect(page.getByTestId('conduct-row').first().getByTestId('conduct-training')).toHaveValue('KHA');
});

test('the principal reads the class results with the summary, stores them and downloads the Excel sheet and the report cards', async ({
  page,
}) => {
  await signIn(page, 'hieutruong.nhuquynh');
  await page.getByTestId('nav-grades').click();
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-results-link').click();
  await expect(page.getByTestId('results-title')).toContainText('6A');
  // Toán of the first student after the approved correction: 8,2 (the subject columns use the same vi-VN format).
  await expect(page.getByTestId('results-row').filter({ hasText: 'Nguyễn Ngọc An' })).toContainText('8,2');
  await expect(page.getByTestId('results-summary')).toContainText('Chưa đủ điểm');
  await page.getByTestId('results-store').click();
  await expect(page.getByTestId('results-status')).toContainText('Đã lưu kết quả');
  const excel = page.waitForEvent('download');
  await page.getByTestId('results-export').click();
  expect((await excel).suggestedFilename()).toMatch(/\.xlsx$/);
  const pdf = page.waitForEvent('download');
  await page.getByTestId('results-pdf').click();
  expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);
  await screenshot(page, 'grading-results');
  await page.getByTestId('results-period').selectOption('CN');
  await expect(page.getByTestId('results-table')).toContainText('Đề nghị lên lớp');
  // The whole school's semester scores, from the gradebook overview.
  await page.getByTestId('nav-grades').click();
  const school = page.waitForEvent('download');
  await page.getByTestId('grades-export-school').click();
  expect((await school).suggestedFilename()).toBe('so-diem-2026-2027-hk1.xlsx');
});

test('in semester II the grid shows semester I and computes the year average as the teacher types; Delete clears a cell', async ({
  page,
  browser,
}) => {
  // Until the principal assigns Toán of 6A for semester II (the seed assigns semester I only), the sheet is read-only.
  await signIn(page, TEACHER);
  await page.goto('/grades?semester=2');
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-open-TOAN').click();
  await expect(page.getByTestId('grade-sheet-readonly')).toHaveAttribute('data-reason', 'notYourSubject');
  const principalContext = await browser.newContext();
  const principal = await principalContext.newPage();
  await signIn(principal, 'hieutruong.nhuquynh');
  await principal.getByTestId('nav-classes').click();
  await principal.getByTestId('class-link').filter({ hasText: /^6A$/ }).click();
  await principal.getByTestId('assignments-semester-2').click();
  await principal.getByTestId('assignment-TOAN').selectOption({ label: 'Vũ Minh Tuấn' });
  await principal.getByTestId('assignments-save').click();
  await expect(principal.getByTestId('assignments-saved')).toBeVisible();
  await principalContext.close();

  await page.getByTestId('nav-grades').click();
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-semester').selectOption('2');
  await page.getByTestId('grades-open-TOAN').click();
  await expect(page.getByTestId('grade-sheet-title')).toContainText('Học kì II');
  // Semester I of the first student is 8,2 (after the approved correction); semester II all 8 → 8,0;
  // year = (8,2 + 2 × 8,0) / 3 = 8,066… → 8,1.
  await expect(cell(page, 0, 'semester1')).toHaveText('8,2');
  await cell(page, 0, 'TX1').click();
  for (let i = 0; i < 5; i++) await typeAndPress(page, '8', 'Tab');
  await typeAndPress(page, '8', 'Enter');
  await expect(cell(page, 0, 'result')).toHaveText('8,0');
  await expect(cell(page, 0, 'year')).toHaveText('8,1');
  await expectSaved(page);
  await screenshot(page, 'grading-semester2');
  await page.reload();
  await expect(cell(page, 0, 'year')).toHaveText('8,1');

  // Delete clears the focused cell: a required assessment is missing again, so neither average is computed.
  await cell(page, 0, 'TX2').click();
  await page.keyboard.press('Delete');
  await expect(cell(page, 0, 'TX2')).toHaveText('');
  await expect(cell(page, 0, 'result')).toHaveText('');
  await expect(cell(page, 0, 'year')).toHaveText('');
  await expectSaved(page);
  await page.reload();
  await expect(cell(page, 0, 'TX2')).toHaveText('');
});

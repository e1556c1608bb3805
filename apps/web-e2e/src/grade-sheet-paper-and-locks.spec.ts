import { APIRequestContext, expect, Locator, Page, test } from '@playwright/test';
import type { AuthUser, ClassSummary, GradeSheet } from '@emis/contracts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pdfPages } from './pdf-text';
import { apiAccessToken, screenshot, signIn } from './session';

/**
 * The grade sheet on paper and under a column lock set while the teacher types (issue 16, deliverables 5 and 7).
 * Printing changes nothing. The lock test uses the demo teacher's Toán sheet of 6A, semester I, rows 18–19 (other
 * specs use rows 0–15): the lock is removed and every cell it wrote emptied again whatever happens.
 */
const TEACHER = 'giaovien.nhuquynh';
const PRINCIPAL = 'hieutruong.nhuquynh';
const OUTPUT = path.resolve(__dirname, '../../..', process.env['E2E_OUTPUT_DIR'] ?? 'tmp/e2e-results');
const ROWS = [18, 19];
const LOCK_REASON = 'Khoá cột TX2 (e2e)';

async function call(
  request: APIRequestContext,
  token: string,
  method: 'get' | 'post' | 'put' | 'delete',
  url: string,
  data?: unknown,
) {
  const res = await request[method](url, { headers: { Authorization: `Bearer ${token}` }, data });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.status() === 204 ? undefined : res.json();
}

/** The school's API path and its open year's classes, as the principal reads them. */
async function schoolClasses(request: APIRequestContext, token: string) {
  const me = (await call(request, token, 'get', '/api/auth/me')) as AuthUser;
  const school = `/api/schools/${me.orgUnitId}`;
  const home = await call(request, token, 'get', `${school}/home`);
  const classes = (await call(request, token, 'get', `${school}/classes?pageSize=100&yearId=${home.schoolYearId}`)) as {
    items: ClassSummary[];
  };
  return { school, yearId: home.schoolYearId as string, classes: classes.items };
}

async function openSheet(page: Page, className: string, subject = 'TOAN'): Promise<void> {
  await page.getByTestId('nav-grades').click();
  await expect(page.getByTestId('grades-title')).toBeVisible();
  await page.getByTestId('grades-class').selectOption({ label: className });
  await page.getByTestId('grades-semester').selectOption('1');
  await page.getByTestId(`grades-open-${subject}`).click();
  await expect(page.getByTestId('grade-sheet-title')).toContainText('Toán');
  await expect(cell(page, 0, 'TX1')).toBeVisible();
}

function cell(page: Page, row: number, column: string): Locator {
  return page.locator(`[data-testid="grade-grid"] .ag-row[row-index="${row}"] .ag-cell[col-id="${column}"]`);
}

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
}

/** A PDF's text per page with the spaces left out (a printer places words, not the spaces between them), NFC. */
function squeezed(pages: string[]): string[] {
  return pages.map((p) => p.normalize('NFC').replace(/\s+/g, ''));
}

const squeeze = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

test('the grade sheet of a class over 45 prints every pupil once over several pages, the header row on each page and the signatures with the last rows', async ({
  page,
  request,
}) => {
  await signIn(page, PRINCIPAL);
  const token = await apiAccessToken(request, PRINCIPAL);
  const { school, classes } = await schoolClasses(request, token);
  const big = classes.filter((c) => c.size >= 45).sort((a, b) => b.size - a.size)[0];
  expect(big, 'the demo school has a class over the ceiling of 45').toBeTruthy();
  const sheet = (await call(request, token, 'get', `${school}/classes/${big.id}/gradebook/1/TOAN`)) as GradeSheet;
  expect(sheet.rows.length).toBeGreaterThanOrEqual(45);

  await openSheet(page, big.name);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-sheet-row')).toHaveCount(sheet.rows.length);
  await expect(page.getByTestId('grade-grid')).toBeHidden();
  await expect(page.getByTestId('print-signatures')).toBeVisible();
  const dir = path.join(OUTPUT, 'print');
  mkdirSync(dir, { recursive: true });
  const pdf = await page.pdf({
    path: path.join(dir, `grade-sheet-${big.name}-toan.pdf`),
    format: 'A4',
    landscape: true,
  });
  await page.emulateMedia({ media: 'screen' });

  const pages = squeezed(pdfPages(pdf));
  expect(pages.length).toBeGreaterThan(1);
  const all = pages.join('');
  // Every pupil's line (name then birth date, as the table prints them) once in the whole document.
  const lines = sheet.rows.map((r) => squeeze(`${r.fullName}${r.dateOfBirth.split('-').reverse().join('/')}`));
  const missing = lines.filter((line) => all.split(line).length - 1 !== lines.filter((l) => l === line).length);
  expect(missing).toEqual([]);
  // The header row on every page that carries pupils.
  const withPupils = pages.filter((p) => lines.some((line) => p.includes(line)));
  expect(withPupils.length).toBeGreaterThan(1);
  for (const p of withPupils) expect(p).toContain('HọvàtênNgàysinhTX1');
  // The signature block on the page of the last pupil, not alone on a page of its own.
  const lastPage = pages.findIndex((p) => p.includes(lines[lines.length - 1]));
  expect(pages[lastPage]).toContain('HIỆUTRƯỞNG');
  expect(pages.slice(lastPage + 1).join('')).toBe('');
});

test('a column the principal locks while the teacher pastes: only that column turns read-only and goes back; the rest is saved and stays editable', async ({
  page,
  request,
}) => {
  // The principal signs in on the page first (enrolling the authenticator when this run has not yet).
  await signIn(page, PRINCIPAL);
  const principal = await apiAccessToken(request, PRINCIPAL);
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  const { school, yearId, classes } = await schoolClasses(request, principal);
  const classId = classes.find((c) => c.name === '6A')!.id;
  const sheetUrl = `${school}/classes/${classId}/gradebook/1/TOAN`;
  const teacher = await apiAccessToken(request, TEACHER);
  const before = (await call(request, teacher, 'get', sheetUrl)) as GradeSheet;
  for (const r of ROWS) expect(before.rows[r].cells).toEqual({});

  await signIn(page, TEACHER);
  await openSheet(page, '6A');
  await expect(cell(page, ROWS[0], 'TX2')).toHaveText('');
  let lockIds: string[] = [];
  try {
    // Locked after the teacher opened the sheet: the grid does not know of it yet.
    const locks = (await call(request, principal, 'post', `${school}/grading/locks`, {
      yearId,
      semester: 1,
      classId,
      subjectCode: 'TOAN',
      columnKey: 'TX2',
      reason: LOCK_REASON,
    })) as { id: string; reason: string | null }[];
    lockIds = locks.filter((l) => l.reason === LOCK_REASON).map((l) => l.id);

    await cell(page, ROWS[0], 'TX1').click();
    await pasteText(page, '7\t8\t9\n6\t5\t4');
    await expect(page.getByTestId('grade-cell-message')).toContainText('Cột TX2 vừa được hiệu trưởng khoá');
    await expectSaved(page);
    // TX2 went back to its saved (empty) value and shows the lock; TX1 and TX3 were saved.
    for (const [r, tx1, tx3] of [
      [ROWS[0], '7', '9'],
      [ROWS[1], '6', '4'],
    ] as const) {
      await expect(cell(page, r, 'TX1')).toHaveText(tx1);
      await expect(cell(page, r, 'TX2')).toHaveText('');
      await expect(cell(page, r, 'TX3')).toHaveText(tx3);
    }
    await expect(page.locator('.ag-header-cell[col-id="TX2"]')).toContainText('🔒');
    await expect(page.getByTestId('grade-sheet-readonly')).toHaveCount(0);
    await expect(page.getByTestId('grade-sheet-locked')).toHaveCount(0);
    await screenshot(page, 'grade-sheet-column-locked-meanwhile');

    // The rest of the sheet still takes input; the locked column does not.
    await cell(page, ROWS[0], 'TX4').click();
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await expectSaved(page);
    await cell(page, ROWS[0], 'TX2').click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect(cell(page, ROWS[0], 'TX2')).toHaveText('');

    const after = (await call(request, teacher, 'get', sheetUrl)) as GradeSheet;
    expect(after.rows[ROWS[0]].cells).toEqual({ TX1: 7, TX3: 9, TX4: 8 });
    expect(after.rows[ROWS[1]].cells).toEqual({ TX1: 6, TX3: 4 });
  } finally {
    for (const id of lockIds) await call(request, principal, 'delete', `${school}/grading/locks/${id}`);
    // Every cell this test wrote is emptied again, so no other spec sees it.
    const now = (await call(request, teacher, 'get', sheetUrl)) as GradeSheet;
    const rows = ROWS.map((r) => now.rows[r])
      .filter((row) => Object.keys(row.cells).length > 0)
      .map((row) => ({
        studentId: row.studentId,
        version: row.version,
        cells: Object.fromEntries(Object.keys(row.cells).map((k) => [k, null])),
      }));
    if (rows.length) await call(request, teacher, 'put', sheetUrl, { requestId: crypto.randomUUID(), rows });
  }
});

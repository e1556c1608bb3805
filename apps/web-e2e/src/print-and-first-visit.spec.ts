import { expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { screenshot, signIn } from './session';

const TEACHER = 'giaovien.nhuquynh';
const OUTPUT = path.resolve(__dirname, '../../..', process.env['E2E_OUTPUT_DIR'] ?? 'tmp/e2e-results');

/** Every console error and every failed request (status 400 or more) of the page, from now on. */
function watchForFailures(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on(
    'response',
    (res) => res.status() >= 400 && errors.push(`${res.status()} ${res.request().method()} ${res.url()}`),
  );
  return { errors };
}

async function openClass(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-classes').click();
  await expect(page.getByTestId('class-row').first()).toBeVisible();
  await page
    .getByTestId('class-link')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .click();
  await expect(page.getByTestId('class-name')).toContainText(name);
}

/** The chrome a printed page must not carry, and the official pieces it must. */
async function expectOfficialPrint(page: Page, title: RegExp): Promise<void> {
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.side-nav')).toBeHidden();
  await expect(page.locator('.breadcrumb')).toBeHidden();
  await expect(page.getByTestId('print-heading')).toBeVisible();
  await expect(page.getByTestId('print-school')).toContainText('TRƯỜNG THCS NHƯ QUỲNH');
  await expect(page.getByTestId('print-governing-body')).not.toBeEmpty();
  await expect(page.getByTestId('print-title')).toHaveText(title);
  await expect(page.getByTestId('print-signatures')).toBeVisible();
  await expect(page.getByTestId('print-signatures')).toContainText('HIỆU TRƯỞNG');
}

/** The pupils' rows the grade grid has drawn (a row is split between the pinned and the scrolling columns). */
function drawnRows(page: Page): Promise<number> {
  return page
    .getByTestId('grade-grid')
    .evaluate(
      (grid) =>
        new Set(Array.from(grid.querySelectorAll('.ag-row[row-index]'), (r) => r.getAttribute('row-index'))).size,
    );
}

async function savePdf(page: Page, name: string): Promise<void> {
  const dir = path.join(OUTPUT, 'print');
  mkdirSync(dir, { recursive: true });
  const pdf = await page.pdf({
    path: path.join(dir, `${name}.pdf`),
    format: 'A4',
    landscape: true,
    printBackground: false,
  });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

test('a normal visit — the sign-in page, home, a list — makes no failing request and logs no console error', async ({
  page,
}) => {
  const { errors } = watchForFailures(page);
  await page.goto('/login');
  await expect(page.getByTestId('login-submit')).toBeVisible();
  // The sign-in page alone: no session probe that fails with 401.
  expect(errors).toEqual([]);
  await signIn(page, TEACHER);
  await expect(page.getByTestId('user-name')).toBeVisible();
  await page.getByTestId('nav-classes').click();
  await expect(page.getByTestId('class-row').first()).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('class-row').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('the class list and the grade sheet print as official papers: no app chrome, every pupil, issuer, title and signatures', async ({
  page,
}) => {
  await signIn(page, TEACHER);
  await openClass(page, '6A');
  const pupils = await page.getByTestId('roster-row').count();
  expect(pupils).toBeGreaterThan(20);

  await page.emulateMedia({ media: 'print' });
  await expectOfficialPrint(page, /^DANH SÁCH HỌC SINH LỚP 6A$/);
  await expect(page.getByTestId('class-summary')).toBeHidden();
  await expect(page.getByTestId('roster-row')).toHaveCount(pupils);
  await expect(page.getByTestId('roster-row').last()).toBeVisible();
  await savePdf(page, 'class-list-6A');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('print-heading')).toBeHidden();

  await page.getByTestId('nav-grades').click();
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-semester').selectOption('1');
  await page.getByTestId('grades-open-TOAN').click();
  await expect(page.getByTestId('grade-sheet-title')).toContainText('Toán');
  const grid = page.getByTestId('grade-grid');
  await expect(grid.locator('.ag-row[row-index="0"]').first()).toBeVisible();
  // On screen the grid draws the rows in view (and a few more), not the whole class.
  expect(await drawnRows(page)).toBeLessThan(pupils);

  await page.emulateMedia({ media: 'print' });
  await expectOfficialPrint(page, /^SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH — MÔN TOÁN — LỚP 6A — HỌC KÌ I — NĂM HỌC /);
  // On paper a plain table of every pupil replaces the grid (the browser paginates it, header row on each page).
  await expect(page.getByTestId('print-sheet-row')).toHaveCount(pupils);
  await expect(grid).toBeHidden();
  await expect(page.getByTestId('grade-export')).toBeHidden();
  await screenshot(page, 'print-grade-sheet');
  await savePdf(page, 'grade-sheet-6A-toan');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('grade-export')).toBeVisible();
  await expect(page.getByTestId('print-sheet-table')).toHaveCount(0);
});

test('the attendance month prints with the issuer lines, its title and the signature lines', async ({ page }) => {
  await signIn(page, TEACHER);
  await openClass(page, '6A');
  await page.getByTestId('class-month-link').click();
  await expect(page.getByTestId('attendance-month-table')).toBeVisible();
  const pupils = await page.getByTestId('attendance-month-row').count();
  await page.emulateMedia({ media: 'print' });
  await expectOfficialPrint(page, /^SỔ THEO DÕI CHUYÊN CẦN — LỚP 6A — THÁNG \d{2}\/\d{4}$/);
  await expect(page.getByTestId('attendance-month-row')).toHaveCount(pupils);
  await expect(page.getByTestId('attendance-month-input')).toBeHidden();
  await savePdf(page, 'attendance-month-6A');
  await page.emulateMedia({ media: 'screen' });
});

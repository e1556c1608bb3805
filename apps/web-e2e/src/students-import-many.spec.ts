import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { screenshot, signIn } from './session';

/**
 * A department officer imports one student list spanning many schools (docs/adr/province-scale-imports.md, decision 6):
 * the import page offers "Nhiều trường (cột Mã trường)", the template carries the school code column, and every error
 * is listed by row and column. The file used here fails on purpose, so the demo's schools are left as they were.
 */
test('a department officer chooses "many schools", gets the template with the school code, and sees each row error on its cell', async ({
  page,
}) => {
  await signIn(page, 'chuyenvien.so');
  await page.goto('/students');
  await page.getByTestId('students-import').click();
  const school = page.getByTestId('import-school');
  await expect(school).toHaveValue('many');
  await expect(school.locator('option:checked')).toHaveText('Nhiều trường (cột Mã trường)');
  await expect(page.getByTestId('import-many-hint')).toContainText('Mã trường');
  await expect(page.getByTestId('import-panel')).toBeVisible();
  await screenshot(page, 'students-import-many');

  const download = page.waitForEvent('download');
  await page.getByTestId('import-template').click();
  const template = await download;
  expect(template.suggestedFilename()).toBe('mau-nhap-hoc-sinh-nhieu-truong.xlsx');
  const templatePath = test.info().outputPath('template.xlsx');
  await template.saveAs(templatePath);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(templatePath);
  const headers = (book.worksheets[0].getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  expect(headers.slice(0, 3)).toEqual(['STT', 'Mã trường', 'Mã định danh']);

  // Two rows whose school codes cannot be used: no school has the first, the second is empty.
  const out = new ExcelJS.Workbook();
  const sheet = out.addWorksheet('Học sinh');
  sheet.addRow(headers);
  const row = (code: string, id: string, name: string) =>
    headers.map(
      (h) =>
        ({
          STT: 1,
          'Mã trường': code,
          'Mã định danh': id,
          'Họ và tên': name,
          'Ngày sinh (dd/mm/yyyy)': '05/09/2013',
          'Giới tính': 'Nam',
        })[h] ?? '',
    );
  sheet.addRow(row('KHONG-CO-TRUONG', '001213000777', 'Lê Văn Khải'));
  sheet.addRow(row('', '001213000778', 'Trịnh Minh Đức'));
  const file = test.info().outputPath('nhieu-truong.xlsx');
  await out.xlsx.writeFile(file);

  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-upload').click();
  await expect(page.getByTestId('import-failed')).toBeVisible();
  const first = page.locator('[data-testid="import-error-row"][data-row="2"]');
  await expect(first).toContainText('Mã trường');
  await expect(first).toContainText('Không có trường nào mang mã này');
  const second = page.locator('[data-testid="import-error-row"][data-row="3"]');
  await expect(second).toContainText('Bắt buộc nhập');
  await expect(page.getByTestId('import-error-row')).toHaveCount(2);
  await screenshot(page, 'students-import-many-errors');
});

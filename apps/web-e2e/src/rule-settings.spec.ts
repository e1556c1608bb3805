import { expect, Page, test } from '@playwright/test';
import { screenshot, signIn } from './session';

/**
 * The department's assessment rules of a school year (docs/domain/secondary-assessment-c22.md, "Province rule
 * settings"), on a planned year of the spec's own, so the demo's open year — and every other spec's results — keep
 * the defaults.
 */
const CODE = '2029-2030';

async function openRules(page: Page): Promise<void> {
  await page.getByTestId('nav-calendar').click();
  const row = page.locator(`[data-testid="year-row"][data-code="${CODE}"]`);
  await expect(row).toBeVisible();
  await row.getByTestId('year-rules').click();
  await expect(page.getByTestId('rules-title')).toContainText(CODE);
}

test('the department admin changes a year’s assessment rules, is told of a bad ceiling, saves and recomputes', async ({
  page,
}) => {
  await signIn(page, 'admin.so');
  await page.getByTestId('nav-calendar').click();
  await page.getByTestId('calendar-new-year').click();
  await page.getByTestId('year-code').fill(CODE);
  await page.getByTestId('year-startsOn').fill('01/09/2029');
  await page.getByTestId('year-endsOn').fill('31/05/2030');
  await page.getByTestId('year-semester1Start').fill('05/09/2029');
  await page.getByTestId('year-semester1End').fill('15/01/2030');
  await page.getByTestId('year-semester2Start').fill('20/01/2030');
  await page.getByTestId('year-semester2End').fill('25/05/2030');
  await page.getByTestId('year-save').click();
  await expect(page.locator(`[data-testid="year-row"][data-code="${CODE}"]`)).toContainText('Dự kiến');

  await openRules(page);
  // The defaults: Art. 9.3 applied, a missed assessment uncomputed, the charters' ceilings.
  await expect(page.getByTestId('rules-state')).toContainText('giá trị mặc định');
  await expect(page.getByTestId('rules-c22Adjustment')).toHaveValue('EXCEPT_ONE_SUBJECT');
  await expect(page.getByTestId('rules-missingAssessment')).toHaveValue('NOT_COMPUTED');
  await expect(page.getByTestId('rules-c58ForeignLanguage')).toBeChecked();
  await expect(page.getByTestId('rules-ceiling-1')).toHaveValue('35');
  await expect(page.getByTestId('rules-ceiling-10')).toHaveValue('45');
  await screenshot(page, 'rule-settings-defaults');

  await page.getByTestId('rules-c22Adjustment').selectOption('OFF');
  await page.getByTestId('rules-missingAssessment').selectOption('ZERO');
  await page.getByTestId('rules-ceiling-6').fill('0');
  await page.getByTestId('rules-save').click();
  await expect(page.getByTestId('rules-error')).toContainText('Sĩ số tối đa của khối 6 phải là số nguyên từ 1 đến 90');

  await page.getByTestId('rules-ceiling-6').fill('40');
  await page.getByTestId('rules-save').click();
  await expect(page.getByTestId('rules-saved')).toBeVisible();
  await expect(page.getByTestId('rules-state')).toContainText('Cập nhật lần cuối');

  await page.reload();
  await expect(page.getByTestId('rules-c22Adjustment')).toHaveValue('OFF');
  await expect(page.getByTestId('rules-missingAssessment')).toHaveValue('ZERO');
  await expect(page.getByTestId('rules-ceiling-6')).toHaveValue('40');

  // The year has no classes yet: the run walks no school and is done.
  await page.getByTestId('rules-recompute').click();
  await expect(page.getByTestId('rules-run')).toHaveAttribute('data-status', 'DONE');
  await expect(page.getByTestId('rules-run')).toContainText('0 / 0 trường');
  await screenshot(page, 'rule-settings-saved');
});

test('a school administrator reads the year’s rules and cannot change them', async ({ page }) => {
  await signIn(page, 'hieutruong.nhuquynh');
  await openRules(page);
  await expect(page.getByTestId('rules-read-only')).toBeVisible();
  await expect(page.getByTestId('rules-c22Adjustment')).toHaveValue('OFF');
  await expect(page.getByTestId('rules-c22Adjustment')).toBeDisabled();
  await expect(page.getByTestId('rules-save')).toHaveCount(0);
  await expect(page.getByTestId('rules-recompute')).toHaveCount(0);
});

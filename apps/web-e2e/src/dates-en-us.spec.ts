import { expect, test } from '@playwright/test';
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

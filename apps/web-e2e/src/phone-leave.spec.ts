import { expect, Page, test } from '@playwright/test';
import { signIn } from './session';

const TEACHER = 'giaovien.nhuquynh';

// A phone held upright (issue #16): 390×844, touch, the mobile viewport.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** Toán 6A, semester 1, on the phone, opened from the gradebook list (so Back stays in the app). */
async function openSheet(page: Page): Promise<void> {
  await page.goto('/grades');
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-semester').selectOption('1');
  await page.getByTestId('grades-open-TOAN').tap();
  await expect(page.getByTestId('phone-sheet')).toBeVisible();
  await page.getByTestId('phone-column').selectOption('TX3');
}

/**
 * Text typed on the phone with the focus still in the input, then Back (docs/domain/gradebook.md, "Entering scores on
 * a phone"): a valid score is committed and saved before the page goes; an invalid one makes the page ask. The cell is
 * put back at the end, so no other spec sees it.
 */
test('a score typed on a phone and not committed is saved by Back; an invalid one asks first', async ({ page }) => {
  await signIn(page, TEACHER);
  await openSheet(page);
  const input = page.getByTestId('phone-line').last().getByTestId('phone-input');
  const before = await input.inputValue();
  const typed = before === '6' ? '5' : '6';

  await input.tap();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(typed);
  await expect(input).toBeFocused();
  await page.goBack();
  await expect(page).not.toHaveURL(/\/TOAN/);
  await expect(page.getByTestId('leave-dialog')).not.toBeVisible();

  // Opened again, the sheet reads the score from the server.
  await page.goForward();
  await expect(page.getByTestId('phone-sheet')).toBeVisible();
  await page.getByTestId('phone-column').selectOption('TX3');
  await expect(input).toHaveValue(typed);

  // Not a score, still in the input: Back asks; staying keeps the text.
  await input.tap();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('abc');
  await page.goBack();
  await expect(page.getByTestId('leave-dialog')).toBeVisible();
  await expect(page.getByTestId('leave-dialog-invalid')).toBeVisible();
  await page.getByTestId('leave-dialog-stay').click();
  await expect(page).toHaveURL(/\/TOAN/);
  await expect(input).toHaveValue('abc');

  // Put back what the cell held.
  await input.fill(before);
  await input.press('Enter');
  await expect(page.getByTestId('grade-save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await page.getByTestId('phone-column').selectOption('TX3');
  await expect(input).toHaveValue(before);
});

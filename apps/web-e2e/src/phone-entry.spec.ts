import { expect, Locator, Page, test, TestInfo } from '@playwright/test';
import { screenshot, signIn } from './session';

const TEACHER = 'giaovien.nhuquynh';

// A phone held upright (issue #16): 390×844, touch, the mobile viewport.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await screenshot(page, name);
  await testInfo.attach(`${name}.png`, { body: await page.screenshot({ fullPage: false }), contentType: 'image/png' });
}

/** The page is never wider than the screen: whatever is wide scrolls inside its own frame. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

/** Name and input share the line: their boxes overlap vertically, so whose score it is is always in view. */
async function expectSameLine(a: Locator, b: Locator): Promise<void> {
  const [boxA, boxB] = [await a.boundingBox(), await b.boundingBox()];
  expect(boxA && boxB).toBeTruthy();
  if (!boxA || !boxB) return;
  expect(boxA.y < boxB.y + boxB.height && boxB.y < boxA.y + boxA.height).toBe(true);
}

test('a teacher enters three scores on a phone: one tap edits, the numeric keypad, Enter moves on, they are saved', async ({
  page,
}, testInfo) => {
  await signIn(page, TEACHER);
  await page.goto('/grades');
  await page.getByTestId('grades-class').selectOption({ label: '6A' });
  await page.getByTestId('grades-semester').selectOption('1');
  await page.getByTestId('grades-open-TOAN').tap();
  await expect(page.getByTestId('grade-sheet-title')).toContainText('Toán');
  await expect(page.getByTestId('phone-sheet')).toBeVisible();
  await expect(page.getByTestId('grade-grid')).toHaveCount(0);
  const classId = /\/grades\/([^/]+)\/1\/TOAN/.exec(page.url())?.[1] ?? '';
  expect(classId).not.toBe('');

  // The last regular assessment, for the last three pupils of the class (the desktop spec uses the first rows).
  await page.getByTestId('phone-column').selectOption('TX4');
  const lines = page.getByTestId('phone-line');
  const count = await lines.count();
  expect(count).toBeGreaterThan(3);
  const targets = [count - 3, count - 2, count - 1];
  const inputs = targets.map((i) => lines.nth(i).getByTestId('phone-input'));
  const before = await Promise.all(inputs.map((input) => input.inputValue()));

  const first = inputs[0];
  await expect(first).toHaveAttribute('inputmode', 'decimal');
  await expect(first).toHaveAttribute('enterkeyhint', 'next');
  const box = await first.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await first.tap();
  await expect(first).toBeFocused();
  const typed = ['8,5', '7', '9'];
  for (const [i, value] of typed.entries()) {
    await expect(inputs[i]).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('grade-save-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('grade-save-status')).toContainText('Đã lưu');

  // Scrolled to the end of the class, each score still sits beside its pupil's name, and the page does not scroll sideways.
  await lines.nth(count - 1).scrollIntoViewIfNeeded();
  for (const i of targets) {
    await expect(lines.nth(i).getByTestId('phone-name')).toBeInViewport();
    await expectSameLine(lines.nth(i).getByTestId('phone-name'), lines.nth(i).getByTestId('phone-input'));
  }
  await expect(page.getByTestId('phone-column')).toBeInViewport();
  await expectNoSidewaysScroll(page);
  await shoot(page, testInfo, 'phone-sheet');

  await page.reload();
  await page.getByTestId('phone-column').selectOption('TX4');
  for (const [i, value] of typed.entries()) await expect(inputs[i]).toHaveValue(value);

  // Put back what the cells held, so no other spec sees this one's scores.
  for (const [i, value] of before.entries()) {
    await inputs[i].fill(value);
    await inputs[i].press('Enter');
  }
  await expect(page.getByTestId('grade-save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await page.getByTestId('phone-column').selectOption('TX4');
  for (const [i, value] of before.entries()) await expect(inputs[i]).toHaveValue(value);

  // Attendance and conduct at 390 px: no sideways scroll of the page, the name beside the choices.
  await page.goto(`/classes/${classId}/attendance`);
  const attendance = page.getByTestId('attendance-row').first();
  await expect(attendance).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expect(attendance.locator('th')).toBeInViewport();
  const option = attendance.getByTestId('attendance-radio-PRESENT').locator('..');
  expect((await option.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await shoot(page, testInfo, 'phone-attendance');

  await page.goto(`/grades/${classId}/conduct/1`);
  await expect(page.getByTestId('conduct-row').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shoot(page, testInfo, 'phone-conduct');

  // Results: the wide table scrolls inside its frame with the name pinned; Circular 22 has no ĐTB các môn.
  await page.goto(`/grades/${classId}/results`);
  await expect(page.getByTestId('results-row').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expect(page.getByTestId('results-overall')).toHaveCount(0);
  await expect(page.getByTestId('results-count').first()).toContainText('%');
  const frame = page.locator('.table-wrap').filter({ has: page.getByTestId('results-table') });
  await frame.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    el.scrollLeft = el.scrollWidth;
  });
  expect(await frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expect(page.getByTestId('results-row').first().locator('th')).toBeInViewport();
  await shoot(page, testInfo, 'phone-results');
});

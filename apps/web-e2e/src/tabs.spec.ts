import { BrowserContext, expect, Page, test } from '@playwright/test';
import { signIn } from './session';

const USER = 'giaovien.nhuquynh';

/** Every POST /api/auth/refresh the browser sends, counted as the server sees them (answered or not). */
function countRefreshes(context: BrowserContext): { sent: number } {
  const seen = { sent: 0 };
  context.on('request', (request) => {
    if (request.url().endsWith('/api/auth/refresh') && request.method() === 'POST') seen.sent += 1;
  });
  return seen;
}

type Menu = 'nav-grades' | 'nav-classes';

/** The access token the tab sends with its next API call, prompted by opening a page from the menu. */
async function tokenSentBy(page: Page, menu: Menu): Promise<string> {
  const call = page.waitForRequest((r) => r.url().includes('/api/') && !!r.headers()['authorization']);
  await page.getByTestId(menu).click();
  return ((await call).headers()['authorization'] ?? '').replace(/^Bearer /, '');
}

test('three tabs restored together and refreshing together stay signed in, with one refresh per cycle', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, USER);
  await first.close();
  const refreshes = countRefreshes(context);

  // A restored session: three tabs created at once, none holding an access token yet (it lives only in memory).
  const pages = await Promise.all([0, 1, 2].map(() => context.newPage()));
  for (const page of pages) await page.clock.install();
  await Promise.all(pages.map((page) => page.goto('/')));
  for (const page of pages) await expect(page.getByTestId('user-menu')).toBeVisible();
  expect(refreshes.sent).toBe(1);
  // One refresh, one token: every tab sends the same one.
  const restored = await tokenSentBy(pages[0], 'nav-grades');
  for (const page of pages.slice(1)) expect(await tokenSentBy(page, 'nav-grades')).toBe(restored);

  // A cycle: every tab's clock reaches the refresh time together (the token lives 15 minutes; each tab refreshes 13:30
  // to 14:30 after it got its token). First to 13:00, where no tab is due, then on to 14:30, where all are: a tab that
  // took the new token meanwhile is due again only 13:30 later, so this second step cannot wake it twice.
  await Promise.all(pages.map((page) => page.clock.fastForward('13:00')));
  await Promise.all(pages.map((page) => page.clock.fastForward('01:30')));
  await expect.poll(() => refreshes.sent).toBe(2);
  // Each tab sends a new token, the same in all three: they took it from the tab that refreshed.
  const renewed: string[] = [];
  for (const page of pages) {
    let menu: Menu = 'nav-grades';
    await expect
      .poll(() => tokenSentBy(page, (menu = menu === 'nav-grades' ? 'nav-classes' : 'nav-grades')))
      .not.toBe(restored);
    renewed.push(await tokenSentBy(page, menu === 'nav-grades' ? 'nav-classes' : 'nav-grades'));
    await expect(page.getByTestId('user-menu')).toBeVisible();
    await expect(page).not.toHaveURL(/\/login/);
  }
  expect(new Set(renewed).size).toBe(1);
  expect(refreshes.sent).toBe(2);
  await context.close();
});

import { BrowserContext, expect, Page, test } from '@playwright/test';
import { signIn } from './session';

const USER = 'giaovien.nhuquynh';

/** Every POST /api/auth/refresh the browser sends, with the access token each answer carried. */
function countRefreshes(context: BrowserContext): { tokens: string[] } {
  const seen = { tokens: [] as string[] };
  context.on('response', async (response) => {
    if (!response.url().endsWith('/api/auth/refresh') || response.request().method() !== 'POST') return;
    const body = (await response.json().catch(() => ({}))) as { accessToken?: string };
    seen.tokens.push(body.accessToken ?? `refused ${response.status()}`);
  });
  return seen;
}

/** The access token the tab sends with its next API call, prompted by opening a page from the menu. */
async function tokenSentBy(page: Page, menu: 'nav-grades' | 'nav-classes'): Promise<string> {
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
  expect(refreshes.tokens).toHaveLength(1);
  const restored = refreshes.tokens[0];
  for (const page of pages) expect(await tokenSentBy(page, 'nav-grades')).toBe(restored);

  // A cycle: every tab's clock reaches the refresh time together (the token lives 15 minutes; each tab refreshes 13:30
  // to 14:30 after it got its token). First to 13:00, where no tab is due, then on to 14:30, where all are: a tab that
  // took the new token meanwhile is due again only 13:30 later, so this second step cannot wake it twice.
  await Promise.all(pages.map((page) => page.clock.fastForward('13:00')));
  await Promise.all(pages.map((page) => page.clock.fastForward('01:30')));
  await expect.poll(() => refreshes.tokens.length).toBe(2);
  const renewed = refreshes.tokens[1];
  expect(renewed).not.toBe(restored);
  // Each tab sends the one new token: they took it from the tab that refreshed instead of refreshing themselves.
  for (const page of pages) {
    let menu: 'nav-grades' | 'nav-classes' = 'nav-grades';
    await expect
      .poll(() => tokenSentBy(page, (menu = menu === 'nav-grades' ? 'nav-classes' : 'nav-grades')))
      .toBe(renewed);
    await expect(page.getByTestId('user-menu')).toBeVisible();
    await expect(page).not.toHaveURL(/\/login/);
  }
  expect(refreshes.tokens).toHaveLength(2);
  await context.close();
});

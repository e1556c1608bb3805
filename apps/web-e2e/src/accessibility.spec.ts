import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { signIn } from './session';

/**
 * Accessibility as a test (docs/conventions.md, "Accessibility"): axe-core checks the main pages of every demo role
 * against WCAG 2.1 A and AA, with the label-in-name rule (WCAG 2.5.3) switched on, and the test fails on any
 * serious or critical violation. The page list is kept short so the step stays quick; it only reads.
 */
type Visit = { name: string; open: (page: Page) => Promise<void> };

const go =
  (url: string, ready: string): Visit['open'] =>
  async (page) => {
    await page.goto(url);
    await expect(page.getByTestId(ready).first()).toBeVisible();
  };

const ROLES: { username: string; visits: Visit[] }[] = [
  {
    username: 'chuyenvien.so',
    visits: [
      { name: 'dashboard', open: go('/', 'dashboard-greeting') },
      { name: 'schools', open: go('/schools', 'user-menu') },
    ],
  },
  { username: 'chuyenvien.vanlam', visits: [{ name: 'dashboard', open: go('/', 'dashboard-greeting') }] },
  {
    username: 'hieutruong.nhuquynh',
    visits: [
      { name: 'students', open: go('/students', 'user-menu') },
      { name: 'staff', open: go('/staff', 'user-menu') },
      {
        name: 'class results',
        open: async (page) => {
          await page.goto('/grades');
          await page.getByTestId('grades-class').selectOption({ label: '6A' });
          await page.getByTestId('grades-results-link').click();
          await expect(page.getByTestId('results-row').first()).toBeVisible();
        },
      },
      { name: 'audit log', open: go('/audit', 'user-menu') },
    ],
  },
  { username: 'hieutruong.lachong', visits: [{ name: 'classes', open: go('/classes', 'user-menu') }] },
  { username: 'ketoan.nhuquynh', visits: [{ name: 'finance', open: go('/finance', 'user-menu') }] },
  {
    username: 'giaovien.nhuquynh',
    visits: [
      { name: 'dashboard', open: go('/', 'dashboard-greeting') },
      { name: 'classes', open: go('/classes', 'user-menu') },
    ],
  },
];

for (const role of ROLES) {
  test(`${role.username}: the main pages have no serious or critical axe violation`, async ({ page }) => {
    await signIn(page, role.username);
    const found: string[] = [];
    for (const visit of role.visits) {
      await visit.open(page);
      await page.waitForLoadState('networkidle');
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
        .analyze();
      for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
        found.push(`${visit.name}: ${v.id} (${v.impact}) — ${v.help} — ${targets.join(' | ')}`);
      }
    }
    expect(found).toEqual([]);
  });
}

import { expect, test } from '@playwright/test';
import { REFUSAL_BURST } from '@emis/domain';
import { DEMO_PASSWORD, screenshot, signIn } from './session';

/**
 * A teacher's account walks routes of another role (the pattern of a stolen account trying its luck): every refusal is
 * a security event, the burst an alert. The department administrator sees the open alert on the home page, finds it
 * on the security events page with the filters, and acknowledges it.
 */
test('the department administrator sees a burst of refusals as an alert and acknowledges it', async ({
  page,
  request,
}) => {
  const login = await request.post('/api/auth/login', {
    data: { username: 'giaovien.nhuquynh', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  for (let i = 0; i < REFUSAL_BURST.threshold; i++) {
    const refused = await request.get('/api/audit', { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(refused.status()).toBe(403);
  }

  await signIn(page, 'admin.so');
  const openAlerts = page.getByTestId('security-open-alerts');
  await expect(openAlerts).toBeVisible();
  const before = Number(await openAlerts.getAttribute('data-count'));
  expect(before).toBeGreaterThanOrEqual(1);

  await page.getByTestId('nav-security').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sự kiện bảo mật');
  await page.getByTestId('security-kind').selectOption('REFUSAL_BURST');
  await page.getByTestId('security-open-only').check();
  const burst = page.getByTestId('security-row').filter({ hasText: 'Bị từ chối liên tiếp nhiều lần' }).first();
  await expect(burst).toBeVisible();
  await expect(burst.getByTestId('security-alert-badge')).toHaveText('Cảnh báo');
  await screenshot(page, 'security-events-open-alert');

  // One user's events: the burst and the refusals that made it.
  await burst.getByTestId('security-user').click();
  await expect(page.getByTestId('security-user-filter')).toBeVisible();
  await page.getByTestId('security-clear').click();
  await page.getByTestId('security-kind').selectOption('PERMISSION_REFUSED');
  await expect(page.getByTestId('security-row').first()).toContainText('GET /api/audit');

  await page.getByTestId('security-kind').selectOption('REFUSAL_BURST');
  await page.getByTestId('security-alerts-only').check();
  await page.getByTestId('security-open-only').check();
  const rows = page.getByTestId('security-row');
  const openCount = await rows.count();
  await rows.first().getByTestId('security-acknowledge').click();
  await expect(rows).toHaveCount(openCount - 1);

  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('security-open-alerts')).toHaveAttribute('data-count', String(before - 1));
});

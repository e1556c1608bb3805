import { APIRequestContext, Browser, expect, Page } from '@playwright/test';
import { authenticator } from 'otplib';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export const DEMO_PASSWORD = 'Emis@2026';
const OUTPUT = path.resolve(__dirname, '../../..', process.env['E2E_OUTPUT_DIR'] ?? 'tmp/e2e-results');
const SECRETS = path.join(OUTPUT, 'totp-secrets.json');
const PASSWORDS = path.join(OUTPUT, 'passwords.json');
const STEPS = path.join(OUTPUT, 'totp-steps.json');
const SHOTS = path.join(OUTPUT, 'screenshots');

/** A small per-run store; Playwright empties its output folder at the start of every run, like the database. */
function readStore(file: string): Record<string, string> {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

function writeStore(file: string, key: string, value: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...readStore(file), [key]: value }));
}

/** Authenticator secrets the administrators enrolled during this run, as a phone app would keep them. */
function secrets(): Record<string, string> {
  return readStore(SECRETS);
}

function remember(username: string, secret: string): void {
  writeStore(SECRETS, username, secret);
}

/** The user's password in this run: the demo one, unless a test changed it. */
export function passwordOf(username: string): string {
  return readStore(PASSWORDS)[username] ?? DEMO_PASSWORD;
}

/** Records a password a test changed, so later sign-ins of that user (in any spec file) still work. */
export function rememberPassword(username: string, password: string): void {
  writeStore(PASSWORDS, username, password);
}

/**
 * A code of a time step not yet used for this user: the API accepts each step once (docs/domain/sign-in.md), and its
 * one-step window accepts the next step's code at once, so this waits only when that one is taken too.
 */
async function freshCode(username: string, secret: string): Promise<string> {
  const stepMs = authenticator.allOptions().step * 1000;
  const current = Math.floor(Date.now() / stepMs);
  const step = Math.max(current, Number(readStore(STEPS)[username] ?? current - 1) + 1);
  if (step > current + 1) await new Promise((r) => setTimeout(r, (step - 1) * stepMs - Date.now() + 200));
  writeStore(STEPS, username, String(step));
  return authenticator.clone({ epoch: step * stepMs }).generate(secret);
}

/** Signs in through the login page, answering the authenticator step (enrolling on first sign-in) like a user. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(passwordOf(username));
  await page.getByTestId('login-submit').click();
  const landed = page.getByTestId('user-menu');
  const code = page.getByTestId('mfa-code');
  await expect(landed.or(code)).toBeVisible();
  if (await code.isVisible()) {
    const secretText = page.getByTestId('mfa-secret');
    let secret = secrets()[username];
    if (await secretText.isVisible()) {
      await expect(page.getByTestId('mfa-qr')).toBeVisible();
      secret = ((await secretText.textContent()) ?? '').replace(/\s+/g, '');
      remember(username, secret);
    }
    if (!secret) throw new Error(`No authenticator secret known for ${username}`);
    await code.fill(await freshCode(username, secret));
    await page.getByTestId('mfa-submit').click();
    await keepRecoveryCodesIfShown(page, username);
  }
  await expect(landed).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Recovery codes shown to users during this run, as they would have kept them: username → codes. */
const RECOVERY_CODES = path.join(OUTPUT, 'recovery-codes.json');

/** The recovery codes kept for a user at their last enrolment (or renewal) in this run, less those taken since. */
export function recoveryCodesOf(username: string): string[] {
  return (readStore(RECOVERY_CODES)[username] ?? '').split(' ').filter(Boolean);
}

/** One kept recovery code, crossed off the user's sheet: each opens one sign-in. */
export function takeRecoveryCode(username: string): string {
  const [code, ...rest] = recoveryCodesOf(username);
  if (!code) throw new Error(`No recovery code kept for ${username}`);
  writeStore(RECOVERY_CODES, username, rest.join(' '));
  return code;
}

/**
 * An access token to call the API directly, as the user signed in with the password and, if asked, a kept recovery
 * code (so the authenticator's time steps stay free for the page's sign-ins).
 */
export async function apiAccessToken(request: APIRequestContext, username: string): Promise<string> {
  const login = await request.post('/api/auth/login', { data: { username, password: passwordOf(username) } });
  expect(login.status()).toBe(200);
  const step = (await login.json()) as { status: string; accessToken?: string; mfaToken?: string };
  if (step.accessToken) return step.accessToken;
  expect(step.status).toBe('mfa_required');
  const verified = await request.post('/api/auth/mfa/verify', {
    data: { mfaToken: step.mfaToken, recoveryCode: takeRecoveryCode(username) },
  });
  expect(verified.status()).toBe(200);
  return ((await verified.json()) as { accessToken: string }).accessToken;
}

/** The recovery codes on the screen (shown once), kept like a user would, then "I have kept them" and continue. */
export async function keepRecoveryCodes(page: Page, username: string): Promise<string[]> {
  await expect(page.getByTestId('recovery-codes')).toBeVisible();
  const kept = (await page.getByTestId('recovery-code-item').allTextContents()).map((code) => code.trim());
  writeStore(RECOVERY_CODES, username, kept.join(' '));
  await page.getByTestId('recovery-codes-kept').check();
  await page.getByTestId('recovery-codes-continue').click();
  return kept;
}

/** After an enrolment at sign-in the recovery codes come before the home page; nothing to do otherwise. */
export async function keepRecoveryCodesIfShown(page: Page, username: string): Promise<void> {
  const codes = page.getByTestId('recovery-codes');
  await expect(page.getByTestId('user-menu').or(codes)).toBeVisible();
  if (await codes.isVisible()) await keepRecoveryCodes(page, username);
}

/** The password the new staff choose at their first sign-in: long, and made of no piece of anyone's name. */
export const NEW_PASSWORD = 'Cây bàng lá đỏ 2026';

export interface Credential {
  username: string;
  password: string;
}

/**
 * A new user's first sign-in, in a browser of their own: the one-time password, then a password of their own (the
 * sign-in asks for it before anything else), then — when their role requires a second factor — the authenticator's
 * enrolment and the recovery codes, like the user would do on their phone.
 */
export async function firstSignIn(browser: Browser, { username, password }: Credential, shot: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();

  await expect(page.getByTestId('password-form')).toBeVisible();
  await expect(page.getByTestId('password-current')).toHaveCount(0);
  await screenshot(page, `${shot}-first-password`);
  await page.getByTestId('password-new').fill(NEW_PASSWORD);
  await page.getByTestId('password-confirm').fill(NEW_PASSWORD);
  await page.getByTestId('password-submit').click();
  rememberPassword(username, NEW_PASSWORD);

  const landed = page.getByTestId('user-menu');
  const code = page.getByTestId('mfa-code');
  await expect(landed.or(code)).toBeVisible();
  if (await code.isVisible()) {
    await expect(page.getByTestId('mfa-qr')).toBeVisible();
    await screenshot(page, `${shot}-mfa-enrolment`);
    const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
    await code.fill(authenticator.generate(secret));
    await page.getByTestId('mfa-submit').click();
    await keepRecoveryCodes(page, username);
  }
  await expect(landed).toBeVisible();
  return page;
}

/**
 * The body of the next answer to `url`, read as it passes: the API answers `Cache-Control: no-store`
 * (docs/security/edge.md), so the browser keeps no body of a file it opened in another tab to give back afterwards.
 */
export function passingBody(page: Page, url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    void page.route(
      url,
      async (route) => {
        try {
          const answer = await route.fetch();
          const body = await answer.body();
          await route.fulfill({ response: answer, body });
          resolve(body);
        } catch (error) {
          reject(error);
        }
      },
      { times: 1 },
    );
  });
}

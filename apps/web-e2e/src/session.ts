import { expect, Page } from '@playwright/test';
import { authenticator } from 'otplib';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export const DEMO_PASSWORD = 'Emis@2026';
const OUTPUT = path.resolve(__dirname, '../../..', process.env['E2E_OUTPUT_DIR'] ?? 'tmp/e2e-results');
const SECRETS = path.join(OUTPUT, 'totp-secrets.json');
const PASSWORDS = path.join(OUTPUT, 'passwords.json');
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

/** A fresh code, waiting for the next 30-second step if the last one was already used for this user. */
async function freshCode(secret: string): Promise<string> {
  const remaining = authenticator.timeRemaining();
  if (remaining < 3) await new Promise((r) => setTimeout(r, (remaining + 1) * 1000));
  return authenticator.generate(secret);
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
    await code.fill(await freshCode(secret));
    await page.getByTestId('mfa-submit').click();
  }
  await expect(landed).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

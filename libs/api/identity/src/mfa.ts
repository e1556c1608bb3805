import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';

/** RFC 6238 TOTP, 30-second steps, one step of clock drift tolerated either way. */
authenticator.options = { window: 1 };

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function otpauthUrl(username: string, secret: string): string {
  return authenticator.keyuri(username, 'Emis', secret);
}

export function verifyTotp(code: string, secret: string): boolean {
  return /^\d{6}$/.test(code) && authenticator.check(code, secret);
}

/** TOTP secrets are kept encrypted (AES-256-GCM) so a database dump alone does not yield second factors. */
export class SecretBox {
  private readonly key: Buffer;

  constructor(keyMaterial: string) {
    this.key = createHash('sha256').update(`emis-mfa:${keyMaterial}`).digest();
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(
      '.',
    );
  }

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1') throw new Error('Unknown secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/**
 * The time step a valid code belongs to (the current one, or one either side), or null when the code is wrong. A step
 * is accepted once per user (app_user.totp_last_step; docs/domain/sign-in.md, "Second factor").
 */
export function totpStep(code: string, secret: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const at = authenticator.clone({ epoch: now });
  const delta = at.checkDelta(code, secret);
  return delta === null ? null : Math.floor(now / 1000 / at.allOptions().step) + delta;
}

import { authenticator } from 'otplib';
import { newTotpSecret, SecretBox, verifyTotp } from './mfa';

describe('TOTP second factor', () => {
  it('accepts the current code and rejects others', () => {
    const secret = newTotpSecret();
    expect(verifyTotp(authenticator.generate(secret), secret)).toBe(true);
    expect(verifyTotp('12345', secret)).toBe(false);
    expect(verifyTotp(authenticator.generate(newTotpSecret()), secret)).toBe(false);
  });

  it('seals secrets so that they round-trip with the key and fail with another key or after tampering', () => {
    const box = new SecretBox('k'.repeat(40));
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => new SecretBox('x'.repeat(40)).open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });
});

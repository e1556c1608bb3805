import { authenticator } from 'otplib';

/** The authenticator secret the integration setup gives the seeded administrators. */
export const ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export function totp(secret: string = ADMIN_TOTP_SECRET): string {
  return authenticator.generate(secret);
}

import { MfaCodeRequest } from '@emis/contracts';

/** The second factor a user gives: a code from the authenticator app, or one of their one-time recovery codes. */
export type SecondFactor = Required<Pick<MfaCodeRequest, 'code'>> | Required<Pick<MfaCodeRequest, 'recoveryCode'>>;

/** Six digits, changing every 30 seconds (RFC 6238 as authenticator apps implement it). */
export const TOTP_CODE_PATTERN = /^\d{6}$/;

/**
 * What a user typed where either factor is accepted (the account page's "current code"): six digits are an
 * authenticator code; anything else is taken as a recovery code, with the spaces a copy from paper adds removed.
 */
export function secondFactorFrom(typed: string): SecondFactor {
  const compact = typed.replace(/\s+/g, '');
  return TOTP_CODE_PATTERN.test(compact) ? { code: compact } : { recoveryCode: compact };
}

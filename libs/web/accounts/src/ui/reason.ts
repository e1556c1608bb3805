import { ACCOUNT_REASON_MAX_LENGTH, ACCOUNT_REASON_MIN_LENGTH } from '@emis/domain';

/**
 * Every administrator's action on an account carries a reason for the audit trail (docs/domain/accounts.md): the
 * dialog holds it to the API's bounds before sending.
 */
export const REASON_MIN = ACCOUNT_REASON_MIN_LENGTH;
export const REASON_MAX = ACCOUNT_REASON_MAX_LENGTH;

export type ReasonProblem = 'required' | 'tooShort' | 'tooLong';

/** What is wrong with a reason as typed, or null when the API will take it (spaces around it do not count). */
export function reasonProblem(text: string): ReasonProblem | null {
  const reason = text.trim();
  if (reason.length === 0) return 'required';
  if (reason.length < REASON_MIN) return 'tooShort';
  if (reason.length > REASON_MAX) return 'tooLong';
  return null;
}

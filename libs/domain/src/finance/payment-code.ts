/**
 * The payment code a family writes in the description of a bank transfer, so that the school's statement matches
 * the transfer to the pupil (docs/domain/finance.md, "Payment codes"): "HP" (học phí) followed by the pupil's code —
 * their 12-digit personal identification number. Deterministic: the same pupil always has the same code, at every
 * period and in every year, so a family can keep it saved in their banking app. No space inside: banks often drop
 * or double spaces in a description, and the matching ignores them anyway.
 */
export const PAYMENT_CODE_PREFIX = 'HP';

export function paymentCodeOf(pupilCode: string): string {
  return `${PAYMENT_CODE_PREFIX}${pupilCode}`;
}

/**
 * The pupil codes a bank description carries as payment codes: "HP" then 12 digits, letter case, spaces, dots and
 * dashes between them ignored (banking apps reformat what was typed: "hp 0342 1300 1234").
 */
export function pupilCodesIn(description: string): string[] {
  const squeezed = description.toUpperCase().replace(/[\s.\-_]/g, '');
  return [...squeezed.matchAll(/HP(\d{12})(?!\d)/g)].map((m) => m[1]);
}

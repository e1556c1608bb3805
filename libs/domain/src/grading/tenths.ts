/**
 * Scores and averages are held as whole numbers of tenths (7.5 → 75) inside every grading rule: the circulars round
 * half-up to one decimal, and binary floating point gets that wrong (51.6 / 8 = 6.45 must become 6.5, and
 * 6.45 as a double is 6.4499…). Scores cross the API as JS numbers with at most one decimal.
 */
export type Tenths = number;

export function toTenths(score: number): Tenths {
  return Math.round(score * 10);
}

export function fromTenths(tenths: Tenths): number {
  return tenths / 10;
}

/** `numerator / denominator` rounded half-up, in integers only (both non-negative, denominator > 0). */
export function divideHalfUp(numerator: number, denominator: number): number {
  const doubled = 2 * numerator + denominator;
  const divisor = 2 * denominator;
  return (doubled - (doubled % divisor)) / divisor;
}

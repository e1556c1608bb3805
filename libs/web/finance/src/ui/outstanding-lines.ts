import { Charge, FeePeriod } from '@emis/contracts';

/** A charge a pupil still owes, with its period's code for the eye and its start for the order. */
export interface OutstandingLine {
  chargeId: string;
  periodCode: string;
  periodStartsOn: string;
  feeName: string;
  outstanding: number;
}

/**
 * The charges still owed, oldest period first (then by fee name): the order in which the school settles a payment
 * that names no charge (the payments API's rule, docs/domain/finance.md), so the screen shows the same split.
 * A charge of a period not in the list (another year's) sorts first: it is older than any period of this year.
 */
export function outstandingLines(charges: readonly Charge[], periods: readonly FeePeriod[]): OutstandingLine[] {
  const byId = new Map(periods.map((period) => [period.id, period]));
  return charges
    .filter((charge) => charge.outstanding > 0)
    .map((charge) => ({
      chargeId: charge.id,
      periodCode: byId.get(charge.periodId)?.code ?? '',
      periodStartsOn: byId.get(charge.periodId)?.startsOn ?? '',
      feeName: charge.feeName,
      outstanding: charge.outstanding,
    }))
    .sort((a, b) => a.periodStartsOn.localeCompare(b.periodStartsOn) || a.feeName.localeCompare(b.feeName, 'vi'));
}

/** Whole đồng, so the sum is exact. */
export function totalOutstanding(lines: readonly OutstandingLine[]): number {
  return lines.reduce((sum, line) => sum + line.outstanding, 0);
}

/**
 * How an amount settles the given lines, in their order, each up to what it owes; what is left over is not
 * allocated (the API refuses an over-payment, so the form never sends one).
 */
export function allocateInOrder(
  lines: readonly OutstandingLine[],
  amount: number,
): { allocations: { chargeId: string; amount: number }[]; unallocated: number } {
  let left = amount;
  const allocations: { chargeId: string; amount: number }[] = [];
  for (const line of lines) {
    if (left <= 0) break;
    const part = Math.min(left, line.outstanding);
    allocations.push({ chargeId: line.chargeId, amount: part });
    left -= part;
  }
  return { allocations, unallocated: left };
}

/**
 * How money received settles what a pupil owes, and how money paid back unsettles it (docs/domain/finance.md,
 * "Payments"). Every đồng of a payment goes to a charge: a school keeps no unallocated money on a pupil's account,
 * so a payment larger than what is outstanding is refused rather than held as a credit.
 */

/** A charge the pupil still owes on, in the order it is settled: the oldest period first. */
export interface OpenCharge {
  chargeId: string;
  /** due + adjustments − paid, in đồng; > 0. */
  outstanding: number;
}

/** What one payment (> 0) or refund (< 0) puts on one charge. */
export interface Allocation {
  chargeId: string;
  amount: number;
}

export type AllocationRefusal =
  /** More than the pupil owes in total. */
  | { reason: 'OVERPAYMENT'; outstanding: number }
  /** A chosen charge is not one the pupil owes on (another pupil's, settled, or named twice). */
  | { reason: 'CHARGE_NOT_OPEN'; chargeId: string }
  /** More on a chosen charge than is outstanding on it. */
  | { reason: 'CHARGE_OVERPAID'; chargeId: string; outstanding: number }
  /** The chosen amounts do not add up to the payment. */
  | { reason: 'ALLOCATION_SUM'; allocated: number };

export type AllocationResult = { allocations: Allocation[] } | { refused: AllocationRefusal };

/**
 * Settles `amount` on the pupil's open charges: the ones the cashier chose (each at most its outstanding, adding up
 * to the amount), or, when none are chosen, the oldest first — each charge in full before the next, the last one
 * partly (a part payment).
 */
export function allocatePayment(
  amount: number,
  open: readonly OpenCharge[],
  chosen?: readonly Allocation[],
): AllocationResult {
  const outstanding = open.reduce((sum, c) => sum + c.outstanding, 0);
  if (amount > outstanding) return { refused: { reason: 'OVERPAYMENT', outstanding } };
  return chosen && chosen.length > 0 ? checkChosen(amount, open, chosen) : { allocations: oldestFirst(amount, open) };
}

function oldestFirst(amount: number, open: readonly OpenCharge[]): Allocation[] {
  const allocations: Allocation[] = [];
  let left = amount;
  for (const charge of open) {
    if (left === 0) break;
    const part = Math.min(left, charge.outstanding);
    allocations.push({ chargeId: charge.chargeId, amount: part });
    left -= part;
  }
  return allocations;
}

function checkChosen(amount: number, open: readonly OpenCharge[], chosen: readonly Allocation[]): AllocationResult {
  const remaining = new Map(open.map((c) => [c.chargeId, c.outstanding]));
  for (const a of chosen) {
    const outstanding = remaining.get(a.chargeId);
    if (outstanding === undefined) return { refused: { reason: 'CHARGE_NOT_OPEN', chargeId: a.chargeId } };
    if (a.amount > outstanding) return { refused: { reason: 'CHARGE_OVERPAID', chargeId: a.chargeId, outstanding } };
    remaining.delete(a.chargeId);
  }
  const allocated = chosen.reduce((sum, a) => sum + a.amount, 0);
  if (allocated !== amount) return { refused: { reason: 'ALLOCATION_SUM', allocated } };
  return { allocations: chosen.map((a) => ({ chargeId: a.chargeId, amount: a.amount })) };
}

/** A charge a payment settled, as a refund of that payment sees it. */
export interface SettledCharge {
  chargeId: string;
  /** What the payment still has on this charge, after its earlier refunds; > 0. */
  paid: number;
  /** The charge's outstanding now: < 0 when a waiver or correction came after it was paid (the family's credit). */
  outstanding: number;
}

export type RefundResult = { allocations: Allocation[] } | { refused: { reason: 'OVERREFUND'; refundable: number } };

/**
 * Takes a refund (a positive `amount` paid back) off the charges its payment settled, as negative allocations:
 * first what a charge holds beyond what is owed on it (a credit left by a later waiver or correction), then the rest
 * from the charges settled last, so the oldest debts stay paid. At most what the payment still has on its charges.
 */
export function allocateRefund(amount: number, settled: readonly SettledCharge[]): RefundResult {
  const refundable = settled.reduce((sum, c) => sum + c.paid, 0);
  if (amount > refundable) return { refused: { reason: 'OVERREFUND', refundable } };
  const taken = new Map<string, number>();
  let left = amount;
  const take = (c: SettledCharge, most: number) => {
    const part = Math.min(left, most - (taken.get(c.chargeId) ?? 0));
    if (part <= 0) return;
    taken.set(c.chargeId, (taken.get(c.chargeId) ?? 0) + part);
    left -= part;
  };
  for (const c of settled) if (c.outstanding < 0) take(c, Math.min(c.paid, -c.outstanding));
  for (const c of [...settled].reverse()) take(c, c.paid);
  return {
    allocations: settled
      .filter((c) => taken.has(c.chargeId))
      .map((c) => ({ chargeId: c.chargeId, amount: -(taken.get(c.chargeId) ?? 0) })),
  };
}

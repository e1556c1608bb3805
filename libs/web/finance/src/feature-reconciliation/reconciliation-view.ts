import { Reconciliation, ReconciliationCheckCode } from '@emis/contracts';

/** Checks whose two sides are counts of documents rather than sums of đồng: shown as numbers, not money. */
const COUNT_CHECKS: ReadonlySet<ReconciliationCheckCode> = new Set(['RECEIPTS_NUMBERED', 'VOUCHERS_NUMBERED']);

export function isCountCheck(code: ReconciliationCheckCode): boolean {
  return COUNT_CHECKS.has(code);
}

/**
 * What the page says at the top: balanced, or how many checks differ. The API's `balanced` is not trusted alone: a
 * check with a difference always counts, so the page can never call unbalanced books balanced.
 */
export function reconciliationVerdict(result: Reconciliation): { balanced: boolean; differing: number } {
  const differing = result.checks.filter((c) => c.difference !== 0).length;
  return { balanced: result.balanced && differing === 0, differing };
}

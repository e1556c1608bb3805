import { AssetKind, isRealDate } from '@emis/domain';
import type { RawFieldError } from '@emis/api/platform';
import { MAX_DONG } from './register.dto';

/** What the rules below look at together: a registration, or an edited record merged with its PATCH. */
export interface RegisterRuleFields {
  kind: AssetKind;
  /** Whether the category is worn at all (land-use rights are not: Art. 13). */
  worn: boolean;
  quantity: number;
  unitCost: number;
  inUseOn: string;
  documentDate: string | null;
  openingWear: number;
  openingWearYear: number | null;
}

/**
 * The original cost of a record, unit cost × quantity, in whole đồng (Art. 5.1). Multiplied as BigInt: the product of
 * two safe integers may pass 2^53 and lose its last digits in a float; null when it is beyond what the API keeps.
 */
export function originalCostOf(unitCost: number, quantity: number): number | null {
  const cost = BigInt(unitCost) * BigInt(quantity);
  return cost > BigInt(MAX_DONG) ? null : Number(cost);
}

/**
 * Rules spanning several fields of a register row:
 * - a fixed asset is one item, tools are kept by the lot (the register's rows, docs/domain/assets.md);
 * - dates are real and not in the future;
 * - wear brought from paper books: only for a worn fixed asset (tools are never worn, Art. 3.2), at most its cost
 *   (Art. 14.9: wear never passes the original cost), and with the last year it covers, which cannot precede the
 *   year the asset was put into use (wear runs from that year, Art. 12.1.a, 14.1) nor be after this year.
 */
export function registerFieldErrors(f: RegisterRuleFields, today: string): RawFieldError[] {
  const errors: RawFieldError[] = [];
  if (f.kind === 'FIXED' && f.quantity !== 1) errors.push({ field: 'quantity', rule: 'fixedAssetQuantity', args: [] });
  const cost = originalCostOf(f.unitCost, f.quantity);
  if (cost === null) errors.push({ field: 'unitCost', rule: 'assetCostTooLarge', args: [] });
  errors.push(...dateErrors('inUseOn', f.inUseOn, today), ...dateErrors('documentDate', f.documentDate, today));
  errors.push(...openingWearErrors(f, cost, today));
  return errors;
}

function dateErrors(field: string, value: string | null, today: string): RawFieldError[] {
  if (value === null) return [];
  if (!isRealDate(value)) return [{ field, rule: 'isRealDate', args: [] }];
  return value > today ? [{ field, rule: 'notInFuture', args: [] }] : [];
}

function openingWearErrors(f: RegisterRuleFields, cost: number | null, today: string): RawFieldError[] {
  if (f.openingWear > 0 && (f.kind === 'TOOL' || !f.worn))
    return [{ field: 'openingWear', rule: 'openingWearNotWorn', args: [] }];
  const errors: RawFieldError[] = [];
  if (cost !== null && f.openingWear > cost)
    errors.push({ field: 'openingWear', rule: 'openingWearAboveCost', args: [dong(cost)] });
  if (f.openingWear > 0 && f.openingWearYear === null)
    errors.push({ field: 'openingWearYear', rule: 'openingWearYearRequired', args: [] });
  if (f.openingWearYear !== null && isRealDate(f.inUseOn)) {
    const first = Number(f.inUseOn.slice(0, 4));
    const last = Number(today.slice(0, 4));
    if (f.openingWearYear < first || f.openingWearYear > last)
      errors.push({ field: 'openingWearYear', rule: 'inRange', args: [first, last] });
  }
  return errors;
}

/** An amount of đồng as a message shows it: 18.500.000 (Vietnamese digit grouping). */
export function dong(amount: number): string {
  return amount.toLocaleString('vi-VN');
}

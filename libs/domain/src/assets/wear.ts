import type { AssetCondition, AssetKind, AssetStatus } from './asset-types';
import { type WearRate, wearLifeYears } from './wear-rates';

/**
 * Annual wear (hao mòn) of a public unit's fixed assets, Circular 23/2023/TT-BTC (docs/domain/assets.md):
 * straight line, once a year in December (Art. 12.1.a), a full year from the year put into use with no monthly
 * proration (Art. 12.1.a, 14.1), whole đồng rounded up (Art. 5.1), the last year of the life takes the remainder
 * (Art. 14.9), nothing more once fully worn or broken beyond use (Art. 11.3, 5.3).
 * All arithmetic is on integers; a product that may pass 2^53 is taken in BigInt.
 */

export interface WearAsset {
  kind: AssetKind;
  rate: WearRate | null;
  inUseOn: string;
  /** The current original cost, after every cost change. */
  cost: number;
  /** The cost when registered; defaults to `cost` (needed only to catch up years before the first change). */
  originalCost?: number;
  /** Changes of the original cost, in date order: from effectiveOn's year on, wear follows costAfter. */
  costChanges: { effectiveOn: string; costAfter: number }[];
  /** Wear from paper books, up to and including openingWearYear (or the sender's, for a transferred asset). */
  openingWear: number;
  openingWearYear: number | null;
  posted: { year: number; amount: number }[];
  condition: AssetCondition;
  status: AssetStatus;
  /** The day the asset left the books (disposal, or transfer to another school). */
  disposedOn: string | null;
}

export interface WearPosting {
  year: number;
  costBasis: number;
  amount: number;
  accumulatedAfter: number;
}

/** Why a year posts nothing for an asset (the wear table shows it). */
export type WearSkip = 'FULLY_WORN' | 'BROKEN' | 'DISPOSED' | 'NOT_WORN';

const BASIS_POINTS = 10_000n;

/** Art. 5.1: a fraction of a đồng is rounded up ("cộng thêm 1 vào phần nguyên"). */
function divideRoundingUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/**
 * The full wear of one year on `cost`: cost × rate (Art. 14.1), or cost ÷ life where only a life is set (Art. 13.2),
 * rounded up to the đồng (Art. 5.1). 0 when the rate wears nothing.
 */
export function annualWear(cost: number, rate: WearRate): number {
  if (rate.rateBasisPoints !== null) {
    return Number(divideRoundingUp(BigInt(cost) * BigInt(rate.rateBasisPoints), BASIS_POINTS));
  }
  if (rate.lifeYears !== null && rate.lifeYears > 0) {
    return Number(divideRoundingUp(BigInt(cost), BigInt(rate.lifeYears)));
  }
  return 0;
}

/** Art. 16: accumulated wear = what came from the paper books (or the sender) plus what Emis posted. */
export function accumulatedWear(asset: Pick<WearAsset, 'openingWear' | 'posted'>): number {
  return asset.posted.reduce((sum, row) => sum + row.amount, asset.openingWear);
}

function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/**
 * The last year the asset may be worn, or null when it is still on the books. A transferred asset is worn for the
 * year it left by the receiving school (Art. 12.1.c, 14.2.b); a disposed one only when it left in December, after
 * the books of the year were due (Art. 12.1.a). An asset marked gone without a date is worn no further.
 */
function lastWornYear(asset: WearAsset): number | null {
  const gone = asset.status === 'DISPOSED' || asset.status === 'TRANSFERRED';
  if (!gone && asset.disposedOn === null) return null;
  if (asset.disposedOn === null) return -Infinity;
  const leftYear = yearOf(asset.disposedOn);
  const wornThatYear = asset.status !== 'TRANSFERRED' && asset.disposedOn >= `${leftYear}-12-01`;
  return wornThatYear ? leftYear : leftYear - 1;
}

/** The year the catch-up starts from: the first year not yet covered by the opening wear or by a posted row. */
function firstDueYear(asset: WearAsset): number {
  const covered = Math.max(asset.openingWearYear ?? -Infinity, ...asset.posted.map((row) => row.year));
  return Math.max(yearOf(asset.inUseOn), covered + 1);
}

/**
 * The wear schedule of one asset: for a year, the cost it is computed on and the full annual amount.
 * Before any cost change: the cost × rate. From the year a cost change takes effect: the remaining value
 * (cost after the change − wear accumulated before that year) spread over the remaining life, rounded up, so the
 * asset is fully worn at the end of its life (our reading, docs/domain/assets.md "Cost changes").
 */
class WearSchedule {
  private readonly lifeYears: number | null;
  private readonly firstYear: number;

  constructor(
    private readonly asset: WearAsset,
    private readonly rate: WearRate,
    private readonly accumulatedBefore: (year: number) => number,
  ) {
    this.lifeYears = wearLifeYears(rate);
    this.firstYear = yearOf(asset.inUseOn);
  }

  /** Art. 14.9: the last year of the life takes whatever remains. */
  isLastYear(year: number): boolean {
    return this.lifeYears !== null && year >= this.firstYear + this.lifeYears - 1;
  }

  costIn(year: number): number {
    const change = this.changeInForce(year);
    return change ? change.costAfter : (this.asset.originalCost ?? this.asset.cost);
  }

  annualIn(year: number): number {
    const change = this.changeInForce(year);
    if (!change) return annualWear(this.costIn(year), this.rate);
    const changeYear = yearOf(change.effectiveOn);
    const remaining = change.costAfter - this.accumulatedBefore(changeYear);
    if (remaining <= 0) return 0;
    const lifeEnd = this.lifeYears === null ? changeYear : this.firstYear + this.lifeYears - 1;
    const remainingLife = Math.max(1, lifeEnd - changeYear + 1);
    return Number(divideRoundingUp(BigInt(remaining), BigInt(remainingLife)));
  }

  private changeInForce(year: number): { effectiveOn: string; costAfter: number } | undefined {
    return this.asset.costChanges.filter((change) => yearOf(change.effectiveOn) <= year).at(-1);
  }
}

/**
 * The rows a run of `year` posts for this asset: the missing earlier years first (catch-up, from the first year
 * after the opening wear or the last posted row), then `year`; [] when nothing is due. Tools and unworn categories
 * post nothing (Art. 3.2, 13.2), nor an asset broken beyond use (Art. 11.3, 5.3) or fully worn (Art. 11.3).
 */
export function wearDue(asset: WearAsset, year: number): WearPosting[] {
  if (wearSkipReason(asset, year) === 'NOT_WORN' || asset.condition === 'BROKEN' || asset.rate === null) return [];
  const lastYear = Math.min(year, lastWornYear(asset) ?? year);
  const postings: WearPosting[] = [];
  const postedBefore = (y: number): number =>
    asset.posted.filter((row) => row.year < y).reduce((sum, row) => sum + row.amount, asset.openingWear) +
    postings.filter((row) => row.year < y).reduce((sum, row) => sum + row.amount, 0);
  const schedule = new WearSchedule(asset, asset.rate, postedBefore);
  let accumulated = accumulatedWear(asset);
  for (let y = firstDueYear(asset); y <= lastYear; y++) {
    const costBasis = schedule.costIn(y);
    const remaining = costBasis - accumulated;
    if (remaining <= 0) break;
    const amount = schedule.isLastYear(y) ? remaining : Math.min(schedule.annualIn(y), remaining);
    if (amount <= 0) break;
    accumulated += amount;
    postings.push({ year: y, costBasis, amount, accumulatedAfter: accumulated });
  }
  return postings;
}

/** Why a run of `year` posts nothing for this asset, or null when it is (or would be) worn that year. */
export function wearSkipReason(asset: WearAsset, year: number): WearSkip | null {
  if (asset.kind === 'TOOL' || asset.rate === null) return 'NOT_WORN';
  const lastYear = lastWornYear(asset);
  if (lastYear !== null && lastYear < year) return 'DISPOSED';
  if (asset.condition === 'BROKEN') return 'BROKEN';
  if (accumulatedWear(asset) >= asset.cost) return 'FULLY_WORN';
  return null;
}

/** Why a wear run of `year` cannot start on `today` (yyyy-MM-dd, Vietnam), or null when it can. */
export type WearYearRefusal = 'WEAR_YEAR_IN_FUTURE' | 'WEAR_YEAR_NOT_DUE';

/**
 * Art. 12.1.a: wear is computed once a year, in December, before the books close. A year may be run from
 * 1 December of that year on (later years catch up their missing rows); never a year still to come.
 */
export function wearYearRefusal(year: number, today: string): WearYearRefusal | null {
  const currentYear = yearOf(today);
  if (year > currentYear) return 'WEAR_YEAR_IN_FUTURE';
  if (year === currentYear && today < `${year}-12-01`) return 'WEAR_YEAR_NOT_DUE';
  return null;
}

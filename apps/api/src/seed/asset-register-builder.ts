import {
  AssetCondition,
  AssetEventKind,
  AssetKind,
  AssetStatus,
  classifyAsset,
  CostChangeKind,
  DisposalMethod,
  FundingSource,
  SchoolLevel,
} from '@emis/domain';
import { BUDGET_MOSTLY, CatalogueItem } from './asset-catalogue';
import { SeededRandom } from './seeded-random';

/** The demo's today is 25/11/2026: nothing is put into use after it, and December's wear of 2026 is not run yet. */
export const SEED_TODAY = '2026-11-25';
/** Schools keep their register in Emis from 2016; what they owned before came with its wear from the paper books. */
export const REGISTER_FROM_YEAR = 2016;

export interface RegisterSchool {
  code: string;
  levels: readonly SchoolLevel[];
  foundedYear: number | null;
  ownership: string;
}

/** A class of the open year and the room it is taught in (two classes of the two shifts may share one). */
export interface RegisterClass {
  name: string;
  grade: string;
  room: string;
  pupils: number;
}

export interface SeedLocation {
  id: string;
  building: string;
  room: string;
}

export interface SeedAssetEvent {
  kind: AssetEventKind;
  effectiveOn: string;
  details: Record<string, unknown>;
  costAfter: number | null;
}

export interface SeedCostChange {
  effectiveOn: string;
  costAfter: number;
}

export interface SeedDisposal {
  id: string;
  method: DisposalMethod;
  decisionNumber: string;
  decisionDate: string;
  proceeds: number;
}

export interface SeedAsset {
  id: string;
  code: string;
  name: string;
  categoryCode: string;
  kind: AssetKind;
  quantity: number;
  unit: string;
  unitCost: number;
  originalCost: number;
  /** The current original cost, after the cost changes. */
  cost: number;
  costChanges: SeedCostChange[];
  fundingSource: FundingSource;
  inUseOn: string;
  documentNumber: string;
  documentDate: string;
  locationId: string | null;
  responsible: string | null;
  condition: AssetCondition;
  status: AssetStatus;
  disposedOn: string | null;
  disposal: SeedDisposal | null;
  note: string | null;
  /** Wear brought from the paper books, through openingWearYear; and the wear posted in Emis (asset-wear-history.ts). */
  openingWear: number;
  openingWearYear: number | null;
  postedWear: number;
  /** The asset's history apart from the wear (added when the wear is posted). */
  events: SeedAssetEvent[];
}

export interface SeedRegister {
  locations: SeedLocation[];
  assets: SeedAsset[];
}

export interface Purchase {
  quantity?: number;
  location?: SeedLocation | null;
  year?: number;
  day?: string;
  responsible?: string | null;
  name?: string;
  funding?: FundingSource;
}

/**
 * Writes a school's register line by line: the threshold decides whether a purchase is fixed assets (one record per
 * item, Art. 3.2) or a lot of tools (one record of n items); codes follow the register's own series (TS-…, CC-…).
 */
export class RegisterBuilder {
  readonly locations: SeedLocation[] = [];
  readonly assets: SeedAsset[] = [];
  private readonly rooms = new Map<string, SeedLocation>();
  private fixedSerial = 0;
  private toolSerial = 0;
  private documentSerial = 0;

  constructor(
    readonly rng: SeededRandom,
    readonly school: RegisterSchool,
    private readonly threshold: number,
  ) {}

  location(building: string, room: string): SeedLocation {
    const key = `${building}\u0000${room}`;
    let place = this.rooms.get(key);
    if (!place) {
      place = { id: this.rng.uuid(), building, room };
      this.rooms.set(key, place);
      this.locations.push(place);
    }
    return place;
  }

  /** A purchase of `quantity` items of a catalogue line, put into use on one day under one document. */
  buy(line: CatalogueItem, p: Purchase = {}): SeedAsset[] {
    const { rng } = this;
    const quantity = p.quantity ?? 1;
    if (quantity <= 0) return [];
    const unitCost = roundTo(rng.int(line.price[0], line.price[1]), line.price[1] >= 100_000_000 ? 1_000_000 : 10_000);
    const inUseOn = p.day ?? dayInUse(rng, p.year ?? equipmentYear(rng, this.school));
    const funding = p.funding ?? this.funding(line.funding ?? BUDGET_MOSTLY);
    const documentNumber = this.document(inUseOn);
    const base = {
      name: p.name ?? line.name,
      categoryCode: line.category,
      unit: line.unit,
      unitCost,
      fundingSource: funding,
      inUseOn,
      documentNumber,
      documentDate: inUseOn,
      locationId: p.location?.id ?? null,
      responsible: p.responsible ?? null,
    };
    if (classifyAsset(unitCost, this.threshold) === 'TOOL')
      return [this.record({ ...base, kind: 'TOOL', quantity, cost: unitCost * quantity })];
    return Array.from({ length: quantity }, () => this.record({ ...base, kind: 'FIXED', quantity: 1, cost: unitCost }));
  }

  /** A building, structure or right with its own price (the final settlement of the works), not a catalogue line. */
  build(line: Omit<CatalogueItem, 'price'>, cost: number, year: number, p: Purchase = {}): SeedAsset {
    const inUseOn = p.day ?? dayInUse(this.rng, year);
    return this.record({
      name: p.name ?? line.name,
      categoryCode: line.category,
      unit: line.unit,
      unitCost: cost,
      fundingSource: p.funding ?? (this.private ? 'OTHER' : 'STATE_BUDGET'),
      inUseOn,
      documentNumber: this.document(inUseOn),
      documentDate: inUseOn,
      locationId: p.location?.id ?? null,
      responsible: p.responsible ?? 'Hiệu trưởng',
      kind: classifyAsset(cost, this.threshold),
      quantity: 1,
      cost,
    });
  }

  get private(): boolean {
    return this.school.ownership !== 'PUBLIC';
  }

  private funding(weights: readonly (readonly [FundingSource, number])[]): FundingSource {
    // A private school's assets are its owners' capital or gifts, never the state budget's.
    if (this.private)
      return this.rng.weighted([
        ['OTHER', 70],
        ['DONATION', 20],
        ['TUITION', 10],
      ] as const);
    return this.rng.weighted(weights);
  }

  /** The hand-over record (biên bản bàn giao) behind a purchase: its number in the school's series of that year. */
  private document(day: string): string {
    this.documentSerial += 1;
    return `${this.documentSerial}/BBBG-${this.school.code.replace(/-/g, '')}-${day.slice(0, 4)}`;
  }

  private record(
    a: Omit<
      SeedAsset,
      | 'id'
      | 'code'
      | 'originalCost'
      | 'costChanges'
      | 'condition'
      | 'status'
      | 'disposedOn'
      | 'disposal'
      | 'note'
      | 'openingWear'
      | 'openingWearYear'
      | 'postedWear'
      | 'events'
    >,
  ): SeedAsset {
    const code = a.kind === 'FIXED' ? `TS-${pad(++this.fixedSerial)}` : `CC-${pad(++this.toolSerial)}`;
    const asset: SeedAsset = {
      ...a,
      id: this.rng.uuid(),
      code,
      originalCost: a.cost,
      costChanges: [],
      condition: conditionByAge(this.rng, a.inUseOn),
      status: 'IN_USE',
      disposedOn: null,
      disposal: null,
      note: null,
      openingWear: 0,
      openingWearYear: null,
      postedWear: 0,
      events: [
        {
          kind: 'REGISTERED',
          effectiveOn: a.inUseOn,
          details: {
            code,
            kind: a.kind,
            quantity: a.quantity,
            unitCost: a.unitCost,
            cost: a.cost,
            fundingSource: a.fundingSource,
            documentNumber: a.documentNumber,
          },
          costAfter: null,
        },
      ],
    };
    this.assets.push(asset);
    return asset;
  }

  /** An upgrade or value-adding repair on `effectiveOn` (the wear of later years follows the new cost). */
  changeCost(asset: SeedAsset, kind: CostChangeKind, effectiveOn: string, costAfter: number, note: string): void {
    asset.costChanges.push({ effectiveOn, costAfter });
    asset.events.push({
      kind: 'COST_CHANGED',
      effectiveOn,
      details: { kind, costBefore: asset.cost, documentNumber: this.document(effectiveOn), note },
      costAfter,
    });
    asset.cost = costAfter;
  }
}

/** The year something was bought: any year of the register, not before the school existed. */
export function equipmentYear(rng: SeededRandom, school: RegisterSchool, last = 2026): number {
  return Math.max(rng.int(REGISTER_FROM_YEAR, last), school.foundedYear ?? 0);
}

/** A day of `year` when a purchase was handed over and put into use, never after the demo's today. */
export function dayInUse(rng: SeededRandom, year: number): string {
  const day = rng.dayOf(year);
  return day > SEED_TODAY
    ? `${year}-${String(rng.int(1, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
    : day;
}

/** Older things are in a worse state; most are kept in good repair. */
function conditionByAge(rng: SeededRandom, inUseOn: string): AssetCondition {
  const age = 2026 - Number(inUseOn.slice(0, 4));
  if (age >= 8)
    return rng.weighted([
      ['GOOD', 25],
      ['FAIR', 45],
      ['POOR', 30],
    ] as const);
  if (age >= 4)
    return rng.weighted([
      ['GOOD', 60],
      ['FAIR', 35],
      ['POOR', 5],
    ] as const);
  return 'GOOD';
}

export function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

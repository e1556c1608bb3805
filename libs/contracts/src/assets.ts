import type {
  AssetClass,
  AssetCondition,
  AssetEventKind,
  AssetKind,
  AssetStatus,
  AssetTransferStatus,
  AttachmentKind,
  CostChangeKind,
  DisposalMethod,
  FundingSource,
  InventoryStatus,
} from '@emis/domain';

/**
 * Public assets of a school (Circular 23/2023/TT-BTC; docs/domain/assets.md). Every path below is under
 * /api/schools/:schoolId unless it starts with /api/assets-config or /api/asset-wear (the province's).
 * Money is whole đồng, sent as a JSON number (safe up to 9·10^15 đ).
 */

/** A room or other place where assets stand. GET/POST …/asset-locations, PATCH …/asset-locations/:locationId. */
export interface AssetLocation {
  id: string;
  building: string;
  room: string;
  /** Assets placed there (not disposed or transferred). */
  assetCount: number;
}

export interface AssetLocationInput {
  building: string;
  room: string;
}

/**
 * GET …/assets?q=&assetClass=&kind=&status=&locationId=&fundingSource=&page=&pageSize=&sort=code|name|cost|inUseOn
 * → Page<AssetSummary>. q matches code and name (accents ignored). GET …/assets/export.xlsx streams the filtered list.
 */
export interface AssetSummary {
  id: string;
  code: string;
  name: string;
  assetClass: AssetClass;
  categoryCode: string;
  kind: AssetKind;
  quantity: number;
  unit: string;
  /** The current original cost (nguyên giá) of the whole record, after cost changes. */
  cost: number;
  accumulatedWear: number;
  remainingValue: number;
  fundingSource: FundingSource;
  inUseOn: string;
  location: { id: string; building: string; room: string } | null;
  responsible: string | null;
  condition: AssetCondition;
  status: AssetStatus;
}

/**
 * POST …/assets → AssetDetail (kind decided by the server from the unit cost and the configured threshold);
 * PATCH …/assets/:assetId with version (cost is changed only by a cost change, below).
 */
export interface AssetInput {
  /** Unique in the school; the server proposes the next free one when omitted (TS-0001, CC-0001). */
  code?: string;
  name: string;
  categoryCode: string;
  quantity: number;
  unit: string;
  /** Cost of one item, whole đồng. A fixed asset has quantity 1. */
  unitCost: number;
  fundingSource: FundingSource;
  inUseOn: string;
  /** The document behind the acquisition (invoice, hand-over record, decision): number and date. */
  documentNumber?: string | null;
  documentDate?: string | null;
  locationId?: string | null;
  responsible?: string | null;
  condition?: AssetCondition;
  /** An asset already on paper books when registered: the wear accumulated up to and including openingWearYear. */
  openingWear?: number;
  openingWearYear?: number | null;
  note?: string | null;
}

export interface AssetUpdate extends Partial<Omit<AssetInput, 'unitCost' | 'quantity' | 'openingWear'>> {
  status?: Extract<AssetStatus, 'IN_USE' | 'IDLE' | 'UNDER_REPAIR' | 'AWAITING_DISPOSAL'>;
  version: number;
}

export interface AssetHistoryEntry {
  id: string;
  kind: AssetEventKind;
  effectiveOn: string;
  details: Record<string, unknown>;
  recordedAt: string;
  recordedBy: string | null;
}

export interface AssetWearRow {
  year: number;
  /** The cost the year's wear was computed on. */
  costBasis: number;
  amount: number;
  accumulatedAfter: number;
  postedAt: string;
}

export interface AssetAttachment {
  id: string;
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

export interface AssetDetail extends AssetSummary {
  unitCost: number;
  originalCost: number;
  documentNumber: string | null;
  documentDate: string | null;
  note: string | null;
  openingWear: number;
  openingWearYear: number | null;
  /** Life and annual rate used for the next wear, from the category (province override applied). */
  lifeYears: number | null;
  rateBasisPoints: number | null;
  history: AssetHistoryEntry[];
  wear: AssetWearRow[];
  attachments: AssetAttachment[];
  openLoan: AssetLoan | null;
  pendingTransfer: AssetTransfer | null;
  version: number;
}

/**
 * POST …/assets/:assetId/cost-changes → AssetDetail. An upgrade or a value-adding repair raises the cost, a
 * revaluation sets it, a partial removal lowers it; wear of the later years follows (docs/domain/assets.md).
 */
export interface CostChangeInput {
  kind: CostChangeKind;
  effectiveOn: string;
  /** The new original cost of the whole record, whole đồng. */
  newCost: number;
  documentNumber: string;
  note?: string | null;
  version: number;
}

/**
 * Attachments: POST …/assets/:assetId/attachments (multipart: file, kind) → AssetAttachment;
 * GET …/assets/:assetId/attachments/:attachmentId (the file); DELETE the same.
 * Labels: GET …/assets/:assetId/label.pdf, GET …/assets/labels.pdf?ids=a,b,… (A4 sheet) — a QR code of the
 * asset's page URL, the code, name, school and year put into use.
 */

/** POST …/assets/:assetId/move → AssetDetail: to another room of the school. */
export interface AssetMoveInput {
  locationId: string;
  effectiveOn: string;
  responsible?: string | null;
  version: number;
}

/** POST …/assets/:assetId/loans → AssetLoan; POST …/assets/:assetId/loans/:loanId/return {returnedOn, condition}. */
export interface AssetLoan {
  id: string;
  borrower: string;
  lentOn: string;
  dueOn: string | null;
  returnedOn: string | null;
  note: string | null;
}

export interface AssetLoanInput {
  borrower: string;
  lentOn: string;
  dueOn?: string | null;
  note?: string | null;
  version: number;
}

export interface AssetReturnInput {
  returnedOn: string;
  condition?: AssetCondition;
}

/** POST …/assets/:assetId/disposal → AssetDetail: the asset leaves the books on disposedOn (no wear that year if before December). */
export interface AssetDisposalInput {
  method: DisposalMethod;
  decisionNumber: string;
  decisionDate: string;
  disposedOn: string;
  /** Proceeds of a sale or liquidation and its costs, whole đồng. */
  proceeds?: number;
  costs?: number;
  note?: string | null;
  version: number;
}

/**
 * Transfers between schools, two-sided like a pupil transfer:
 *   POST …/assets/:assetId/transfers {toSchoolId, effectiveOn, decisionNumber} → AssetTransfer (the sender releases;
 *        the asset is TRANSFERRED-pending and no longer editable);
 *   GET  …/asset-transfers?direction=IN|OUT&status= → AssetTransfer[];
 *   POST …/asset-transfers/:transferId/accept {locationId?} (the receiver: the asset, its cost and accumulated wear
 *        continue at the receiving school, which posts the year's wear) → AssetTransfer;
 *   POST …/asset-transfers/:transferId/reject {reason}; POST …/asset-transfers/:transferId/cancel (the sender).
 */
export interface AssetTransfer {
  id: string;
  assetId: string;
  direction: 'IN' | 'OUT';
  otherSchool: { id: string; name: string };
  status: AssetTransferStatus;
  effectiveOn: string;
  decisionNumber: string;
  /** The asset as it left the sender: code, name, category, cost, accumulated wear. */
  asset: { code: string; name: string; categoryCode: string; cost: number; accumulatedWear: number };
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface AssetTransferInput {
  toSchoolId: string;
  effectiveOn: string;
  decisionNumber: string;
  version: number;
}

/**
 * Wear (hao mòn):
 *   GET  …/asset-wear?year=YYYY → WearTable (what is posted for the year, or the preview before it is run);
 *   POST …/asset-wear/runs {year} → 202 WearRun; GET …/asset-wear/runs/:runId → WearRun (progress);
 *   GET  …/asset-wear/:year/export.xlsx | .pdf — the year's wear table (Bảng tính hao mòn);
 *   POST /api/asset-wear/runs {year} (the department: every school, one job each) → 202 WearRun;
 *   GET  /api/asset-wear/runs/:runId → WearRun.
 * A run is idempotent per year: it posts the rows missing for the year (and earlier unposted years), never twice.
 */
export interface WearRun {
  id: string;
  year: number;
  scope: 'SCHOOL' | 'PROVINCE';
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  /** Assets (school run) or schools (province run) to do and done. */
  total: number | null;
  done: number;
  postedRows: number;
  postedAmount: number;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface WearTableRow {
  assetId: string;
  code: string;
  name: string;
  assetClass: AssetClass;
  cost: number;
  rateBasisPoints: number | null;
  lifeYears: number | null;
  accumulatedBefore: number;
  amount: number;
  accumulatedAfter: number;
  remainingValue: number;
  /** Why nothing is posted: fully worn, broken, disposed before December, not worn (land), tool. */
  skipped: 'FULLY_WORN' | 'BROKEN' | 'DISPOSED' | 'NOT_WORN' | null;
}

export interface WearTable {
  year: number;
  /** True when the year's run has posted; otherwise the rows are what a run would post now. */
  posted: boolean;
  rows: WearTableRow[];
  total: { cost: number; amount: number; accumulatedAfter: number; remainingValue: number };
}

/**
 * The province's configuration (department administrator):
 *   GET /api/assets-config/categories → AssetCategory[]; PUT /api/assets-config/categories/:code {rateBasisPoints|lifeYears}
 *   GET /api/assets-config/policy → AssetPolicy; PUT the same.
 * A rate may move within ±20 % of the appendix's default (Art. 13.1.a); intangible assets get a life of 4–50 years
 * (Art. 13.2).
 */
export interface AssetCategory {
  code: string;
  assetClass: AssetClass;
  nameVi: string;
  nameEn: string;
  /** The appendix's defaults as shipped, and what the province set (null = the default applies). */
  defaultLifeYears: number | null;
  defaultRateBasisPoints: number | null;
  lifeYears: number | null;
  rateBasisPoints: number | null;
  /** False for land-use rights: never worn. */
  worn: boolean;
  updatedAt: string | null;
}

export interface AssetCategoryUpdate {
  lifeYears?: number | null;
  rateBasisPoints?: number | null;
}

export interface AssetPolicy {
  /** The cost from which a durable item is a fixed asset (Art. 3.2: 10,000,000 đ; Art. 3.3 for self-financing units). */
  fixedAssetThreshold: number;
}

/**
 * Annual inventory (kiểm kê):
 *   POST …/asset-inventories {year, title, countDate} → AssetInventory (lines: every asset on the books);
 *   GET  …/asset-inventories → AssetInventory[] (without lines); GET …/asset-inventories/:id?locationId= → with lines;
 *   GET  …/asset-inventories/:id/checklist.xlsx?locationId= | checklist.pdf?locationId= — per room;
 *   PUT  …/asset-inventories/:id/lines/:lineId {countedQuantity, condition, note} → InventoryLine;
 *   POST …/asset-inventories/:id/scan {code} → InventoryLine (counts one more of the scanned asset);
 *   POST …/asset-inventories/:id/surplus {description, quantity, locationId, unitCost?} → InventoryLine (found, not on the books);
 *   POST …/asset-inventories/:id/import (multipart: the checklist workbook back) → 202 ImportJob-like result;
 *   POST …/asset-inventories/:id/close {committee} → AssetInventory (counting ends, sign-off);
 *   POST …/asset-inventories/:id/approve {decisionNumber} → AssetInventory (differences become movements:
 *        a shortfall a LOSS disposal or a lower quantity, a surplus a new asset);
 *   GET  …/asset-inventories/:id/report.xlsx | report.pdf — the inventory report (Biên bản kiểm kê).
 */
export interface AssetInventory {
  id: string;
  year: number;
  title: string;
  countDate: string;
  status: InventoryStatus;
  committee: string[];
  lineCount: number;
  countedCount: number;
  shortfallCount: number;
  surplusCount: number;
  closedAt: string | null;
  approvedAt: string | null;
  decisionNumber: string | null;
  lines?: InventoryLine[];
  version: number;
}

export interface InventoryLine {
  id: string;
  assetId: string | null;
  code: string | null;
  name: string;
  location: { id: string; building: string; room: string } | null;
  bookQuantity: number;
  countedQuantity: number | null;
  /** counted − book: negative a shortfall, positive a surplus; null until counted. */
  difference: number | null;
  bookValue: number;
  condition: AssetCondition | null;
  note: string | null;
  countedAt: string | null;
}

export interface InventoryLineInput {
  countedQuantity: number;
  condition?: AssetCondition | null;
  note?: string | null;
}

/**
 * Books (sổ), Excel and PDF, per school and year:
 *   GET …/asset-books/fixed-assets.xlsx|.pdf?year= — Sổ tài sản cố định;
 *   GET …/asset-books/tools.xlsx|.pdf?year= — Sổ theo dõi công cụ, dụng cụ;
 * Import of an existing list: GET …/imports/templates/assets.xlsx; POST …/imports/assets (multipart) → 202 ImportJob,
 * followed through the imports endpoints (validate every row first; errors by row and column; nothing half-written).
 */

/** Totals for the department and units (reporting read model): by class, funding source and school. */
export interface AssetTotals {
  assets: number;
  quantity: number;
  cost: number;
  accumulatedWear: number;
  remainingValue: number;
}

// — part D: movements and inventory — the request bodies the comments above describe inline.

/** POST …/asset-transfers/:transferId/accept. */
export interface AssetTransferAcceptInput {
  /** The receiver's room the asset goes to. */
  locationId?: string | null;
}

/** POST …/asset-transfers/:transferId/reject. */
export interface AssetTransferRejectInput {
  reason: string;
}

/** POST …/asset-inventories: lines for every asset on the books (not disposed or transferred); one open at a time. */
export interface InventoryOpenInput {
  year: number;
  title: string;
  countDate: string;
}

/**
 * POST …/asset-inventories/:id/surplus: an item found that is on no record. On approval it is registered with these
 * values (category OTHER_TANGIBLE and unit "cái" when not given; funding source OTHER; put into use on the count date).
 */
export interface InventorySurplusInput {
  description: string;
  quantity: number;
  locationId?: string | null;
  /** The committee's estimate of one item, whole đồng (0 when not given). */
  unitCost?: number;
  categoryCode?: string;
  unit?: string;
  condition?: AssetCondition | null;
  note?: string | null;
}

/** POST …/asset-inventories/:id/scan: the asset's code, or what its label's QR code holds (the asset page's URL). */
export interface InventoryScanInput {
  code: string;
}

/** POST …/asset-inventories/:id/close: the committee's members who sign the report. */
export interface InventoryCloseInput {
  committee: string[];
}

/** POST …/asset-inventories/:id/approve: the head's decision that turns the differences into movements. */
export interface InventoryApproveInput {
  decisionNumber: string;
}

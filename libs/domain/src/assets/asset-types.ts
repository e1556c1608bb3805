/**
 * The vocabulary of public assets under Circular 23/2023/TT-BTC (docs/domain/assets.md). Codes are stored in the
 * database and shared by the API and the web; the words for them live in the translations.
 */

/** Art. 4.1: tangible classes 1–7, then the intangible ones. */
export const ASSET_CLASSES = [
  'BUILDING',
  'STRUCTURE',
  'CAR',
  'OTHER_VEHICLE',
  'MACHINERY',
  'PLANT_ANIMAL',
  'OTHER_TANGIBLE',
  'LAND_USE_RIGHT',
  'COPYRIGHT',
  'INDUSTRIAL_PROPERTY',
  'PLANT_VARIETY',
  'SOFTWARE',
  'BRAND',
] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

/** A fixed asset (tài sản cố định, Art. 3) or a tool or instrument (công cụ, dụng cụ: tracked by quantity, not worn). */
export const ASSET_KINDS = ['FIXED', 'TOOL'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const FUNDING_SOURCES = ['STATE_BUDGET', 'TUITION', 'AID', 'DONATION', 'OTHER'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const ASSET_STATUSES = [
  'IN_USE',
  'IDLE',
  'UNDER_REPAIR',
  'LENT',
  'AWAITING_DISPOSAL',
  'DISPOSED',
  'TRANSFERRED',
] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** BROKEN = broken beyond use: kept on the books, no longer worn (Art. 11.3, 5.3). */
export const ASSET_CONDITIONS = ['GOOD', 'FAIR', 'POOR', 'BROKEN'] as const;
export type AssetCondition = (typeof ASSET_CONDITIONS)[number];

/** Changes of the original cost after the asset was put into use (upgrade, repair that adds value, revaluation). */
export const COST_CHANGE_KINDS = ['UPGRADE', 'REPAIR', 'REVALUATION', 'PARTIAL_REMOVAL'] as const;
export type CostChangeKind = (typeof COST_CHANGE_KINDS)[number];

/** How an asset leaves the books. */
export const DISPOSAL_METHODS = ['SALE', 'LIQUIDATION', 'DESTRUCTION', 'LOSS'] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

/** The line of an asset's history: what happened, on which day. */
export const ASSET_EVENT_KINDS = [
  'REGISTERED',
  'UPDATED',
  'COST_CHANGED',
  'MOVED',
  'STATUS_CHANGED',
  'LENT',
  'RETURNED',
  'TRANSFER_OUT',
  'TRANSFER_IN',
  'DISPOSED',
  'WEAR_POSTED',
  'INVENTORY_ADJUSTED',
  'ATTACHMENT_ADDED',
  'ATTACHMENT_REMOVED',
] as const;
export type AssetEventKind = (typeof ASSET_EVENT_KINDS)[number];

export const ASSET_TRANSFER_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED', 'CANCELLED'] as const;
export type AssetTransferStatus = (typeof ASSET_TRANSFER_STATUSES)[number];

export const INVENTORY_STATUSES = ['OPEN', 'CLOSED', 'APPROVED'] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];

export const ATTACHMENT_KINDS = ['INVOICE', 'PHOTO', 'DECISION', 'OTHER'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Attachments: what may be uploaded and how large (5 MB). */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

/** Art. 3.2: the default threshold of a fixed asset, in đồng (configurable: Art. 3.3). */
export const DEFAULT_FIXED_ASSET_THRESHOLD = 10_000_000;

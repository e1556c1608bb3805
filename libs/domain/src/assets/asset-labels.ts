import type { AssetClass, AssetCondition, AssetKind, AssetStatus, DisposalMethod, FundingSource } from './asset-types';

/**
 * Vietnamese and English names of the register's codes — asset classes (Circular 23/2023/TT-BTC Art. 4.1 tangible,
 * Art. 4.2 intangible), kinds, funding sources, statuses, conditions, ways of leaving the books — for the Excel and
 * PDF files the department and schools keep and read back (the import's dropdowns). Declared once here; the web's
 * translations carry the same words.
 */
export const ASSET_CLASS_LABELS: Record<AssetClass, { vi: string; en: string }> = {
  BUILDING: { vi: 'Nhà, công trình xây dựng', en: 'Buildings' },
  STRUCTURE: { vi: 'Vật kiến trúc', en: 'Structures' },
  CAR: { vi: 'Xe ô tô', en: 'Cars' },
  OTHER_VEHICLE: { vi: 'Phương tiện vận tải khác', en: 'Other vehicles' },
  MACHINERY: { vi: 'Máy móc, thiết bị', en: 'Machines and equipment' },
  PLANT_ANIMAL: { vi: 'Cây lâu năm, súc vật làm việc', en: 'Perennial plants, working animals' },
  OTHER_TANGIBLE: { vi: 'Tài sản cố định hữu hình khác', en: 'Other tangible assets' },
  LAND_USE_RIGHT: { vi: 'Quyền sử dụng đất', en: 'Land-use rights' },
  COPYRIGHT: { vi: 'Quyền tác giả', en: 'Copyright' },
  INDUSTRIAL_PROPERTY: { vi: 'Quyền sở hữu công nghiệp', en: 'Industrial property rights' },
  PLANT_VARIETY: { vi: 'Quyền đối với giống cây trồng', en: 'Plant variety rights' },
  SOFTWARE: { vi: 'Phần mềm ứng dụng', en: 'Application software' },
  BRAND: { vi: 'Thương hiệu của đơn vị', en: "The unit's brand" },
};

export const ASSET_KIND_LABELS: Record<AssetKind, { vi: string; en: string }> = {
  FIXED: { vi: 'Tài sản cố định', en: 'Fixed assets' },
  TOOL: { vi: 'Công cụ, dụng cụ', en: 'Tools and instruments' },
};

export const FUNDING_SOURCE_LABELS: Record<FundingSource, { vi: string; en: string }> = {
  STATE_BUDGET: { vi: 'Ngân sách nhà nước', en: 'State budget' },
  TUITION: { vi: 'Học phí', en: 'Tuition' },
  AID: { vi: 'Viện trợ', en: 'Aid' },
  DONATION: { vi: 'Tài trợ, biếu tặng', en: 'Donations' },
  OTHER: { vi: 'Nguồn khác', en: 'Other sources' },
};

export const ASSET_STATUS_LABELS: Record<AssetStatus, { vi: string; en: string }> = {
  IN_USE: { vi: 'Đang sử dụng', en: 'In use' },
  IDLE: { vi: 'Chưa sử dụng', en: 'Idle' },
  UNDER_REPAIR: { vi: 'Đang sửa chữa', en: 'Under repair' },
  LENT: { vi: 'Cho mượn', en: 'Lent' },
  AWAITING_DISPOSAL: { vi: 'Chờ xử lý', en: 'Awaiting disposal' },
  DISPOSED: { vi: 'Đã thanh lý', en: 'Disposed of' },
  TRANSFERRED: { vi: 'Đã điều chuyển', en: 'Transferred' },
};

export const ASSET_CONDITION_LABELS: Record<AssetCondition, { vi: string; en: string }> = {
  GOOD: { vi: 'Tốt', en: 'Good' },
  FAIR: { vi: 'Khá', en: 'Fair' },
  POOR: { vi: 'Kém', en: 'Poor' },
  BROKEN: { vi: 'Hỏng', en: 'Broken beyond use' },
};

/** Why an asset left the books, as a book's decrease column names it (a transfer to another school included). */
export const DISPOSAL_METHOD_LABELS: Record<DisposalMethod | 'TRANSFER', { vi: string; en: string }> = {
  SALE: { vi: 'Bán', en: 'Sale' },
  LIQUIDATION: { vi: 'Thanh lý', en: 'Liquidation' },
  DESTRUCTION: { vi: 'Tiêu hủy', en: 'Destruction' },
  LOSS: { vi: 'Mất, thiếu hụt', en: 'Loss, shortfall' },
  TRANSFER: { vi: 'Điều chuyển', en: 'Transfer' },
};

import type { AssetClass, AssetKind, FundingSource } from './asset-types';

/**
 * Vietnamese and English names of the asset classes (Circular 23/2023/TT-BTC Art. 4.1 tangible, Art. 4.2
 * intangible), kinds and funding sources, for the pages and the Excel files the department and schools read.
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

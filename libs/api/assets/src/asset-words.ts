import { AssetClass, AssetCondition, AssetKind, AssetStatus, FundingSource } from '@emis/domain';

/**
 * The Vietnamese words of the register's codes for the files schools keep (Excel exports, books, labels), which are
 * written in Vietnamese whatever the reader's language; the web has its own translations.
 */
export const ASSET_KIND_VI: Record<AssetKind, string> = { FIXED: 'Tài sản cố định', TOOL: 'Công cụ, dụng cụ' };

export const ASSET_CLASS_VI: Record<AssetClass, string> = {
  BUILDING: 'Nhà, công trình xây dựng',
  STRUCTURE: 'Vật kiến trúc',
  CAR: 'Xe ô tô',
  OTHER_VEHICLE: 'Phương tiện vận tải khác',
  MACHINERY: 'Máy móc, thiết bị',
  PLANT_ANIMAL: 'Cây lâu năm, súc vật làm việc',
  OTHER_TANGIBLE: 'Tài sản cố định hữu hình khác',
  LAND_USE_RIGHT: 'Quyền sử dụng đất',
  COPYRIGHT: 'Quyền tác giả',
  INDUSTRIAL_PROPERTY: 'Quyền sở hữu công nghiệp',
  PLANT_VARIETY: 'Quyền đối với giống cây trồng',
  SOFTWARE: 'Phần mềm ứng dụng',
  BRAND: 'Thương hiệu',
};

export const FUNDING_SOURCE_VI: Record<FundingSource, string> = {
  STATE_BUDGET: 'Ngân sách nhà nước',
  TUITION: 'Học phí',
  AID: 'Viện trợ',
  DONATION: 'Tài trợ, biếu tặng',
  OTHER: 'Nguồn khác',
};

export const ASSET_STATUS_VI: Record<AssetStatus, string> = {
  IN_USE: 'Đang sử dụng',
  IDLE: 'Chưa sử dụng',
  UNDER_REPAIR: 'Đang sửa chữa',
  LENT: 'Cho mượn',
  AWAITING_DISPOSAL: 'Chờ xử lý',
  DISPOSED: 'Đã thanh lý',
  TRANSFERRED: 'Đã điều chuyển',
};

export const ASSET_CONDITION_VI: Record<AssetCondition, string> = {
  GOOD: 'Tốt',
  FAIR: 'Khá',
  POOR: 'Kém',
  BROKEN: 'Hỏng',
};

import { AssetClass, AssetCondition, DisposalMethod, FundingSource } from '@emis/domain';

/**
 * The Vietnamese words a school's books and spreadsheets use for the coded values of the register: the import's
 * dropdowns read them back, the printed books and labels write them.
 */
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  STATE_BUDGET: 'Ngân sách nhà nước',
  TUITION: 'Học phí',
  AID: 'Viện trợ',
  DONATION: 'Tài trợ, biếu tặng',
  OTHER: 'Nguồn khác',
};

export const CONDITION_LABELS: Record<AssetCondition, string> = {
  GOOD: 'Tốt',
  FAIR: 'Khá',
  POOR: 'Kém',
  BROKEN: 'Hỏng',
};

/** Art. 4.1 of Circular 23/2023/TT-BTC: the tangible classes 1–7, then the intangible assets. */
export const ASSET_CLASS_LABELS: Record<AssetClass, string> = {
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

/** Why an asset left the books, as the decrease column of a book names it. */
export const DISPOSAL_METHOD_LABELS: Record<DisposalMethod | 'TRANSFER', string> = {
  SALE: 'Bán',
  LIQUIDATION: 'Thanh lý',
  DESTRUCTION: 'Tiêu hủy',
  LOSS: 'Mất, thiếu hụt',
  TRANSFER: 'Điều chuyển',
};

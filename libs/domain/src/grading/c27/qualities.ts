/** How a primary quality or competency is rated at each periodic assessment (Circular 27/2020 Art. 7). */
export type QualityRating = 'TOT' | 'DAT' | 'CAN_CO_GANG';

export interface PrimaryQuality {
  code: string;
  vi: string;
  en: string;
  kind: 'QUALITY' | 'CORE' | 'SPECIFIC';
}

/**
 * The qualities and competencies Circular 27/2020 has teachers rate (its article on what is assessed — Art. 6 per
 * our brief; confirm the numbering): the 5 principal qualities and the core
 * competencies of the 2018 general programme — 3 general ones and 7 specific ones.
 */
export const PRIMARY_QUALITIES: readonly PrimaryQuality[] = [
  { code: 'YEU_NUOC', vi: 'Yêu nước', en: 'Patriotism', kind: 'QUALITY' },
  { code: 'NHAN_AI', vi: 'Nhân ái', en: 'Compassion', kind: 'QUALITY' },
  { code: 'CHAM_CHI', vi: 'Chăm chỉ', en: 'Diligence', kind: 'QUALITY' },
  { code: 'TRUNG_THUC', vi: 'Trung thực', en: 'Honesty', kind: 'QUALITY' },
  { code: 'TRACH_NHIEM', vi: 'Trách nhiệm', en: 'Responsibility', kind: 'QUALITY' },
  { code: 'TU_CHU_TU_HOC', vi: 'Tự chủ và tự học', en: 'Self-reliance and self-study', kind: 'CORE' },
  { code: 'GIAO_TIEP_HOP_TAC', vi: 'Giao tiếp và hợp tác', en: 'Communication and cooperation', kind: 'CORE' },
  {
    code: 'GIAI_QUYET_VAN_DE',
    vi: 'Giải quyết vấn đề và sáng tạo',
    en: 'Problem solving and creativity',
    kind: 'CORE',
  },
  { code: 'NGON_NGU', vi: 'Ngôn ngữ', en: 'Language', kind: 'SPECIFIC' },
  { code: 'TINH_TOAN', vi: 'Tính toán', en: 'Mathematics', kind: 'SPECIFIC' },
  { code: 'KHOA_HOC', vi: 'Khoa học', en: 'Science', kind: 'SPECIFIC' },
  { code: 'CONG_NGHE', vi: 'Công nghệ', en: 'Technology', kind: 'SPECIFIC' },
  { code: 'TIN_HOC', vi: 'Tin học', en: 'Informatics', kind: 'SPECIFIC' },
  { code: 'THAM_MI', vi: 'Thẩm mĩ', en: 'Aesthetics', kind: 'SPECIFIC' },
  { code: 'THE_CHAT', vi: 'Thể chất', en: 'Physical', kind: 'SPECIFIC' },
];

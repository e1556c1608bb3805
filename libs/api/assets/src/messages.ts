import { MessageCatalogue } from '@emis/api/platform';

/**
 * The words of public assets, Vietnamese first; registered with platform's message lookup by the app. Each part of
 * the context keeps its own block, under its heading, in each of the three tables, so that additions never meet.
 */
export const ASSETS_MESSAGES: MessageCatalogue = {
  problems: {
    // — part B: register —

    // — part A: wear —
    wear_year_in_future: {
      vi: 'Chưa thể tính hao mòn cho một năm chưa đến',
      en: 'Wear cannot be posted for a year still to come',
    },
    wear_year_not_due: {
      vi: 'Hao mòn của năm được tính từ ngày 01/12 của năm đó (Thông tư 23/2023/TT-BTC, Điều 12)',
      en: "A year's wear is posted from 1 December of that year on (Circular 23/2023/TT-BTC, Art. 12)",
    },

    // — part C: excel and print —

    // — part D: movements and inventory —

    // — part H: reporting —
  },
  rules: {
    // — part B: register —

    // — part A: wear —
    wearRateOutOfRange: {
      vi: '{field} phải trong khoảng {0}–{1} phần vạn (±20% tỷ lệ mặc định, Điều 13 Thông tư 23/2023/TT-BTC)',
      en: '{field} must be {0}–{1} basis points (±20 % of the default, Circular 23/2023/TT-BTC Art. 13)',
    },
    wearLifeOutOfRange: {
      vi: '{field} phải từ {0} đến {1} năm (Điều 13 Thông tư 23/2023/TT-BTC)',
      en: '{field} must be {0} to {1} years (Circular 23/2023/TT-BTC Art. 13)',
    },
    wearNotApplicable: {
      vi: '{field} không áp dụng cho loại tài sản này',
      en: '{field} does not apply to this category',
    },
    wearNotWorn: {
      vi: 'Loại tài sản này không tính hao mòn: không đặt {field}',
      en: 'This category is not worn: {field} cannot be set',
    },

    // — part C: excel and print —

    // — part D: movements and inventory —

    // — part H: reporting —
  },
  fields: {
    // — part B: register —

    // — part A: wear —
    rateBasisPoints: { vi: 'Tỷ lệ hao mòn', en: 'Wear rate' },
    lifeYears: { vi: 'Thời gian sử dụng', en: 'Useful life' },
    fixedAssetThreshold: { vi: 'Ngưỡng tài sản cố định', en: 'Fixed-asset threshold' },

    // — part C: excel and print —

    // — part D: movements and inventory —

    // — part H: reporting —
  },
};

import { accumulatedWear, effectiveRate } from '@emis/domain';
import { ASSET_CLASS_VI, DISPOSAL_METHOD_VI } from '../asset-words';
import { BookRecord } from './asset-books.repository';
import { BookColumn, BookLine, FORM_NOTE, PrintedBook } from './printed-book';

const INCREASE = 'Ghi tăng tài sản cố định';
const WEAR = 'Hao mòn';
const DECREASE = 'Ghi giảm tài sản cố định';

export const FIXED_ASSET_BOOK_COLUMNS: BookColumn[] = [
  { header: 'STT', format: 'quantity', width: 5 },
  { header: 'Số hiệu chứng từ', group: INCREASE, format: 'text', width: 11 },
  { header: 'Ngày chứng từ', group: INCREASE, format: 'date', width: 11 },
  { header: 'Mã tài sản', group: INCREASE, format: 'text', width: 10 },
  { header: 'Tên tài sản', group: INCREASE, format: 'text', width: 26 },
  { header: 'Loại tài sản', group: INCREASE, format: 'text', width: 16 },
  { header: 'Ngày đưa vào sử dụng', group: INCREASE, format: 'date', width: 11 },
  { header: 'Nguyên giá', group: INCREASE, format: 'money', width: 15 },
  { header: 'Tỷ lệ (%)', group: WEAR, format: 'rate', width: 7 },
  { header: 'Hao mòn năm', group: WEAR, format: 'money', width: 14 },
  { header: 'Lũy kế hao mòn', group: WEAR, format: 'money', width: 15 },
  { header: 'Giá trị còn lại', format: 'money', width: 15 },
  { header: 'Số hiệu chứng từ', group: DECREASE, format: 'text', width: 11 },
  { header: 'Ngày chứng từ', group: DECREASE, format: 'date', width: 11 },
  { header: 'Lý do giảm', group: DECREASE, format: 'text', width: 12 },
];

/** One fixed asset's figures for the book of a year. */
export interface FixedAssetBookLine {
  record: BookRecord;
  cost: number;
  ratePercent: number | null;
  yearWear: number;
  accumulated: number;
  remaining: number;
  decrease: BookRecord['decreases'][number] | null;
}

/**
 * The lines of the fixed-asset book of `year`: every fixed asset on the books at some time in the year — put into
 * use by 31 December and not gone before 1 January. Its cost is the original cost after the cost changes effective
 * by the year's end; the year's wear is what the year's run posted (Art. 12.1.a of Circular 23/2023/TT-BTC: once a
 * year); accumulated wear counts the paper books' opening wear from its year on (Art. 16: remaining = cost − wear).
 */
export function fixedAssetBookLines(records: BookRecord[], year: number): FixedAssetBookLine[] {
  const end = `${year}-12-31`;
  return records.flatMap((record) => {
    const gone = record.decreases[0] ?? null;
    if (gone && gone.on < `${year}-01-01`) return [];
    const cost = record.costChanges.filter((c) => c.effectiveOn <= end).at(-1)?.costAfter ?? record.originalCost;
    const accumulated = accumulatedWear({
      openingWear: record.openingWearYear !== null && record.openingWearYear <= year ? record.openingWear : 0,
      posted: record.wear.filter((w) => w.year <= year),
    });
    return [
      {
        record,
        cost,
        ratePercent: ratePercent(record),
        yearWear: record.wear.find((w) => w.year === year)?.amount ?? 0,
        accumulated,
        remaining: cost - accumulated,
        decrease: gone && gone.on <= end ? gone : null,
      },
    ];
  });
}

/** The annual rate the category applies (the province's override or the default), as a percentage; a life-only rate as 100 ÷ life. */
function ratePercent(record: BookRecord): number | null {
  const rate = effectiveRate(record.category);
  if (!rate) return null;
  if (rate.rateBasisPoints !== null) return rate.rateBasisPoints / 100;
  return rate.lifeYears ? Math.round(10000 / rate.lifeYears) / 100 : null;
}

export function fixedAssetBook(unitName: string, year: number, records: BookRecord[]): PrintedBook {
  const lines = fixedAssetBookLines(records, year);
  const sum = (pick: (l: FixedAssetBookLine) => number) => lines.reduce((s, l) => s + pick(l), 0);
  const body: BookLine[] = lines.map((l, i) => ({
    cells: [
      i + 1,
      l.record.documentNumber,
      l.record.documentDate,
      l.record.code,
      l.record.name,
      ASSET_CLASS_VI[l.record.assetClass],
      l.record.inUseOn,
      l.cost,
      l.ratePercent,
      l.yearWear,
      l.accumulated,
      l.remaining,
      l.decrease?.documentNumber ?? null,
      l.decrease?.documentDate ?? null,
      l.decrease ? DISPOSAL_METHOD_VI[l.decrease.reason] : null,
    ],
  }));
  const total: BookLine = {
    kind: 'total',
    cells: [
      null,
      null,
      null,
      null,
      'Cộng',
      null,
      null,
      sum((l) => l.cost),
      null,
      sum((l) => l.yearWear),
      sum((l) => l.accumulated),
      sum((l) => l.remaining),
      null,
      null,
      null,
    ],
  };
  return {
    fileName: `so-tai-san-co-dinh-${year}`,
    unitName,
    formNumber: 'Mẫu số S24-H',
    formNote: FORM_NOTE,
    title: 'SỔ TÀI SẢN CỐ ĐỊNH',
    subtitle: `Năm ${year}`,
    columns: FIXED_ASSET_BOOK_COLUMNS,
    lines: [...body, total],
  };
}

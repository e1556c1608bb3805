import { DISPOSAL_METHOD_VI } from '../asset-words';
import { BookDecrease, BookRecord } from './asset-books.repository';
import { viDate } from './printed-book';
import { BookColumn, BookLine, FORM_NOTE, PrintedBook } from './printed-book';

const OPENING = 'Đầu năm';
const INCREASE = 'Ghi tăng trong năm';
const DECREASE = 'Ghi giảm trong năm';
const CLOSING = 'Cuối năm';

export const TOOLS_BOOK_COLUMNS: BookColumn[] = [
  { header: 'STT', format: 'quantity', width: 5 },
  { header: 'Số hiệu chứng từ', format: 'text', width: 10 },
  { header: 'Ngày chứng từ', format: 'date', width: 10 },
  { header: 'Mã', format: 'text', width: 9 },
  { header: 'Tên công cụ, dụng cụ', format: 'text', width: 24 },
  { header: 'Đơn vị tính', format: 'text', width: 7 },
  { header: 'Ngày đưa vào sử dụng', format: 'date', width: 10 },
  { header: 'Đơn giá', format: 'money', width: 12 },
  { header: 'Số lượng', group: OPENING, format: 'quantity', width: 7 },
  { header: 'Thành tiền', group: OPENING, format: 'money', width: 13 },
  { header: 'Số lượng', group: INCREASE, format: 'quantity', width: 7 },
  { header: 'Thành tiền', group: INCREASE, format: 'money', width: 13 },
  { header: 'Số lượng', group: DECREASE, format: 'quantity', width: 7 },
  { header: 'Thành tiền', group: DECREASE, format: 'money', width: 13 },
  { header: 'Chứng từ, lý do', group: DECREASE, format: 'text', width: 16 },
  { header: 'Số lượng', group: CLOSING, format: 'quantity', width: 7 },
  { header: 'Thành tiền', group: CLOSING, format: 'money', width: 13 },
];

/** One lot of tools in the year: quantities at the start, in, out, at the end (amount = quantity × unit cost). */
export interface ToolsBookLine {
  record: BookRecord;
  opening: number;
  increase: number;
  decrease: number;
  closing: number;
  decreases: BookDecrease[];
}

/**
 * The lots of tools and instruments held or moved in `year`, from the register and its decreases alone: a lot enters
 * with the quantity it was registered with (original cost ÷ unit cost) in the year put into use, and each disposal
 * (its quantity) or accepted transfer (what is left) takes quantity out on its date. Tools are tracked by quantity
 * and never worn (Art. 3.2 of Circular 23/2023/TT-BTC).
 */
export function toolsBookLines(records: BookRecord[], year: number): ToolsBookLine[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return records.flatMap((record) => {
    const acquired = record.unitCost > 0 ? Math.round(record.originalCost / record.unitCost) : record.quantity;
    let left = acquired;
    let before = 0;
    let during = 0;
    const inYear: BookDecrease[] = [];
    for (const d of record.decreases) {
      const quantity = Math.min(d.quantity ?? left, left);
      left -= quantity;
      if (d.on < start) before += quantity;
      else if (d.on <= end) {
        during += quantity;
        inYear.push(d);
      }
    }
    const opening = record.inUseOn < start ? acquired - before : 0;
    const increase = record.inUseOn >= start ? acquired : 0;
    if (opening === 0 && increase === 0) return [];
    return [{ record, opening, increase, decrease: during, closing: opening + increase - during, decreases: inYear }];
  });
}

/** The tools book, room by room (a heading, the lots, the room's subtotal), then the school's total. */
export function toolsBook(unitName: string, year: number, records: BookRecord[]): PrintedBook {
  const lines = toolsBookLines(records, year);
  const rooms = new Map<string, ToolsBookLine[]>();
  for (const line of lines) {
    const room = placeOf(line.record);
    rooms.set(room, [...(rooms.get(room) ?? []), line]);
  }
  const body: BookLine[] = [];
  let n = 0;
  for (const [room, roomLines] of rooms) {
    body.push({ kind: 'group', cells: [room, ...TOOLS_BOOK_COLUMNS.slice(1).map(() => null)] });
    for (const line of roomLines) body.push({ cells: lineCells(++n, line) });
    body.push({ kind: 'subtotal', cells: sumCells(`Cộng ${room}`, roomLines) });
  }
  body.push({ kind: 'total', cells: sumCells('Tổng cộng', lines) });
  return {
    fileName: `so-theo-doi-cong-cu-dung-cu-${year}`,
    unitName,
    formNumber: 'Mẫu số S26-H',
    formNote: FORM_NOTE,
    title: 'SỔ THEO DÕI CÔNG CỤ, DỤNG CỤ TẠI NƠI SỬ DỤNG',
    subtitle: `Năm ${year}`,
    columns: TOOLS_BOOK_COLUMNS,
    lines: body,
  };
}

function placeOf(record: BookRecord): string {
  return record.building && record.room ? `${record.building} — ${record.room}` : 'Chưa xếp phòng';
}

function lineCells(n: number, l: ToolsBookLine): BookLine['cells'] {
  const cost = l.record.unitCost;
  return [
    n,
    l.record.documentNumber,
    l.record.documentDate,
    l.record.code,
    l.record.name,
    l.record.unit,
    l.record.inUseOn,
    cost,
    l.opening,
    l.opening * cost,
    l.increase,
    l.increase * cost,
    l.decrease,
    l.decrease * cost,
    l.decreases
      .map((d) => `${d.documentNumber} ${viDate(d.documentDate)} ${DISPOSAL_METHOD_VI[d.reason]}`)
      .join('; ') || null,
    l.closing,
    l.closing * cost,
  ];
}

/** Quantities of different tools are not added (a desk and a chalk box are no sum): only the amounts are. */
function sumCells(label: string, lines: ToolsBookLine[]): BookLine['cells'] {
  const amount = (pick: (l: ToolsBookLine) => number) => lines.reduce((s, l) => s + pick(l) * l.record.unitCost, 0);
  return [
    null,
    null,
    null,
    null,
    label,
    null,
    null,
    null,
    null,
    amount((l) => l.opening),
    null,
    amount((l) => l.increase),
    null,
    amount((l) => l.decrease),
    null,
    null,
    amount((l) => l.closing),
  ];
}

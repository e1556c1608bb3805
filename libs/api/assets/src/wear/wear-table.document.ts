import type { WearTable, WearTableRow } from '@emis/contracts';
import { type ExportColumn, issuerContent, type OfficialHeading } from '@emis/api/platform';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

/** Why a line posts nothing, as the table prints it (Vietnamese, then English). */
const SKIPPED: Record<NonNullable<WearTableRow['skipped']>, string> = {
  FULLY_WORN: 'Đã tính đủ hao mòn / Fully worn',
  BROKEN: 'Hư hỏng không sử dụng được / Broken beyond use',
  DISPOSED: 'Đã ghi giảm trong năm / Left the books this year',
  NOT_WORN: 'Không tính hao mòn / Not worn',
};

const VND = new Intl.NumberFormat('vi-VN');

/** A rate in basis points as the books print it: 12,5 %. */
function percent(basisPoints: number | null): string {
  return basisPoints === null ? '' : `${new Intl.NumberFormat('vi-VN').format(basisPoints / 100)} %`;
}

/** The wear table's columns (Bảng tính hao mòn TSCĐ), shared by the Excel file and the PDF. */
export const WEAR_TABLE_COLUMNS: (ExportColumn<WearTableRow> & { en: string; money?: boolean })[] = [
  { header: 'Mã tài sản', en: 'Code', width: 14, value: (r) => r.code },
  { header: 'Tên tài sản', en: 'Asset', width: 34, value: (r) => r.name },
  { header: 'Nguyên giá', en: 'Cost', width: 16, money: true, value: (r) => r.cost },
  { header: 'Tỷ lệ hao mòn', en: 'Rate', width: 10, value: (r) => percent(r.rateBasisPoints) },
  { header: 'Số năm sử dụng', en: 'Life (years)', width: 10, value: (r) => r.lifeYears },
  {
    header: 'Hao mòn lũy kế đầu năm',
    en: 'Accumulated before',
    width: 16,
    money: true,
    value: (r) => r.accumulatedBefore,
  },
  { header: 'Hao mòn trong năm', en: 'Wear of the year', width: 16, money: true, value: (r) => r.amount },
  {
    header: 'Hao mòn lũy kế cuối năm',
    en: 'Accumulated after',
    width: 16,
    money: true,
    value: (r) => r.accumulatedAfter,
  },
  { header: 'Giá trị còn lại', en: 'Remaining value', width: 16, money: true, value: (r) => r.remainingValue },
  { header: 'Ghi chú', en: 'Note', width: 24, value: (r) => (r.skipped ? SKIPPED[r.skipped] : '') },
];

/** The table's lines followed by its total line (Cộng), for the Excel file. */
export function wearTableLines(table: WearTable): WearTableRow[] {
  const total: WearTableRow = {
    assetId: '',
    code: '',
    name: 'Cộng / Total',
    assetClass: 'OTHER_TANGIBLE',
    cost: table.total.cost,
    rateBasisPoints: null,
    lifeYears: null,
    accumulatedBefore: table.total.accumulatedAfter - table.total.amount,
    amount: table.total.amount,
    accumulatedAfter: table.total.accumulatedAfter,
    remainingValue: table.total.remainingValue,
    skipped: null,
  };
  return [...table.rows, total];
}

/**
 * The year's wear table as the school files it: its governing body, school and year at the head, one line per fixed asset with its cost,
 * rate, wear before, of and after the year and the remaining value, the total, and the signature lines. A4 landscape.
 */
export function wearTableDocument(
  issuer: Pick<OfficialHeading, 'governingBody' | 'school'>,
  table: WearTable,
): TDocumentDefinitions {
  const header: TableCell[] = WEAR_TABLE_COLUMNS.map((c) => ({
    text: [c.header, { text: `\n${c.en}`, italics: true, fontSize: 7 }],
    style: 'th',
  }));
  const lines = wearTableLines(table);
  const cell = (c: (typeof WEAR_TABLE_COLUMNS)[number], r: WearTableRow, bold: boolean): TableCell => {
    const value = c.value(r);
    if (c.money && typeof value === 'number') return { text: VND.format(value), alignment: 'right', bold };
    return { text: value === null || value === undefined ? '' : String(value), bold };
  };
  const body: TableCell[][] = [
    header,
    ...lines.map((r, i) => WEAR_TABLE_COLUMNS.map((c) => cell(c, r, i === lines.length - 1))),
  ];
  const content: Content[] = [
    issuerContent(issuer),
    { text: 'BẢNG TÍNH HAO MÒN TÀI SẢN CỐ ĐỊNH', style: 'title', margin: [0, 12, 0, 2] },
    { text: `Fixed-asset wear table — Năm / Year ${table.year}`, alignment: 'center', margin: [0, 0, 0, 4] },
    {
      text: table.posted ? 'Đã ghi sổ / Posted' : 'Bản xem trước, chưa ghi sổ / Preview, not posted',
      alignment: 'center',
      italics: true,
      margin: [0, 0, 0, 10],
    },
    {
      table: { headerRows: 1, widths: [48, '*', 62, 34, 30, 62, 58, 62, 62, 70], body },
      layout: 'lightHorizontalLines',
      fontSize: 7.5,
    },
    {
      columns: [
        { text: 'Người lập biểu / Prepared by\n(Ký, họ tên)', alignment: 'center' },
        { text: 'Kế toán trưởng / Chief accountant\n(Ký, họ tên)', alignment: 'center' },
        { text: 'Thủ trưởng đơn vị / Head of unit\n(Ký, họ tên, đóng dấu)', alignment: 'center' },
      ],
      margin: [0, 24, 0, 0],
    },
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 28],
    info: { title: `Bảng tính hao mòn TSCĐ ${table.year}` },
    defaultStyle: { fontSize: 9 },
    styles: { title: { fontSize: 13, bold: true, alignment: 'center' }, th: { bold: true, alignment: 'center' } },
    content,
  };
}

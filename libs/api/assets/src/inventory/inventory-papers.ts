import { issuerContent, officialIssuer, officialPageSetup, sheetText } from '@emis/api/platform';
import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CHECKLIST_COLUMNS, CHECKLIST_HEADER_ROW, ChecklistColumnKey, writeIdentity } from './checklist.layout';
import { ASSET_CONDITION_VI } from '../asset-words';
import { formatDong, InventoryPaper, PaperLine, ReportRow, reportRows, viDate } from './inventory-report';

/**
 * The inventory's papers in the layouts schools file: the checklist (phiếu kiểm kê) per room, with empty columns
 * for the counted quantity, condition and note, and the inventory report (biên bản kiểm kê tài sản) with the
 * books against the count, surplus and shortfall in quantity and value, and the committee's signatures.
 */

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const MONEY_FORMAT = '#,##0';

/** Excel: the title block, a row per line, the counted columns left to fill (or holding a count already saved). */
export async function checklistWorkbook(paper: InventoryPaper): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Emis';
  const ws = workbook.addWorksheet('Kiểm kê', {
    views: [{ state: 'frozen', ySplit: CHECKLIST_HEADER_ROW }],
    pageSetup: officialPageSetup({ headerRows: [CHECKLIST_HEADER_ROW, CHECKLIST_HEADER_ROW] }),
  });
  ws.columns = CHECKLIST_COLUMNS.map((c) => ({ width: c.width }));
  titleRows(ws, paper, 'PHIẾU KIỂM KÊ TÀI SẢN', CHECKLIST_COLUMNS.length);
  const header = ws.getRow(CHECKLIST_HEADER_ROW);
  CHECKLIST_COLUMNS.forEach((c, i) => styleHeader(header.getCell(i + 1), c.header));
  paper.lines.forEach((line, i) => {
    const row = ws.getRow(CHECKLIST_HEADER_ROW + 1 + i);
    CHECKLIST_COLUMNS.forEach((c, col) => {
      const cell = row.getCell(col + 1);
      cell.value = checklistValue(c.key, line, i);
      cell.border = THIN;
      if (c.key === 'bookValue') cell.numFmt = MONEY_FORMAT;
      if (c.key === 'condition')
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${Object.values(ASSET_CONDITION_VI).join(',')}"`],
        };
    });
  });
  writeIdentity(workbook, paper.inventory.id);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function checklistValue(key: ChecklistColumnKey, line: PaperLine, i: number): ExcelJS.CellValue {
  switch (key) {
    case 'no':
      return i + 1;
    case 'lineId':
      return line.id;
    case 'code':
      return line.code ?? '';
    case 'name':
      return sheetText(line.name);
    case 'room':
      return line.room;
    case 'bookQuantity':
      return line.bookQuantity;
    case 'bookValue':
      return line.bookValue;
    case 'countedQuantity':
      return line.countedQuantity;
    case 'condition':
      return line.condition ? ASSET_CONDITION_VI[line.condition] : null;
    case 'note':
      return line.note ? sheetText(line.note) : null;
  }
}

/** PDF: the same checklist to print and fill in by hand. */
export function checklistDocument(paper: InventoryPaper): TDocumentDefinitions {
  const columns = CHECKLIST_COLUMNS.filter((c) => c.key !== 'lineId');
  const body: TableCell[][] = [
    columns.map((c) => ({ text: c.header, style: 'th' })),
    ...paper.lines.map((line, i) =>
      columns.map((c): TableCell => {
        const v = checklistValue(c.key, line, i);
        if (c.key === 'bookValue') return { text: formatDong(line.bookValue), alignment: 'right' };
        return {
          text: v === null || v === undefined ? '' : String(v),
          alignment: typeof v === 'number' ? 'right' : 'left',
        };
      }),
    ),
  ];
  return pdfPage(paper, 'PHIẾU KIỂM KÊ TÀI SẢN', [
    { table: { headerRows: 1, widths: [22, 50, '*', 80, 40, 70, 45, 45, 90], body }, fontSize: 8 },
    signatures(paper.inventory.committee),
  ]);
}

const REPORT_HEADERS = [
  'STT',
  'Mã tài sản',
  'Tên tài sản',
  'Vị trí',
  'SL sổ sách',
  'Nguyên giá sổ sách',
  'SL thực tế',
  'Giá trị thực tế',
  'SL thừa',
  'Giá trị thừa',
  'SL thiếu',
  'Giá trị thiếu',
  'Tình trạng',
  'Ghi chú',
];
const REPORT_WIDTHS = [5, 12, 32, 18, 9, 15, 9, 15, 8, 14, 8, 14, 10, 24];

function reportValues(r: ReportRow, i: number): (string | number | null)[] {
  const l = r.line;
  return [
    i + 1,
    l.code ?? '',
    l.name,
    l.room,
    l.bookQuantity,
    l.bookValue,
    r.counted?.quantity ?? null,
    r.counted?.value ?? null,
    r.surplus?.quantity ?? null,
    r.surplus?.value ?? null,
    r.shortfall?.quantity ?? null,
    r.shortfall?.value ?? null,
    r.condition,
    l.countedQuantity === null ? 'Chưa kiểm' : (l.note ?? ''),
  ];
}

/** Excel: the biên bản with a total row; money as numbers formatted 1.250.000. */
export async function reportWorkbook(paper: InventoryPaper): Promise<Buffer> {
  const { rows, totals } = reportRows(paper.lines);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Emis';
  const ws = workbook.addWorksheet('Biên bản kiểm kê', {
    pageSetup: officialPageSetup({ headerRows: [CHECKLIST_HEADER_ROW, CHECKLIST_HEADER_ROW] }),
  });
  ws.columns = REPORT_WIDTHS.map((width) => ({ width }));
  titleRows(ws, paper, 'BIÊN BẢN KIỂM KÊ TÀI SẢN', REPORT_HEADERS.length);
  const header = ws.getRow(CHECKLIST_HEADER_ROW);
  REPORT_HEADERS.forEach((text, i) => styleHeader(header.getCell(i + 1), text));
  rows.forEach((r, i) => {
    const row = ws.getRow(CHECKLIST_HEADER_ROW + 1 + i);
    reportValues(r, i).forEach((v, col) => {
      const cell = row.getCell(col + 1);
      cell.value = typeof v === 'string' ? sheetText(v) : v;
      cell.border = THIN;
      if ([5, 7, 9, 11].includes(col)) cell.numFmt = MONEY_FORMAT;
    });
  });
  const total = ws.getRow(CHECKLIST_HEADER_ROW + 1 + rows.length);
  total.getCell(3).value = 'Cộng';
  total.getCell(6).value = totals.bookValue;
  total.getCell(10).value = totals.surplusValue;
  total.getCell(12).value = totals.shortfallValue;
  total.font = { bold: true };
  [6, 10, 12].forEach((col) => (total.getCell(col).numFmt = MONEY_FORMAT));
  let at = CHECKLIST_HEADER_ROW + 3 + rows.length;
  ws.getCell(at++, 1).value =
    `Số dòng đã kiểm: ${totals.counted}/${totals.lines}; thừa ${totals.surplusLines} dòng, thiếu ${totals.shortfallLines} dòng.`;
  ws.getCell(at++, 1).value = 'Hội đồng kiểm kê:';
  for (const name of paper.inventory.committee) ws.getCell(at++, 1).value = `${name} ……………………… (ký)`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** PDF: the biên bản, A4 landscape, with the committee's signature blocks. */
export function reportDocument(paper: InventoryPaper): TDocumentDefinitions {
  const { rows, totals } = reportRows(paper.lines);
  const money = new Set([5, 7, 9, 11]);
  const cell = (v: string | number | null, col: number): TableCell => ({
    text: v === null ? '' : money.has(col) && typeof v === 'number' ? formatDong(v) : String(v),
    alignment: typeof v === 'number' ? 'right' : 'left',
  });
  const blank = (n: number): TableCell[] => Array.from({ length: n }, () => ({ text: '' }));
  const body: TableCell[][] = [
    REPORT_HEADERS.map((text) => ({ text, style: 'th' })),
    ...rows.map((r, i) => reportValues(r, i).map(cell)),
    [
      ...blank(2),
      { text: 'Cộng', bold: true },
      ...blank(2),
      { text: formatDong(totals.bookValue), bold: true, alignment: 'right' },
      ...blank(3),
      { text: formatDong(totals.surplusValue), bold: true, alignment: 'right' },
      { text: '' },
      { text: formatDong(totals.shortfallValue), bold: true, alignment: 'right' },
      ...blank(2),
    ],
  ];
  return pdfPage(paper, 'BIÊN BẢN KIỂM KÊ TÀI SẢN', [
    {
      table: { headerRows: 1, widths: [18, 40, '*', 55, 28, 55, 28, 55, 25, 50, 25, 50, 32, 60], body },
      fontSize: 7,
    },
    {
      text: `Số dòng đã kiểm: ${totals.counted}/${totals.lines}; thừa ${totals.surplusLines} dòng, thiếu ${totals.shortfallLines} dòng.`,
      margin: [0, 8, 0, 0],
    },
    signatures(paper.inventory.committee),
  ]);
}

/** The issuer's lines (governing body, school), then the title and what the paper covers. */
function titleLines(paper: InventoryPaper, heading: string): { issuer: string[]; title: string[] } {
  const inv = paper.inventory;
  const issuer = officialIssuer({ governingBody: paper.governingBody, school: paper.schoolName });
  return {
    issuer,
    title: [
      heading,
      `${inv.title} — Thời điểm kiểm kê: ${viDate(inv.countDate)}`,
      paper.room ? `Vị trí: ${paper.room}` : 'Toàn trường',
      inv.decisionNumber ? `Quyết định phê duyệt số ${inv.decisionNumber}` : '',
    ],
  };
}

function titleRows(ws: ExcelJS.Worksheet, paper: InventoryPaper, heading: string, width: number): void {
  const { issuer, title } = titleLines(paper, heading);
  [...issuer, ...title].forEach((text, i) => {
    ws.mergeCells(i + 1, 1, i + 1, width);
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    const isIssuer = i < issuer.length;
    cell.font = { bold: i === issuer.length - 1 || i === issuer.length, size: i === issuer.length ? 14 : 11 };
    cell.alignment = { horizontal: isIssuer ? 'left' : 'center' };
  });
}

function styleHeader(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.border = THIN;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function pdfPage(paper: InventoryPaper, heading: string, content: Content[]): TDocumentDefinitions {
  const [title, ...rest] = titleLines(paper, heading).title;
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 28],
    info: { title: `${title} ${paper.inventory.title}` },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: { th: { bold: true, alignment: 'center', fillColor: '#DDEBF7' } },
    content: [
      issuerContent({ governingBody: paper.governingBody, school: paper.schoolName }),
      { text: title, bold: true, fontSize: 14, alignment: 'center', margin: [0, 8, 0, 2] },
      ...rest.filter(Boolean).map((text): Content => ({ text, alignment: 'center' })),
      { text: '', margin: [0, 0, 0, 8] },
      ...content,
    ],
  };
}

/** One signature block per member of the committee (none before it is named at closing). */
function signatures(committee: string[]): Content {
  return {
    margin: [0, 16, 0, 0],
    stack: [
      { text: 'HỘI ĐỒNG KIỂM KÊ', bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      {
        columns: (committee.length ? committee : ['']).map((name) => ({
          stack: [
            { text: '(Ký, ghi rõ họ tên)', italics: true },
            { text: name || ' ', margin: [0, 40, 0, 0] },
          ],
          alignment: 'center',
        })),
      },
    ],
  };
}

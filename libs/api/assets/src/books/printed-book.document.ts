import { officialIssuer } from '@emis/api/platform';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { BOOK_SIGNATURES, BookColumn, formatCell, PrintedBook } from './printed-book';

const MARGIN = 24;
/** A4 landscape less the margins and the table's cell padding and rules. */
const USABLE_WIDTH = 841.89 - 2 * MARGIN - 80;

/** The book as an A4 landscape PDF, the same table as the workbook; its headings repeat on every page. */
export function bookDocument(book: PrintedBook): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN, 28, MARGIN, 28],
    info: { title: `${book.title} — ${book.subtitle}` },
    defaultStyle: { fontSize: 7.5 },
    footer: (page, pages) => ({ text: `Trang ${page}/${pages}`, alignment: 'center', fontSize: 7 }),
    content: [titleBlock(book), table(book), signatures()],
  };
}

function titleBlock(book: PrintedBook): Content {
  return {
    stack: [
      {
        columns: [
          {
            stack: [
              ...officialIssuer({ governingBody: book.governingBody }).map((text) => ({ text })),
              { text: `Đơn vị: ${book.unitName}`, bold: true },
            ],
            width: '*',
          },
          {
            stack: [
              { text: book.formNumber, bold: true },
              { text: book.formNote, italics: true, fontSize: 7 },
            ],
            alignment: 'center',
            width: 220,
          },
        ],
      },
      { text: book.title, bold: true, fontSize: 13, alignment: 'center', margin: [0, 10, 0, 2] },
      { text: book.subtitle, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
    ],
  };
}

function table(book: PrintedBook): Content {
  const { columns } = book;
  const body: TableCell[][] = [...headings(columns), columns.map((_, i) => ({ text: String(i + 1), italics: true }))];
  for (const line of book.lines) {
    if (line.kind === 'group') {
      body.push([
        { text: line.cells.find((c) => c !== null)?.toString() ?? '', colSpan: columns.length, bold: true },
        ...columns.slice(1).map(() => ''),
      ]);
      continue;
    }
    body.push(
      line.cells.map((value, i) => ({
        text: formatCell(value, columns[i].format),
        alignment: columns[i].format === 'text' ? 'left' : columns[i].format === 'date' ? 'center' : 'right',
        bold: !!line.kind,
      })),
    );
  }
  const share = USABLE_WIDTH / columns.reduce((sum, c) => sum + c.width, 0);
  return {
    table: { headerRows: 3, widths: columns.map((c) => c.width * share), body, dontBreakRows: true },
    layout: { paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1, paddingBottom: () => 1 },
  };
}

/** Two heading rows: a group heading spans its columns, an ungrouped column's heading spans both rows. */
function headings(columns: BookColumn[]): TableCell[][] {
  const top: TableCell[] = [];
  const second: TableCell[] = [];
  columns.forEach((column, i) => {
    const heading = { bold: true, alignment: 'center' as const };
    if (!column.group) {
      top.push({ ...heading, text: column.header, rowSpan: 2 });
      second.push('');
      return;
    }
    if (columns[i - 1]?.group !== column.group) {
      let span = 1;
      while (columns[i + span]?.group === column.group) span++;
      top.push({ ...heading, text: column.group, colSpan: span });
    } else top.push('');
    second.push({ ...heading, text: column.header });
  });
  return [top, second];
}

function signatures(): Content {
  return {
    unbreakable: true,
    margin: [0, 14, 0, 0],
    stack: [
      { text: '…, ngày … tháng … năm …', alignment: 'right', italics: true, margin: [0, 0, 20, 4] },
      {
        columns: BOOK_SIGNATURES.map((s) => ({
          stack: [
            { text: s.title, bold: true },
            { text: s.note, italics: true },
          ],
          alignment: 'center' as const,
        })),
      },
    ],
  };
}

import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { LabelAsset } from './asset-labels.repository';

/** A4 in points, and the common 24-up label sheet cut into 3 columns of 8 labels (70 × 37 mm each). */
const A4 = { width: 595.28, height: 841.89 };
export const LABEL_SHEET = { columns: 3, rows: 8 } as const;
const LABEL = { width: A4.width / LABEL_SHEET.columns, height: A4.height / LABEL_SHEET.rows };
const QR_SIZE = 78;

/** The labels meet edge to edge: no rules, no cell padding (the label's own margin keeps the print off the cut). */
const LABEL_GRID = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** What a label shows; `url` is the asset's page, which a phone camera opens from the QR code. */
export interface AssetLabel {
  asset: LabelAsset;
  schoolName: string;
  url: string;
}

/** One label on a page of its own size, for a label printer. */
export function singleLabelDocument(label: AssetLabel): TDocumentDefinitions {
  return {
    pageSize: { width: LABEL.width, height: LABEL.height },
    pageMargins: [0, 0, 0, 0],
    info: { title: `Nhãn tài sản ${label.asset.code}` },
    content: [labelContent(label)],
  };
}

/** Labels on A4 sheets of 3 × 8, filled row by row; a sheet more per 24 labels. */
export function labelSheetDocument(labels: AssetLabel[]): TDocumentDefinitions {
  const perSheet = LABEL_SHEET.columns * LABEL_SHEET.rows;
  const sheets: AssetLabel[][] = [];
  for (let i = 0; i < labels.length; i += perSheet) sheets.push(labels.slice(i, i + perSheet));
  return {
    pageSize: 'A4',
    pageMargins: [0, 0, 0, 0],
    info: { title: 'Nhãn tài sản' },
    content: sheets.map((sheet, i): Content => ({
      pageBreak: i > 0 ? 'before' : undefined,
      layout: LABEL_GRID,
      table: {
        widths: Array(LABEL_SHEET.columns).fill(LABEL.width - 0.01),
        heights: LABEL.height - 0.01,
        dontBreakRows: true,
        body: rowsOf(sheet).map((row) =>
          Array.from({ length: LABEL_SHEET.columns }, (_, c) => (row[c] ? labelContent(row[c]) : '')),
        ),
      },
    })),
  };
}

function rowsOf(labels: AssetLabel[]): AssetLabel[][] {
  const rows: AssetLabel[][] = [];
  for (let i = 0; i < labels.length; i += LABEL_SHEET.columns) rows.push(labels.slice(i, i + LABEL_SHEET.columns));
  return rows;
}

/** QR code on the left; school, code, name (cut to fit two lines) and the year put into use on the right. */
function labelContent({ asset, schoolName, url }: AssetLabel): Content {
  return {
    margin: [8, (LABEL.height - QR_SIZE) / 2, 6, 0],
    columns: [
      { qr: url, fit: QR_SIZE, eccLevel: 'M', width: QR_SIZE },
      {
        width: '*',
        margin: [6, 0, 0, 0],
        stack: [
          { text: schoolName, fontSize: 6.5, bold: true },
          { text: asset.code, fontSize: 12, bold: true, margin: [0, 3, 0, 1] },
          { text: shorten(asset.name, 64), fontSize: 8 },
          { text: `Năm sử dụng: ${asset.inUseYear}`, fontSize: 7, margin: [0, 3, 0, 0] },
        ],
      },
    ],
  };
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

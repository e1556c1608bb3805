import type { Response } from 'express';
import { dirname, join } from 'node:path';
import pdfmake = require('pdfmake');
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { officialIssuer, OfficialHeading } from '../excel/official-sheet';
import { ExportWatermark, watermarkText } from '../watermark/export-watermark';

/** Roboto as pdfmake ships it: it covers every Vietnamese letter with its diacritics. */
const FONT_DIR = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');

let configured = false;

/**
 * pdfmake 0.3's Node API is one module-wide instance: fonts are files read through its local access policy, which
 * admits the font directory only; documents name no URLs, so every download is refused.
 */
function configurePdfmake(): void {
  if (configured) return;
  pdfmake.setFonts({
    Roboto: {
      normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
  pdfmake.setUrlAccessPolicy(() => false);
  configured = true;
}

/** Lays out a document (Roboto by default) into a PDF held in memory: the documents here are a few pages. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configurePdfmake();
  return pdfmake.createPdf({ ...doc, defaultStyle: { font: 'Roboto', ...doc.defaultStyle } }).getBuffer();
}

/**
 * A document of personal data marked with the exporting account and the time: a line under every page's own footer,
 * and the file's metadata (author, subject), so a printed or forwarded copy names its source.
 */
export function watermarkPdf(doc: TDocumentDefinitions, w: ExportWatermark): TDocumentDefinitions {
  const line: Content = { text: watermarkText(w), fontSize: 7, color: '#555555', margin: [40, 2, 40, 0] };
  const own = doc.footer;
  const footer: DynamicContent = (page, pages, size) => {
    const base = typeof own === 'function' ? own(page, pages, size) : own;
    return base ? { stack: [base, line] } : line;
  };
  return {
    ...doc,
    footer,
    info: { ...doc.info, author: `${w.fullName} (${w.username})`, subject: watermarkText(w), creationDate: w.at },
  };
}

/** Sends a rendered PDF as a download named `fileName` (Vietnamese kept in filename*, ASCII in filename). */
export function sendPdf(res: Response, fileName: string, pdf: Buffer): void {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  res.setHeader('Content-Length', pdf.length);
  res.end(pdf);
}

/**
 * The issuer's block at the top left of an official PDF: the governing body, then the school in bold
 * (officialIssuer; docs/domain/records.md, "Official papers").
 */
export function issuerContent(heading: Pick<OfficialHeading, 'governingBody' | 'school'>): Content {
  const lines = officialIssuer(heading);
  return { stack: lines.map((text, i) => ({ text, bold: i === lines.length - 1 })) };
}

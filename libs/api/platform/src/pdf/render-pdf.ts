import { dirname, join } from 'node:path';
import pdfmake = require('pdfmake');
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

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

/** Renders a pdfmake document (font Roboto) to a PDF file. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configurePdfmake();
  return pdfmake.createPdf(doc).getBuffer();
}

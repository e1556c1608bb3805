import { renderPdf } from '@emis/api/platform';
import { AssetLabel, LABEL_SHEET, labelSheetDocument, singleLabelDocument } from './asset-label.document';

const label = (n: number): AssetLabel => ({
  asset: {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    code: `CC-${String(n).padStart(4, '0')}`,
    name: 'Bàn ghế học sinh hai chỗ ngồi, khung sắt sơn tĩnh điện, mặt gỗ ép chống nước, có ngăn để sách vở',
    inUseYear: 2023,
  },
  schoolName: 'Trường THCS Như Quỳnh',
  url: `https://emis.example.gov.vn/assets/${n}`,
});

/** Pages of a PDF written by pdfkit: its page objects' dictionaries are plain text. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

describe('asset labels', () => {
  it('fits 24 labels (3 × 8) on one A4 sheet, long names included, and starts a second sheet for the 25th', async () => {
    const perSheet = LABEL_SHEET.columns * LABEL_SHEET.rows;
    expect(perSheet).toBe(24);
    const full = Array.from({ length: perSheet }, (_, i) => label(i + 1));
    expect(pageCount(await renderPdf(labelSheetDocument(full)))).toBe(1);
    expect(pageCount(await renderPdf(labelSheetDocument([...full, label(25)])))).toBe(2);
  });

  it('prints a single label on one page of its own size', async () => {
    const pdf = await renderPdf(singleLabelDocument(label(1)));
    expect(pageCount(pdf)).toBe(1);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 198\.4\d* 105\.2\d*\]/);
  });
});

import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { schoolYear } from './finance-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { schoolWithAdmin } from './imports-fixtures';
import { pdfPages } from './pdf-text';

/**
 * The governing body's line above the school on the papers a school files (docs/domain/records.md, "Official
 * papers"): the books on the forms of Circular 107/2017/TT-BTC (cash and bank books, collection summary, budget
 * execution, fixed-asset and tools books), the inventory papers, the wear table and the debtor list — read back from
 * the workbooks and the PDFs' text. A school of the spec's own, under the district office the demo data has.
 */
describe('the governing body on the official papers', () => {
  let t: TestApp;
  let schoolId: string;
  let token: string;
  let governing: string;
  let school: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ schoolId, token } = await schoolWithAdmin(t));
    const [row] = await t.owner.query(
      `select s.name as school, p.name as parent from org_unit s join org_unit p on p.id = s.parent_id where s.id = $1`,
      [schoolId],
    );
    governing = String(row.parent).toUpperCase();
    school = String(row.school);
  });

  afterAll(() => t?.close());

  async function download(path: string, query: Record<string, string | number> = {}): Promise<Buffer> {
    const res = await t
      .http()
      .get(`/api/schools/${schoolId}${path}`)
      .query(query)
      .set(bearer(token))
      .buffer(true)
      .parse(binary);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res.body as Buffer;
  }

  /** The first sheet's text cells, top to bottom, left to right; a merged range counts once. */
  async function sheetTexts(file: Buffer): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.master.address === cell.address) texts.push(cell.text);
      }),
    );
    return texts;
  }

  /** The governing body's line comes first, the unit's right under it. */
  function expectIssuerFirst(texts: string[], unitLine: string): void {
    const at = texts.indexOf(governing);
    expect(at).toBe(0);
    expect(texts.slice(at, at + 4)).toContain(unitLine);
  }

  it('heads the Circular 107 books in Excel with the governing body above "Đơn vị", and in the page header', async () => {
    const year = await schoolYear(t, 2087);
    const books: [string, Record<string, string | number>][] = [
      ['/books/cash.xlsx', { from: '2087-09-01', to: '2087-12-31' }],
      ['/books/bank.xlsx', { from: '2087-09-01', to: '2087-12-31' }],
      ['/collection-summary.xlsx', { schoolYearId: year.id }],
      ['/budget/execution.xlsx', { fiscalYear: 2025 }],
      ['/asset-books/fixed-assets.xlsx', { year: 2025 }],
      ['/asset-books/tools.xlsx', { year: 2025 }],
    ];
    for (const [path, query] of books) {
      const file = await download(path, query);
      expectIssuerFirst(await sheetTexts(file), `Đơn vị: ${school}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as unknown as ArrayBuffer);
      expect({ path, header: wb.worksheets[0].headerFooter.oddHeader }).toEqual({
        path,
        header: expect.stringContaining(governing),
      });
    }
  });

  it('heads the same books as PDF with the governing body above the unit', async () => {
    const year = await schoolYear(t, 2087);
    const books: [string, Record<string, string | number>][] = [
      ['/books/cash.pdf', { from: '2087-09-01', to: '2087-12-31' }],
      ['/collection-summary.pdf', { schoolYearId: year.id }],
      ['/budget/execution.pdf', { fiscalYear: 2025 }],
      ['/asset-books/fixed-assets.pdf', { year: 2025 }],
    ];
    for (const [path, query] of books) {
      const text = pdfPages(await download(path, query))[0];
      expect({ path, head: text.slice(0, governing.length + 2) }).toEqual({
        path,
        head: expect.stringContaining(governing),
      });
      expect(text.indexOf(`Đơn vị: ${school}`)).toBeGreaterThan(text.indexOf(governing));
    }
  });

  it('heads the wear table and the debtor list PDFs with the governing body, then the school', async () => {
    for (const text of [
      pdfPages(await download('/asset-wear/2025/export.pdf'))[0],
      pdfPages(await download('/debtors.pdf'))[0],
    ]) {
      expect(text.startsWith(governing)).toBe(true);
      expect(text.indexOf(school.toUpperCase())).toBeGreaterThan(governing.length - 1);
    }
  });

  it('heads the inventory checklist and report, in Excel and PDF, with the governing body, then the school', async () => {
    const created = await t
      .http()
      .post(`/api/schools/${schoolId}/asset-inventories`)
      .set(bearer(token))
      .send({ year: 2026, title: 'Kiểm kê cuối năm', countDate: '2026-12-21' });
    expect(created.status).toBe(201);
    const base = `/asset-inventories/${created.body.id}`;
    for (const paper of ['checklist', 'report']) {
      const texts = await sheetTexts(await download(`${base}/${paper}.xlsx`));
      expect(texts.slice(0, 2)).toEqual([governing, school.toUpperCase()]);
      const text = pdfPages(await download(`${base}/${paper}.pdf`))[0];
      expect(text.startsWith(governing)).toBe(true);
      expect(text).toContain(school.toUpperCase());
    }
  });
});

function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

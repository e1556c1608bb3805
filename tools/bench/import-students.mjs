// Scenario "import-10k": a school administrator uploads a 10,000-row student list (the People import: validate
// every row, then one transaction) and waits for the job. Baseline: the same students, guardians and enrolments
// with one audit entry each, inserted from arrays in one transaction as the application role.
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { measured, schoolAdminToken, single } from './fixtures.mjs';
import { presentScope } from './scope.mjs';

const ROWS = 10_000;
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

async function workbook(pupils) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Danh sách');
  sheet.addRow(HEADERS);
  pupils.forEach((p, i) =>
    sheet.addRow([
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
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
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

async function baseline(ctx, school, pupils) {
  const client = new pg.Client({ connectionString: ctx.appUrl });
  await client.connect();
  try {
    const started = performance.now();
    const ids = pupils.map(() => randomUUID());
    const at = new Date();
    await client.query('begin');
    await presentScope(client, { schoolIds: [school.id] });
    await client.query(
      `insert into student (school_id, id, personal_id, full_name, date_of_birth, gender, ethnicity, nationality, place_of_birth, permanent_address, created_at, updated_at)
       select $1, u.id, u.pid, u.name, u.dob, u.gender, '01', 'Việt Nam', 'Hưng Yên', 'Thôn 1, xã Như Quỳnh', $7, $7
         from unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[]) as u(id, pid, name, dob, gender)`,
      [
        school.id,
        ids,
        pupils.map((p) => p.personalId),
        pupils.map((p) => p.fullName),
        pupils.map((p) => p.dob),
        pupils.map((p) => p.gender),
        at,
      ],
    );
    await client.query(
      `insert into guardian (school_id, student_id, relation, full_name, phone)
       select $1, s, r.relation, r.name, r.phone from unnest($2::uuid[]) s
       cross join (values ('FATHER', 'Trần Văn Bình', '0912345678'), ('MOTHER', 'Lê Thị Hoa', '0987654321')) as r(relation, name, phone)`,
      [school.id, ids],
    );
    await client.query(
      `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date)
       select $1, u.s, u.c, $4, '2026-09-05' from unnest($2::uuid[], $3::uuid[]) as u(s, c)`,
      [school.id, ids, pupils.map((p) => p.classId), school.yearId],
    );
    const after = pupils.map((p) =>
      JSON.stringify({ personalId: p.personalId, fullName: p.fullName, dateOfBirth: p.dob, gender: p.gender }),
    );
    await client.query(
      `select audit_append_batch($1, $2, null, 'bench', $1, $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[])`,
      [school.id, at, pupils.map(() => 'student'), ids, pupils.map(() => 'CREATE'), pupils.map(() => null), after],
    );
    await client.query('commit');
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

export async function run(ctx) {
  const school = await schoolWithClasses(ctx, 0);
  const pupils = Array.from({ length: ROWS }, (_, i) => pupil(i, school.classes));
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
    scenario: 'import-10k',
    description: `upload a ${ROWS}-row student list (${(file.length / 1e6).toFixed(1)} MB) and wait for the job; API peak RSS ${peakMb} MB (+${growthMb} MB)`,
    unit: 'rows/s',
    ours: single(seconds, ROWS, { peakRssMb: peakMb, rssGrowthMb: growthMb }),
    baseline: single(base, ROWS),
  };
}

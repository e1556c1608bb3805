// Scenario "bank-import-10k": a school's accountant imports a 10,000-line bank statement (POST …/bank-statements,
// an .xlsx file: every line checked first, then matched by the pupil's payment code in the description and each
// matched line recorded as a bank payment with its receipt number through the payments service, the rest listed as
// unmatched) — timed from the upload to the answer, the API's peak resident memory beside it. The statement is made
// for the school with most pupils owing (the second semester generated first if it has no dues, untimed): transfers
// splitting what each pupil owes into a few parts, and 3 % of lines naming no pupil. Baseline: raw PostgreSQL
// writing what the import writes for the same lines — the statement, its lines, a payment with the next receipt
// numbers and its allocation for each matched line, the lines marked matched — from arrays in one transaction as the
// application role, rolled back: the floor of the write, with no file read, no check and no matching.
import ExcelJS from 'exceljs';
import pg from 'pg';
import { accountantTokens, call, openYear, secondSemesters } from './finance-fixtures.mjs';
import { measured, single } from './fixtures.mjs';
import { presentScope } from './scope.mjs';

const LINES = 10_000;
/** Lines naming no pupil: left unmatched for a person. */
const UNMATCHED_SHARE = 0.03;

/** The school with most pupils owing, and what each owes on each charge (oldest first). */
async function owingSchool(owner) {
  const {
    rows: [school],
  } = await owner.query(
    `select c.school_id, count(distinct c.student_id)::int as pupils
       from finance_charge c
      where c.due_amount + coalesce((select sum(j.amount) from finance_charge_adjustment j
                                      where j.school_id = c.school_id and j.charge_id = c.id), 0)
            > coalesce((select sum(a.amount) from finance_allocation a
                         where a.school_id = c.school_id and a.charge_id = c.id), 0) + 20000
      group by c.school_id order by pupils desc limit 1`,
  );
  return school;
}

async function owing(owner, schoolId) {
  const { rows } = await owner.query(
    `select c.student_id, s.personal_id as code, s.full_name,
            sum(c.due_amount + coalesce((select sum(j.amount) from finance_charge_adjustment j
                                          where j.school_id = c.school_id and j.charge_id = c.id), 0)
                - coalesce((select sum(a.amount) from finance_allocation a
                             where a.school_id = c.school_id and a.charge_id = c.id), 0))::bigint as outstanding
       from finance_charge c join student s on s.school_id = c.school_id and s.id = c.student_id
      where c.school_id = $1 group by c.student_id, s.personal_id, s.full_name
     having sum(c.due_amount) > 0`,
    [schoolId],
  );
  return rows.map((r) => ({ ...r, outstanding: Number(r.outstanding) })).filter((r) => r.outstanding >= 20_000);
}

/** The statement's lines: each owing pupil's debt split into equal parts (whole thousands), then lines of no pupil. */
function statementLines(pupils) {
  const named = Math.round(LINES * (1 - UNMATCHED_SHARE));
  const parts = Math.max(1, Math.ceil(named / pupils.length));
  const lines = [];
  for (const p of pupils) {
    const part = Math.floor(p.outstanding / parts / 1000) * 1000;
    for (let k = 0; k < parts && lines.length < named && part > 0; k++)
      lines.push({ amount: part, description: `HP${p.code} ${p.full_name} nop tien hoc ky II lan ${k + 1}` });
  }
  while (lines.length < LINES) lines.push({ amount: 150_000, description: `CHUYEN TIEN ${lines.length}` });
  return lines.map((l, i) => ({ ...l, reference: `BENCH${String(i + 1).padStart(7, '0')}`, bookedOn: '2026-11-25' }));
}

async function workbook(lines) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sao kê');
  sheet.addRow(['Ngày', 'Số tiền', 'Số tham chiếu', 'Nội dung', 'Người chuyển']);
  for (const l of lines)
    sheet.addRow([l.bookedOn.split('-').reverse().join('/'), l.amount, l.reference, l.description, null]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function ours(ctx, token, schoolId, file) {
  return measured(ctx.apiPid, async () => {
    const form = new FormData();
    form.append('file', new Blob([file]), 'sao-ke-bench.xlsx');
    const res = await fetch(`${ctx.baseUrl}/api/schools/${schoolId}/bank-statements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const body = await res.json();
    if (!res.ok || body.errors?.length) throw new Error(`import: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
    return body;
  });
}

/** The same writes from arrays, as the application role with the school's scope, rolled back. */
async function baseline(ctx, schoolId, lines, pupils) {
  const byCode = new Map(pupils.map((p) => [p.code, p.student_id]));
  const student = (d) => byCode.get(/^HP(\d{12})/.exec(d)?.[1]) ?? null;
  const client = new pg.Client({ connectionString: ctx.appUrl });
  await client.connect();
  try {
    await client.query('begin');
    await presentScope(client, { schoolIds: [schoolId] });
    const started = performance.now();
    const {
      rows: [statement],
    } = await client.query(
      `insert into finance_bank_statement (school_id, file_name, line_count, total_amount) values ($1, 'bench', $2, $3)
       returning id`,
      [schoolId, lines.length, lines.reduce((n, l) => n + l.amount, 0)],
    );
    const matched = lines.filter((l) => student(l.description));
    const {
      rows: [counter],
    } = await client.query(
      `insert into finance_counter (school_id, series, year, last_number) values ($1, 'RECEIPT', 2026, $2)
       on conflict (school_id, series, year) do update set last_number = finance_counter.last_number + $2
       returning last_number - $2 as first`,
      [schoolId, matched.length],
    );
    await client.query(
      `with p as (
         insert into finance_payment (school_id, kind, doc_series, doc_year, doc_number, student_id, paid_on, method,
                                      bank_reference, amount)
         select $1, 'PAYMENT', 'RECEIPT', 2026, $2 + x.n, x.student_id, x.booked_on, 'BANK', x.reference, x.amount
           from unnest($3::uuid[], $4::date[], $5::text[], $6::bigint[]) with ordinality
                as x(student_id, booked_on, reference, amount, n)
         returning id, student_id, amount, bank_reference),
       l as (
         insert into finance_bank_line (school_id, statement_id, line_no, booked_on, amount, reference, description,
                                        status, payment_id)
         select $1, $7, x.n, x.booked_on, x.amount, x.reference, x.description,
                case when p.id is null then 'UNMATCHED' else 'MATCHED' end, p.id
           from unnest($8::date[], $9::bigint[], $10::text[], $11::text[]) with ordinality
                as x(booked_on, amount, reference, description, n)
           left join p on p.bank_reference = x.reference
         returning 1)
       insert into finance_allocation (school_id, payment_id, charge_id, amount)
       select $1, p.id, (select c.id from finance_charge c where c.school_id = $1 and c.student_id = p.student_id
                          order by c.created_at, c.id limit 1), p.amount
         from p`,
      [
        schoolId,
        counter.first,
        matched.map((l) => student(l.description)),
        matched.map((l) => l.bookedOn),
        matched.map((l) => l.reference),
        matched.map((l) => l.amount),
        statement.id,
        lines.map((l) => l.bookedOn),
        lines.map((l) => l.amount),
        lines.map((l) => l.reference),
        lines.map((l) => l.description),
      ],
    );
    return { seconds: (performance.now() - started) / 1000, matched: matched.length };
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

export async function run(ctx) {
  const school = await owingSchool(ctx.owner);
  if (!school) throw new Error('bank-import-10k needs pupils owing: run it on a province seeded with finance');
  const [token] = [...(await accountantTokens(ctx, [school.school_id], 'bench.bank')).values()];
  let pupils = await owing(ctx.owner, school.school_id);
  if (pupils.length < 100) {
    // Too few owing for a realistic statement: the second semester's dues first (untimed).
    const year = await openYear(ctx.owner);
    const periods = await secondSemesters(ctx, new Map([[school.school_id, token]]), year);
    const base = `/api/schools/${school.school_id}/fee-periods/${periods.get(school.school_id)}`;
    let gen = await call(ctx, token, 'POST', `${base}/generate`, {});
    while (gen.status === 'QUEUED' || gen.status === 'RUNNING') {
      await new Promise((r) => setTimeout(r, 250));
      gen = await call(ctx, token, 'GET', `${base}/generation`);
    }
    pupils = await owing(ctx.owner, school.school_id);
  }
  const lines = statementLines(pupils);
  const file = await workbook(lines);
  const base = await baseline(ctx, school.school_id, lines, pupils);
  const { result, seconds, peakMb, growthMb } = await ours(ctx, token, school.school_id, file);
  return {
    scenario: 'bank-import-10k',
    description:
      `a ${lines.length}-line statement (${Math.round(file.length / 1024)} KB .xlsx) of a school with ${pupils.length} ` +
      `pupils owing: ${result.matched} lines matched and paid with receipts, ${result.unmatched} left unmatched, ` +
      `API peak RSS ${peakMb} MB (+${growthMb} MB); baseline the same writes from arrays: ${base.matched} payments`,
    unit: 'lines/s',
    ours: single(seconds, lines.length, {
      matched: result.matched,
      unmatched: result.unmatched,
      peakRssMb: peakMb,
      rssGrowthMb: growthMb,
    }),
    baseline: single(base.seconds, lines.length, { matched: base.matched }),
  };
}

// The load generator: a separate process (so the API's event loop and the load never share a CPU thread), running
// `workers` closed loops for `seconds` and printing one JSON summary on stdout. Two modes doing the same work:
//   http — PUT a whole class sheet to the API (one worker per class, keeping each row's version);
//   sql  — the same writes straight against PostgreSQL as the application role (the physical limit); with `lean`,
//          without the kept answer and the results event (the baseline before issue 15 counted them).
import { randomUUID } from 'node:crypto';
import { driveLoad, randomScore, seededRandom } from './stats.mjs';
import { presentScope } from './scope.mjs';

const config = JSON.parse(process.argv[2]);
const COLUMNS = ['TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK'];

function sheetCells(random) {
  return Object.fromEntries(COLUMNS.map((c) => [c, randomScore(random)]));
}

async function httpWorker(w, deadline, out) {
  const random = seededRandom(1000 + w.index);
  const versions = new Map(w.studentIds.map((id) => [id, w.versions[id] ?? 0]));
  while (Date.now() < deadline) {
    const rows = w.studentIds.map((studentId) => ({
      studentId,
      version: versions.get(studentId),
      cells: sheetCells(random),
    }));
    const started = performance.now();
    const res = await fetch(`${config.baseUrl}${w.path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.token}` },
      body: JSON.stringify({ requestId: randomUUID(), rows }),
    });
    const body = await res.json();
    const ms = performance.now() - started;
    if (res.status !== 200) {
      out.errors += 1;
      if (out.errors <= 3) console.error(`HTTP ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      continue;
    }
    for (const row of body.rows) versions.set(row.studentId, row.version);
    out.latencies.push(ms);
  }
}

/**
 * What a save must write, and nothing else: the scope, one upsert of the 45 rows, their cells' history (old and new
 * values, the request's id), one audit entry with the rows before and after, the answer kept under the request's id
 * (the same rows as ours answers) and the class's results event for the reporting read model — the rows the API
 * writes. The API also reads the class, the caller's rights, the roster and the current rows, and checks the
 * session, the cells and the versions: that difference is what the ratio measures.
 */
async function sqlWorker(w, pool, deadline, out) {
  const random = seededRandom(1000 + w.index);
  const client = await pool.connect();
  // What the previous save of each pupil wrote (the history's old values and the audit's "before").
  let previous = w.studentIds.map(() => null);
  let version = 0;
  try {
    while (Date.now() < deadline) {
      const cells = w.studentIds.map(() => sheetCells(random));
      const at = new Date();
      const requestId = randomUUID();
      version += 1;
      const started = performance.now();
      await client.query('begin');
      await presentScope(client, { schoolIds: [w.schoolId], userId: w.userId });
      await client.query(
        `insert into grade_entry (school_id, gradebook_id, student_id, cells, comment, average, rating, version, updated_by, updated_by_name, updated_at)
         select $1, $2, u.student_id, u.cells, null, 7.5, null, 1, $4, 'bench', $5 from unnest($3::uuid[], $6::jsonb[]) as u(student_id, cells)
         on conflict (school_id, gradebook_id, student_id) do update set cells = excluded.cells, average = excluded.average,
           version = grade_entry.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [w.schoolId, w.baselineGradebookId, w.studentIds, w.userId, at, cells.map((c) => JSON.stringify(c))],
      );
      const students = w.studentIds.flatMap((id) => COLUMNS.map(() => id));
      // `returning 1`, as the API's own statement (docs/scaling.md, "Writing queries that distribute"): on a Citus
      // cluster an INSERT … SELECT from arrays without it is copied into the shard with COPY, which row-level
      // security refuses; on plain PostgreSQL it changes nothing but the 270 rows' answer.
      await client.query(
        `insert into grade_change (school_id, gradebook_id, student_id, column_key, old_value, new_value, changed_by, changed_by_name, changed_at, request_id)
         select $1, $2, u.s, u.c, u.o, u.v, $7, 'bench', $8, $9 from unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) as u(s, c, o, v)
         returning 1`,
        [
          w.schoolId,
          w.baselineGradebookId,
          students,
          w.studentIds.flatMap(() => COLUMNS),
          previous.flatMap((p) => COLUMNS.map((k) => (p ? JSON.stringify(p[k]) : null))),
          cells.flatMap((c) => COLUMNS.map((k) => JSON.stringify(c[k]))),
          w.userId,
          at,
          requestId,
        ],
      );
      // The audit entry carries the rows before and after, as the API's does (same size to hash and store).
      const sheet = (rows) =>
        JSON.stringify(
          Object.fromEntries(w.studentIds.map((id, i) => [id, rows[i] && { cells: rows[i], comment: null }])),
        );
      await client.query(`select audit_append($1, $2, $3, 'bench', $1, 'gradebook', $4, 'UPDATE', $5, $6, $7)`, [
        w.schoolId,
        at,
        w.userId,
        w.baselineGradebookId,
        sheet(previous),
        sheet(cells),
        requestId,
      ]);
      // The kept answer (the API's compact answer: per row what the grid takes back) and the results event.
      const answer = {
        savedAt: at.toISOString(),
        rows: w.studentIds.map((studentId, i) => ({
          studentId,
          cells: cells[i],
          comment: null,
          average: 7.5,
          rating: null,
          version,
          updatedAt: at.toISOString(),
          updatedByName: 'bench',
        })),
      };
      // config.lean: the baseline as it was before (rows, history and audit only), measured beside it for comparison.
      if (!config.lean)
        await client.query(
          `with k as (insert into grade_save_request (school_id, request_id, gradebook_id, user_id, created_at, response)
                    values ($1, $2, $3, $4, $5, $6))
         insert into outbox (school_id, type, aggregate_id, payload, occurred_at) values ($1, 'grading.results-changed', $7, $8, $5)`,
          [
            w.schoolId,
            requestId,
            w.baselineGradebookId,
            w.userId,
            at,
            JSON.stringify(answer),
            w.classId,
            JSON.stringify({ classId: w.classId }),
          ],
        );
      await client.query('commit');
      previous = cells;
      out.latencies.push(performance.now() - started);
    }
  } finally {
    client.release();
  }
}

await driveLoad(config, httpWorker, sqlWorker);

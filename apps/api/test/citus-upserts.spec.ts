import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTablePlan } from './citus-schema-rules';
import { ROOT, sourceFiles, stringLiterals } from './table-ownership-rules';

/**
 * Citus refuses an `INSERT … ON CONFLICT DO UPDATE` on any of its tables (distributed and reference alike) whose
 * `SET` or `WHERE` calls a function that is not immutable ("functions used in the DO UPDATE SET clause of INSERTs on
 * distributed tables must be marked IMMUTABLE"): the sign-in guard's failure counts and the read model's version bump
 * answered 500 on the cluster for that reason (issue 17). The time goes into the inserted row and the update reads
 * `excluded.<column>` (docs/scaling.md, "Writing queries that distribute"). Unit-level: it reads the source the API
 * runs (table-ownership-rules.ts's sourceFiles) and the test fixtures that write through the owner, not a database.
 * Only the functions PostgreSQL marks stable or volatile that SQL in Emis is likely to call are looked for; an
 * operator that is merely stable (`timestamptz - interval`) is not seen here, the Citus run catches it.
 */

const plan = loadTablePlan();

/** Functions (and the SQL keywords that are function calls) PostgreSQL marks stable or volatile. */
const MUTABLE =
  /\b(now|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|random|gen_random_uuid|uuid_generate_v[14]|current_setting|set_config|nextval|currval|txid_current|pg_backend_pid|to_char|age)\s*\(|\b(current_timestamp|current_date|current_time|localtimestamp|localtime|current_user|session_user)\b/i;

interface MutableUpsert {
  table: string;
  /** The part of the statement from DO UPDATE to its end. */
  clause: string;
}

/** Each `INSERT INTO t … ON CONFLICT … DO UPDATE …` of a piece of SQL whose update part calls a mutable function. */
function mutableUpserts(sql: string): MutableUpsert[] {
  const text = sql.replace(/--[^\n]*/g, ' ');
  const found: MutableUpsert[] = [];
  for (const m of text.matchAll(/\binsert\s+into\s+"?((?:[a-z_][a-z0-9_]*\.)?[a-z_][a-z0-9_]*)"?/gi)) {
    const rest = text.slice(m.index! + m[0].length);
    // This statement only: up to the next INSERT (a CTE's or the next statement's), if any.
    const next = rest.search(/\binsert\s+into\b/i);
    const statement = next >= 0 ? rest.slice(0, next) : rest;
    const update = statement.search(/\bdo\s+update\b/i);
    if (update < 0) continue;
    const clause = statement.slice(update).split(/\breturning\b/i)[0];
    if (MUTABLE.test(clause)) found.push({ table: m[1].toLowerCase(), clause: clause.replace(/\s+/g, ' ').trim() });
  }
  return found;
}

function scanned(): string[] {
  const testDir = path.join(ROOT, 'apps/api/test');
  const fixtures = ['reports-fixtures.ts', 'finance-fixtures.ts', 'finance-books-fixtures.ts'].map((f) =>
    path.join(testDir, f),
  );
  return [...sourceFiles().map((s) => s.file), ...fixtures];
}

describe('upserts Citus can plan', () => {
  it('call no stable or volatile function in ON CONFLICT DO UPDATE on a table Citus manages', () => {
    const offending: string[] = [];
    for (const file of scanned()) {
      for (const { text, line } of stringLiterals(readFileSync(file, 'utf8'), file)) {
        for (const u of mutableUpserts(text)) {
          // A local table (the coordinator's own, e.g. the personal-data ledger) is planned by PostgreSQL alone.
          if (plan.tables[u.table]?.kind === 'local') continue;
          offending.push(`${path.relative(ROOT, file)}:${line} ${u.table}: ${u.clause}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it('sees a mutable function in the update and lets excluded.* and immutable arithmetic pass', () => {
    expect(
      mutableUpserts(`insert into sign_in_failure (a, t) values ($1, now())
        on conflict (a) do update set t = now()`),
    ).toHaveLength(1);
    expect(
      mutableUpserts(
        `insert into x (a) values (1) on conflict (a) do update set a = excluded.a where x.t < current_timestamp`,
      ),
    ).toHaveLength(1);
    expect(
      mutableUpserts(`insert into sign_in_failure (a, t) values ($1, now())
        on conflict (a) do update
          set n = case when excluded.t - sign_in_failure.t > make_interval(hours => $2) then 1 else sign_in_failure.n + 1 end,
              t = excluded.t
        returning now()`),
    ).toEqual([]);
    // A function in the inserted values is evaluated before Citus routes the row: allowed.
    expect(mutableUpserts(`insert into x (a, t) values (1, now()) on conflict do nothing`)).toEqual([]);
  });
});

import { DataSource } from 'typeorm';
import { seedDemoProvince } from '../src/seed/seed-demo';
import { TestApp } from './harness';
import { readTestEnv } from './test-env';
import { enrolSeededUsers } from './totp';
import { migrateDatabase } from '../src/migrations';

/**
 * The fuzzer's own seeded database. It cannot be a template copy of the run's database: other spec files are
 * connected to it while this one starts, and PostgreSQL copies only a template nobody is connected to. Migrating and
 * seeding an empty one takes about three seconds, and gives the same demo province (the seed is deterministic).
 */
export async function createFuzzDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const env = readTestEnv();
  const name = `emis_fuzz_${process.pid}`;
  const admin = new DataSource({ type: 'postgres', url: env.ownerUrl, extra: { max: 1 } });
  await admin.initialize();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(env.ownerUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString(), {
    appPassword: env.appPassword,
    jobsPassword: env.jobsPassword,
    scopeKey: env.scopeKey,
  });
  await seedDemoProvince(url.toString());
  const db = new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 1 } });
  await db.initialize();
  try {
    // As the global setup does for the run's database: the users whose role requires a second factor are enrolled.
    await enrolSeededUsers(db, env.jwtSecret);
    await installWriteLog(db);
  } finally {
    await db.destroy();
  }
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}

/**
 * A row-level trigger on every table of the schema notes each committed row change in fuzz_write. A rolled-back
 * transaction takes its notes with it, so "the case answered 4xx and fuzz_write grew" means exactly "a refused request
 * left a committed change behind" — a partial write — whatever table it touched, at the cost of one indexed read per
 * case (a checksum of every table after every case would be far slower). SECURITY DEFINER: the API's role may not
 * write the log itself.
 */
async function installWriteLog(db: DataSource): Promise<void> {
  // tx_at: when the writing transaction began (now()), to tell which request wrote a row that commits after its answer.
  await db.query(
    `create table fuzz_write (id bigserial primary key, tbl text not null, op text not null, tx_at timestamptz not null default now())`,
  );
  await db.query(
    `create function fuzz_note_write() returns trigger language plpgsql security definer set search_path = public as $$
     begin insert into fuzz_write (tbl, op) values (tg_table_name, tg_op); return null; end $$`,
  );
  const tables: { name: string }[] = await db.query(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname not in ('fuzz_write', 'migrations')`,
  );
  for (const { name } of tables) {
    await db.query(
      `create trigger fuzz_write after insert or update or delete on "${name}" for each row execute function fuzz_note_write()`,
    );
  }
}

/** The id of the last noted write (0 when none). */
export async function lastWrite(t: TestApp): Promise<number> {
  return Number((await t.owner.query(`select coalesce(max(id), 0) as id from fuzz_write`))[0].id);
}

export interface NotedWrite {
  tbl: string;
  op: string;
  /** When the writing transaction began, in milliseconds since the epoch (the same clock as the test's Date.now()). */
  txAt: number;
}

/** The writes noted after write `since`. */
export async function writesSince(t: TestApp, since: number): Promise<NotedWrite[]> {
  const rows: { tbl: string; op: string; tx_at: string }[] = await t.owner.query(
    `select tbl, op, (extract(epoch from tx_at) * 1000)::text as tx_at from fuzz_write where id > $1 order by id`,
    [since],
  );
  return rows.map((r) => ({ tbl: r.tbl, op: r.op, txAt: Number(r.tx_at) }));
}

/**
 * Count and hash of every school-owned table's rows of one school, plus the province's school years, in one query —
 * the sweep's snapshot, made cheap (hashtext sums instead of sorted md5 aggregates).
 */
export async function checksum(t: TestApp, schoolId: string): Promise<Record<string, string>> {
  const tables: { table_name: string }[] = await t.owner.query(
    `select distinct table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'school_id' and table_name not like 'fuzz%' order by table_name`,
  );
  const parts = tables.map(
    (x) =>
      `select '${x.table_name}' as t, count(*)::text || ':' || coalesce(sum(hashtext(r::text)), 0)::text as h from "${x.table_name}" r where school_id = $1`,
  );
  parts.push(
    `select 'school_year', count(*)::text || ':' || coalesce(sum(hashtext(r::text)), 0)::text from school_year r`,
  );
  const rows: { t: string; h: string }[] = await t.owner.query(parts.join(' union all '), [schoolId]);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

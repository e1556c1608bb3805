import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { readTestEnv } from './test-env';

/** The typed query helpers answer every kind of statement in one shape, on a DataSource and inside a transaction. */
describe('typed SQL helpers', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = new DataSource({ type: 'postgres', url: readTestEnv().ownerUrl, extra: { max: 2 } });
    await db.initialize();
  });
  afterAll(() => db.destroy());

  it('returns the rows of a select, and the first row or undefined', async () => {
    const rows = await sqlRows<{ n: number }>(db, `select n from generate_series(1, 3) n order by n`);
    expect(rows).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await sqlRow<{ n: number }>(db, `select $1::int + 1 as n`, [41])).toEqual({ n: 42 });
    expect(await sqlRow<{ n: number }>(db, `select 1 as n where false`)).toBeUndefined();
  });

  it('returns the rows of UPDATE … RETURNING (TypeORM answers [rows, count] there) and counts affected rows', async () => {
    await db.transaction(async (em) => {
      await sqlExec(em, `create temporary table typed_sql_probe (id int primary key, label text) on commit drop`);
      expect(await sqlExec(em, `insert into typed_sql_probe values (1, 'a'), (2, 'b'), (3, 'c')`)).toBe(3);
      const updated = await sqlRows<{ id: number; label: string }>(
        em,
        `update typed_sql_probe set label = upper(label) where id <= $1 returning id, label`,
        [2],
      );
      expect(updated.sort((a, b) => a.id - b.id)).toEqual([
        { id: 1, label: 'A' },
        { id: 2, label: 'B' },
      ]);
      expect(await sqlExec(em, `delete from typed_sql_probe where id > $1`, [0])).toBe(3);
    });
  });

  it('sends a statement sent on its own again when PostgreSQL picks it as a deadlock’s victim', async () => {
    const table = `typed_sql_deadlock_${process.pid}`;
    await sqlExec(db, `create table ${table} (id int primary key, v int not null)`);
    const holder = new Client({ connectionString: readTestEnv().ownerUrl });
    await holder.connect();
    try {
      await sqlExec(db, `insert into ${table} values (1, 0), (2, 0)`);
      await holder.query('begin');
      await holder.query(`update ${table} set v = v + 10 where id = 1`);
      // One statement that locks row 2 (the init-plan's update runs first), then waits for row 1, which holder holds.
      const statement = sqlExec(
        db,
        `with first as (update ${table} set v = v + 1 where id = 2 returning id)
         update ${table} set v = v + 1 where id = 1 and (select count(*) from first) = 1`,
      );
      // Read outside holder's transaction: pg_stat_activity is one snapshot for a whole transaction.
      const waiting = async () =>
        (
          await sqlRow<{ n: number }>(
            db,
            `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like $1`,
            [`%with first as (update ${table}%`],
          )
        )?.n ?? 0;
      while ((await waiting()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      // Holder now waits for row 2: a cycle. The statement waited first, so its backend's check finds the cycle
      // first (deadlock_timeout) and aborts it; holder's update then goes through.
      await holder.query(`update ${table} set v = v + 10 where id = 2`);
      await holder.query('commit');
      await expect(statement).resolves.toBe(1);
      const rows = await sqlRows<{ id: number; v: number }>(db, `select id, v from ${table} order by id`);
      expect(rows).toEqual([
        { id: 1, v: 11 },
        { id: 2, v: 11 },
      ]);
    } finally {
      await holder.end();
      await sqlExec(db, `drop table ${table}`);
    }
  });
});

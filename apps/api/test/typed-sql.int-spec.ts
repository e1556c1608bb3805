import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
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
});

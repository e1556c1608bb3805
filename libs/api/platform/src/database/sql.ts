import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Typed SQL (docs/adr: SQL by hand). Repositories write their SQL by hand and declare the shape of each query's
 * rows as an interface; these three functions are the only place a database answer (typed `any` by the driver)
 * becomes that interface. They also hide TypeORM's irregular raw results: a plain `query()` answers an UPDATE or
 * DELETE with `[rows, count]` but any other statement with `rows`, so callers had to know which they wrote.
 *
 * `db` is the transaction's EntityManager (inside TenantDb.run, so RLS sees the caller's scope) or, for the few
 * statements that run before a scope exists (sign-in, migrations), the DataSource.
 */
export type SqlTarget = EntityManager | DataSource;

interface Answer {
  records: unknown[];
  affected?: number;
}

async function run(db: SqlTarget, text: string, params: readonly unknown[]): Promise<Answer> {
  const runner: QueryRunner | undefined = db instanceof EntityManager ? db.queryRunner : undefined;
  if (runner) return (await runner.query(text, params as unknown[], true)) as Answer;
  const source = db instanceof EntityManager ? db.connection : db;
  const own = source.createQueryRunner();
  try {
    return (await own.query(text, params as unknown[], true)) as Answer;
  } finally {
    await own.release();
  }
}

/** Every row a statement returns (a SELECT, or a write with RETURNING), as `R`. */
export async function sqlRows<R extends object>(
  db: SqlTarget,
  text: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  return (await run(db, text, params)).records as R[];
}

/** The first row a statement returns, or undefined when it returns none. */
export async function sqlRow<R extends object>(
  db: SqlTarget,
  text: string,
  params: readonly unknown[] = [],
): Promise<R | undefined> {
  const [row] = (await run(db, text, params)).records as R[];
  return row;
}

/** Runs a statement for its effect and answers how many rows it touched (INSERT, UPDATE, DELETE). */
export async function sqlExec(db: SqlTarget, text: string, params: readonly unknown[] = []): Promise<number> {
  const answer = await run(db, text, params);
  return answer.affected ?? answer.records.length;
}

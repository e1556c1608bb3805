import { createHash } from 'node:crypto';
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

/**
 * A statement sent as a named prepared statement (docs/adr/sql-by-hand.md, "Prepared statements"): each pooled
 * connection parses it once and PostgreSQL keeps its parse tree (and, once it proves no worse, a generic plan), so a
 * hot path's repeated statement skips parsing, view inlining and RLS rewriting on every later call. Only for fixed
 * texts of the hot paths (the text decides the name; a connection keeps every name it prepared until it closes).
 */
export interface PreparedSql {
  readonly name: string;
  readonly text: string;
}

/** The text as a named prepared statement; call it once per text (at module load), not per request. */
export function prepared(text: string): PreparedSql {
  return { name: `emis_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`, text };
}

/** SQL text, or a named prepared statement. */
export type Sql = string | PreparedSql;

export type { SqlPart } from './sql-part';

interface Answer {
  records: unknown[];
  affected?: number;
}

/**
 * A statement sent on its own (no transaction around it) that PostgreSQL chose as a deadlock's victim was rolled back
 * whole, so it is sent again, as PostgreSQL's manual advises (Concurrency Control, "Deadlocks"). On one node a single
 * statement rarely deadlocks; on a Citus cluster two sign-ins do, since a write to a reference table locks the shards
 * of the reference tables tied to it by foreign keys in an order that depends on the statement (docs/scaling.md).
 * Inside a transaction the caller decides: the transaction is aborted, and only it can start again.
 */
const DEADLOCK_RETRIES = 3;

function isDeadlock(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '40P01';
}

async function run(db: SqlTarget, sql: Sql, params: readonly unknown[]): Promise<Answer> {
  // node-postgres takes a { name, text } query config where a text goes and prepares the statement once per connection.
  const text = sql as string;
  const runner: QueryRunner | undefined = db instanceof EntityManager ? db.queryRunner : undefined;
  if (runner) return (await runner.query(text, params as unknown[], true)) as Answer;
  const source = db instanceof EntityManager ? db.connection : db;
  for (let attempt = 1; ; attempt++) {
    const own = source.createQueryRunner();
    try {
      return (await own.query(text, params as unknown[], true)) as Answer;
    } catch (error) {
      if (attempt > DEADLOCK_RETRIES || !isDeadlock(error)) throw error;
    } finally {
      await own.release();
    }
  }
}

/** Every row a statement returns (a SELECT, or a write with RETURNING), as `R`. */
export async function sqlRows<R extends object>(
  db: SqlTarget,
  text: Sql,
  params: readonly unknown[] = [],
): Promise<R[]> {
  return (await run(db, text, params)).records as R[];
}

/** The first row a statement returns, or undefined when it returns none. */
export async function sqlRow<R extends object>(
  db: SqlTarget,
  text: Sql,
  params: readonly unknown[] = [],
): Promise<R | undefined> {
  const [row] = (await run(db, text, params)).records as R[];
  return row;
}

/** Runs a statement for its effect and answers how many rows it touched (INSERT, UPDATE, DELETE). */
export async function sqlExec(db: SqlTarget, text: Sql, params: readonly unknown[] = []): Promise<number> {
  const answer = await run(db, text, params);
  return answer.affected ?? answer.records.length;
}

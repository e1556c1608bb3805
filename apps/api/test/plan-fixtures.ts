import { Client } from 'pg';
import { presentScope, schoolsScope, signScope } from './scope-fixtures';

/** A node of EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}

/** Rows each table's scans read (kept and filtered out, over every loop), from the plan as run. */
export function rowsRead(plan: PlanNode, into: Record<string, number> = {}): Record<string, number> {
  const table = plan['Relation Name'];
  if (table) {
    const read = (plan['Actual Rows'] + (plan['Rows Removed by Filter'] ?? 0)) * plan['Actual Loops'];
    into[table] = (into[table] ?? 0) + read;
  }
  for (const child of plan.Plans ?? []) rowsRead(child, into);
  return into;
}

/**
 * Runs `sql` under EXPLAIN (ANALYZE, BUFFERS) as the application role in the school's sealed scope (`app`, a client
 * of connectAsApp), rolled back: the plan's root node. Plans are checked by what they read, never by the clock.
 */
export async function planAsApp(app: Client, schoolId: string, sql: string, params: unknown[]): Promise<PlanNode> {
  await app.query('begin');
  try {
    await presentScope(app, signScope(schoolsScope(schoolId)));
    const { rows } = await app.query(`explain (analyze, buffers, format json) ${sql}`, params);
    return rows[0]['QUERY PLAN'][0].Plan as PlanNode;
  } finally {
    await app.query('rollback');
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reading query plans for routing (docs/scaling.md, "Writing queries that distribute"): which scans of a PostgreSQL plan
 * do not name one school, and how many shards each part of a Citus plan reads. Pure functions of EXPLAIN's JSON, used by
 * routing.int-spec.ts and citus/routing.citus-spec.ts and tested on their own in routing-plans.spec.ts.
 */
/** The school-owned tables: those tools/citus/table-plan.json distributes by school_id. */
export function distributedTables(): Set<string> {
  const plan = JSON.parse(readFileSync(path.resolve(__dirname, '../../../tools/citus/table-plan.json'), 'utf8')) as {
    tables: Record<string, { kind: string }>;
  };
  const names = new Set<string>();
  // EXPLAIN names a table without its schema (reporting.headcount shows as headcount).
  for (const [name, t] of Object.entries(plan.tables))
    if (t.kind === 'distributed') names.add(name.replace(/^\w+\./, ''));
  return names;
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

/** The conditions a plan node filters its rows with (a bitmap scan's index conditions are in its children). */
const CONDITIONS = ['Index Cond', 'Filter', 'Recheck Cond', 'TID Cond'];

/**
 * Scans of school-owned tables in a PostgreSQL plan that do not name one school: no `school_id = <value>` among their
 * conditions (their own, or for a bitmap heap scan its index scans'). A value is a constant or a parameter of the
 * statement, never another row's column (a correlated sub-query or a lateral join naming `s.school_id` reads every
 * shard under Citus).
 */
export function scansWithoutSchool(plan: PlanNode, tables: Set<string>): string[] {
  const found: string[] = [];
  const oneSchool = /\bschool_id = ('[0-9a-f-]{36}'::uuid|\$\d+)|\bschool_id = ANY \('\{[0-9a-f-]{36}\}'::uuid\[\]\)/;
  const conditionsOf = (node: PlanNode): string[] => [
    ...CONDITIONS.map((c) => node[c]).filter((c): c is string => typeof c === 'string'),
    ...(node['Node Type'] === 'Bitmap Heap Scan' ||
    node['Node Type'] === 'BitmapAnd' ||
    node['Node Type'] === 'BitmapOr'
      ? (node.Plans ?? []).flatMap(conditionsOf)
      : []),
  ];
  const visit = (node: PlanNode): void => {
    const table = node['Relation Name'];
    if (table && tables.has(table) && /Scan$/.test(node['Node Type'])) {
      if (!conditionsOf(node).some((c) => oneSchool.test(c)))
        found.push(`${node['Node Type']} on ${table}${node.Alias && node.Alias !== table ? ` ${node.Alias}` : ''}`);
    }
    node.Plans?.forEach(visit);
  };
  visit(plan);
  return found;
}

/** Every "Task Count" in a Citus EXPLAIN (JSON): how many shards each distributed part of the statement reads. */
export function taskCounts(explained: unknown): number[] {
  const counts: number[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        if (k === 'Task Count' && typeof v === 'number') counts.push(v);
        else visit(v);
      }
  };
  visit(explained);
  return counts;
}

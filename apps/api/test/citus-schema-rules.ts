import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The rules a schema must keep to run on Citus with school_id as the distribution column (docs/scaling.md), as
 * functions that return the violations they find, so a test can show each one detecting a broken schema.
 * The rules come from what Citus refuses (observed on Citus 13.2, docs/scaling.md "What was measured"): every primary
 * key, unique constraint and foreign key of a distributed table includes the distribution column; a reference
 * table may not reference a distributed one; RLS alone does not route, but it still has to protect every shard.
 */

export type TableKind = 'distributed' | 'reference' | 'local';

export interface PlannedTable {
  kind: TableKind;
  colocation?: string;
  /** The context (libs/api/<owner>) whose code alone writes the table (apps/api/test/table-ownership.spec.ts). */
  owner?: string;
  why: string;
}

export interface TablePlan {
  distributionColumn: string;
  colocationGroups: Record<string, string>;
  tables: Record<string, PlannedTable>;
  /** Named views a context publishes for other contexts to read instead of its tables. */
  views?: Record<string, { owner: string; why: string }>;
}

export interface CatalogTable {
  name: string;
  columns: string[];
  rls: boolean;
  forced: boolean;
  policies: number;
}

/** A primary key ('p'), unique constraint ('u'), unique index without a constraint ('i') or foreign key ('f'). */
export interface CatalogKey {
  table: string;
  name: string;
  type: 'p' | 'u' | 'i' | 'f';
  columns: string[];
  refTable?: string;
  refColumns?: string[];
}

export interface Catalog {
  tables: CatalogTable[];
  keys: CatalogKey[];
}

export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const ROOT = path.resolve(__dirname, '../../..');
export const PLAN_FILE = path.join(ROOT, 'tools/citus/table-plan.json');
export const DISTRIBUTE_FILE = path.join(ROOT, 'tools/citus/distribute.sql');

export function loadTablePlan(file = PLAN_FILE): TablePlan {
  return JSON.parse(readFileSync(file, 'utf8')) as TablePlan;
}

/**
 * Ordinary and partitioned tables of one schema with their columns, RLS flags, keys and unique indexes. With
 * `qualified`, tables are named `<schema>.<table>` as the plan names every table outside public (the reporting
 * schema); a referenced table is named by its own schema the same way.
 */
export async function readCatalog(query: Query, schema = 'public', qualified = false): Promise<Catalog> {
  const tables = (await query(
    `select ${nameOf('c', qualified)} as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
            array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns,
            (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
       from pg_class c
      where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
    [schema],
  )) as unknown as CatalogTable[];
  const constraints = (await query(
    `select ${nameOf('c', qualified)} as table, con.conname as name, con.contype as type,
            array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
            ${nameOf('r', qualified)} as "refTable",
            array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as "refColumns"
       from pg_constraint con join pg_class c on c.oid = con.conrelid left join pg_class r on r.oid = con.confrelid
      where c.relnamespace = $1::regnamespace and con.contype in ('p', 'u', 'f')`,
    [schema],
  )) as unknown as CatalogKey[];
  // Unique indexes made with CREATE UNIQUE INDEX (partial ones included) have no constraint row.
  const indexes = (await query(
    `select ${nameOf('c', qualified)} as table, i.relname as name, 'i' as type,
            array(select coalesce(a.attname::text, '(expression)') from unnest(x.indkey) with ordinality k(n, o) left join pg_attribute a on a.attrelid = c.oid and a.attnum = k.n order by k.o) as columns
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
      where c.relnamespace = $1::regnamespace and x.indisunique
        and not exists (select 1 from pg_constraint con where con.conindid = x.indexrelid)`,
    [schema],
  )) as unknown as CatalogKey[];
  const keys = [...constraints, ...indexes].map((k) =>
    k.type === 'f' ? k : { ...k, refTable: undefined, refColumns: undefined },
  );
  return { tables, keys };
}

/** A relation's name in SQL: bare, or `<schema>.<name>` for a relation outside public when `qualified`. */
function nameOf(alias: string, qualified: boolean): string {
  return qualified
    ? `case when ${alias}.relnamespace = 'public'::regnamespace then ${alias}.relname::text else ${alias}.relnamespace::regnamespace::text || '.' || ${alias}.relname end`
    : `${alias}.relname`;
}

/** The catalogues of several schemas as one (the public schema bare, the others qualified). */
export async function readCatalogs(query: Query, schemas: readonly string[]): Promise<Catalog> {
  const parts = await Promise.all(schemas.map((s) => readCatalog(query, s, s !== 'public')));
  return { tables: parts.flatMap((p) => p.tables), keys: parts.flatMap((p) => p.keys) };
}

/** Every table of the schema has a plan entry, and every entry names an existing table of a known group. */
export function planCoverageViolations(catalog: Catalog, plan: TablePlan): string[] {
  const existing = new Set(catalog.tables.map((t) => t.name));
  const violations = catalog.tables.filter((t) => !plan.tables[t.name]).map((t) => `${t.name}: not in the table plan`);
  for (const [name, entry] of Object.entries(plan.tables)) {
    if (!existing.has(name)) violations.push(`${name}: planned but no such table`);
    if (entry.kind === 'distributed' && !(entry.colocation && plan.colocationGroups[entry.colocation])) {
      violations.push(`${name}: distributed without a known colocation group`);
    }
  }
  return violations;
}

/**
 * A distributed table has the distribution column, in its primary key, in every unique key, and at the same
 * position on both sides of every foreign key to another distributed table. A school-owned column on a
 * reference or local table means the table was misfiled.
 */
export function distributionKeyViolations(catalog: Catalog, plan: TablePlan): string[] {
  const col = plan.distributionColumn;
  const kindOf = (table: string) => plan.tables[table]?.kind;
  const violations: string[] = [];
  for (const t of catalog.tables) {
    const kind = kindOf(t.name);
    if (kind !== 'distributed') {
      if (kind && t.columns.includes(col))
        violations.push(`${t.name}: ${kind} table has ${col}; school-owned tables are distributed`);
      continue;
    }
    if (!t.columns.includes(col)) violations.push(`${t.name}: distributed table has no ${col} column`);
    const keys = catalog.keys.filter((k) => k.table === t.name);
    if (!keys.some((k) => k.type === 'p')) violations.push(`${t.name}: distributed table has no primary key`);
    for (const k of keys) {
      if (k.type !== 'f' && !k.columns.includes(col))
        violations.push(`${t.name}.${k.name}: ${keyKind(k.type)} without ${col}`);
      if (k.type === 'f' && kindOf(k.refTable!) === 'distributed') {
        const at = k.columns.indexOf(col);
        if (at < 0 || k.refColumns![at] !== col)
          violations.push(`${t.name}.${k.name}: foreign key to ${k.refTable} does not pair ${col} with ${col}`);
      }
    }
  }
  return violations;
}

/**
 * Citus refuses a foreign key from a reference table to a distributed one (a replicated row would point into one
 * shard), and a plain coordinator table can be referenced by neither; distributed → reference is fine.
 */
export function referenceDirectionViolations(catalog: Catalog, plan: TablePlan): string[] {
  return catalog.keys
    .filter((k) => k.type === 'f')
    .flatMap((k) => {
      const from = plan.tables[k.table]?.kind;
      const to = plan.tables[k.refTable!]?.kind;
      if (from !== 'distributed' && to === 'distributed')
        return [`${k.table}.${k.name}: ${from} table references distributed ${k.refTable}`];
      if (from !== 'local' && to === 'local')
        return [`${k.table}.${k.name}: ${from} table references local ${k.refTable}`];
      if (from === 'local' && to !== 'local')
        return [`${k.table}.${k.name}: local table references ${to} ${k.refTable}`];
      return [];
    });
}

/** A foreign key between distributed tables is enforced shard by shard, so both tables must be co-located. */
export function colocationViolations(catalog: Catalog, plan: TablePlan): string[] {
  return catalog.keys
    .filter(
      (k) =>
        k.type === 'f' &&
        plan.tables[k.table]?.kind === 'distributed' &&
        plan.tables[k.refTable!]?.kind === 'distributed',
    )
    .filter((k) => plan.tables[k.table].colocation !== plan.tables[k.refTable!].colocation)
    .map(
      (k) =>
        `${k.table}.${k.name}: references ${k.refTable} in colocation group ${plan.tables[k.refTable!].colocation}, not ${plan.tables[k.table].colocation}`,
    );
}

/** Every distributed (school-owned) table has RLS enabled and forced, with at least one policy. */
export function rowSecurityViolations(catalog: Catalog, plan: TablePlan): string[] {
  return catalog.tables
    .filter((t) => plan.tables[t.name]?.kind === 'distributed')
    .flatMap((t) => [
      ...(t.rls ? [] : [`${t.name}: row-level security not enabled`]),
      ...(t.forced ? [] : [`${t.name}: row-level security not forced`]),
      ...(t.policies > 0 ? [] : [`${t.name}: no RLS policy`]),
    ]);
}

interface ScriptCall {
  fn: 'create_distributed_table' | 'create_reference_table';
  table: string;
  column?: string;
  colocateWith?: string;
}

/** The table calls of distribute.sql in order, comments left out. */
export function parseDistributeScript(sql: string): { tables: ScriptCall[]; functions: string[] } {
  const code = sql.replace(/--[^\n]*/g, '');
  const tables = [
    ...code.matchAll(
      /(create_distributed_table|create_reference_table)\(\s*'([\w.]+)'(?:\s*,\s*'(\w+)')?(?:\s*,\s*colocate_with\s*:=\s*'(\w+)')?\s*\)/g,
    ),
  ].map((m) => ({ fn: m[1] as ScriptCall['fn'], table: m[2], column: m[3], colocateWith: m[4] }));
  const functions = [...code.matchAll(/create_distributed_function\(\s*'([^']+)'/g)].map((m) => m[1]);
  return { tables, functions };
}

/**
 * distribute.sql applies the plan: each distributed or reference table exactly once with the right call, local
 * tables never, each co-location group started once with colocate_with 'none' and joined by naming an earlier
 * table of the group, and every table after the tables its foreign keys reference.
 */
export function distributeScriptViolations(sql: string, plan: TablePlan, catalog: Catalog): string[] {
  const { tables: calls } = parseDistributeScript(sql);
  const violations: string[] = [];
  const position = new Map<string, number>();
  const started = new Set<string>();
  for (const [i, call] of calls.entries()) {
    const entry = plan.tables[call.table];
    if (position.has(call.table)) violations.push(`${call.table}: named twice in distribute.sql`);
    position.set(call.table, i);
    const expected =
      entry &&
      { distributed: 'create_distributed_table', reference: 'create_reference_table', local: undefined }[entry.kind];
    if (!entry) violations.push(`${call.table}: in distribute.sql but not in the plan`);
    else if (call.fn !== expected)
      violations.push(`${call.table}: ${entry.kind} in the plan but ${call.fn} in distribute.sql`);
    else if (entry.kind === 'distributed')
      violations.push(...colocationCallViolations(call, entry, plan, position, started));
  }
  for (const [name, entry] of Object.entries(plan.tables)) {
    if (entry.kind !== 'local' && !position.has(name))
      violations.push(`${name}: ${entry.kind} in the plan but missing from distribute.sql`);
  }
  for (const k of catalog.keys.filter((k) => k.type === 'f' && k.table !== k.refTable)) {
    const from = position.get(k.table);
    const to = position.get(k.refTable!);
    if (from !== undefined && to !== undefined && to > from)
      violations.push(`${k.table}: comes before ${k.refTable} in distribute.sql, which its key ${k.name} references`);
  }
  return violations;
}

/** A create_distributed_table call: by the distribution column, starting its group once or joining it. */
function colocationCallViolations(
  call: ScriptCall,
  entry: PlannedTable,
  plan: TablePlan,
  position: Map<string, number>,
  started: Set<string>,
): string[] {
  const violations: string[] = [];
  if (call.column !== plan.distributionColumn)
    violations.push(`${call.table}: distributed by ${call.column ?? 'nothing'}, not ${plan.distributionColumn}`);
  const group = entry.colocation!;
  if (call.colocateWith === 'none') {
    if (started.has(group)) violations.push(`${call.table}: starts colocation group ${group} a second time`);
    started.add(group);
    return violations;
  }
  const partner = call.colocateWith ? plan.tables[call.colocateWith] : undefined;
  if (!partner || partner.colocation !== group || !position.has(call.colocateWith!) || !started.has(group)) {
    violations.push(
      `${call.table}: colocate_with ${call.colocateWith ?? '(missing)'} is not an earlier table of group ${group}`,
    );
  }
  return violations;
}

/** Every function distribute.sql hands to create_distributed_function exists with that exact signature. */
export async function missingScriptFunctions(query: Query, sql: string): Promise<string[]> {
  const { functions } = parseDistributeScript(sql);
  const rows = await query(`select f as signature from unnest($1::text[]) f where to_regprocedure(f) is null`, [
    functions,
  ]);
  return rows.map((r) => `${r['signature']}: no such function`);
}

function keyKind(type: CatalogKey['type']): string {
  return { p: 'primary key', u: 'unique constraint', i: 'unique index', f: 'foreign key' }[type];
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { TablePlan } from './citus-schema-rules';

/**
 * Who may touch which table, read from the source: every string the code hands to PostgreSQL is scanned for the
 * statements that write a table (INSERT INTO, UPDATE … SET, DELETE FROM, COPY … FROM, MERGE INTO, TRUNCATE, and the
 * SQL functions that append to a table) and for the tables it reads (FROM, JOIN, USING). Emis writes SQL by hand and
 * registers no TypeORM entity, so a repository write through TypeORM's API is reported too.
 * docs/adr/table-ownership-and-events.md says why each table has one owner.
 */

export interface SqlUse {
  /** The context whose source holds the statement (libs/api/<context>, or `app` for apps/api/src). */
  context: string;
  /** Path from the repository root, for the message. */
  file: string;
  line: number;
  table: string;
  kind: 'write' | 'read';
}

export const ROOT = path.resolve(__dirname, '../../..');

/** SQL functions that write a table although the statement calling them reads like a select. */
const WRITING_FUNCTIONS: Record<string, string> = { audit_append: 'audit_log', audit_append_batch: 'audit_log' };

/** A table name, bare (public) or qualified by its schema (`reporting.subject_result`), as the plan names it. */
const IDENT = '"?((?:[a-z_][a-z0-9_]*\\.)?[a-z_][a-z0-9_]*)"?';
const WRITE_PATTERNS: RegExp[] = [
  new RegExp(`\\binsert\\s+into\\s+(?:only\\s+)?${IDENT}`, 'gi'),
  // `do update set` (ON CONFLICT) names no table: the INSERT before it does.
  new RegExp(`(?<!\\bdo\\s+)\\bupdate\\s+(?:only\\s+)?${IDENT}(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?\\s+set\\b`, 'gi'),
  new RegExp(`\\bdelete\\s+from\\s+(?:only\\s+)?${IDENT}`, 'gi'),
  new RegExp(`\\bcopy\\s+${IDENT}\\s*(?:\\([^)]*\\))?\\s+from\\b`, 'gi'),
  new RegExp(`\\bmerge\\s+into\\s+${IDENT}`, 'gi'),
  new RegExp(`\\btruncate\\s+(?:table\\s+)?(?:only\\s+)?${IDENT}`, 'gi'),
];
/** A FROM, JOIN or USING item, and the comma-separated items after it (`from class c, school_year y`). */
const READ_PATTERN = new RegExp(
  `\\b(?:from|join|using)\\s+(?:only\\s+)?${IDENT}((?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?(?:\\s*,\\s*${IDENT}(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?)*)`,
  'gi',
);
const LIST_ITEM = new RegExp(`,\\s*${IDENT}`, 'gi');
/** TypeORM's own writes (repositories, query builders, the entity manager's save/insert/update/delete). */
const TYPEORM_WRITE =
  /\.(?:getRepository|createQueryBuilder)\s*\(|\bem\.(?:save|insert|update|delete|remove|upsert)\s*\(/g;

/** Each string literal of a TypeScript source with its line; a template's placeholders become `$_`. */
export function stringLiterals(source: string, fileName = 'source.ts'): { text: string; line: number }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    const line = () => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      found.push({ text: node.text, line: line() });
    else if (ts.isTemplateExpression(node)) {
      found.push({
        text: [node.head.text, ...node.templateSpans.map((s) => `$_ ${s.literal.text}`)].join(''),
        line: line(),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The tables a piece of SQL writes and reads, by name (names that are not tables are left for the caller). */
export function sqlTables(sql: string): { writes: string[]; reads: string[] } {
  const text = sql.replace(/--[^\n]*/g, ' ');
  const writes = WRITE_PATTERNS.flatMap((p) => [...text.matchAll(p)].map((m) => m[1].toLowerCase()));
  for (const [fn, table] of Object.entries(WRITING_FUNCTIONS))
    if (new RegExp(`\\b${fn}\\s*\\(`, 'i').test(text)) writes.push(table);
  const reads = [...text.matchAll(READ_PATTERN)].flatMap((m) =>
    [m[1], ...[...m[2].matchAll(LIST_ITEM)].map((i) => i[1])].map((t) => t.toLowerCase()),
  );
  return { writes, reads };
}

/** The SQL uses of one source file, attributed to `context`; TypeORM writes are reported as the table `(typeorm)`. */
export function sqlUses(source: string, context: string, file: string): SqlUse[] {
  const uses: SqlUse[] = [];
  // A temporary table the file itself creates is private to its session (an import's staging): no one else's table.
  const temporary = new Set(
    [...source.matchAll(/\bcreate\s+temp(?:orary)?\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi)].map((m) =>
      m[1].toLowerCase(),
    ),
  );
  for (const { text, line } of stringLiterals(source, file)) {
    const { writes: allWrites, reads: allReads } = sqlTables(text);
    const writes = allWrites.filter((table) => !temporary.has(table));
    const reads = allReads.filter((table) => !temporary.has(table));
    uses.push(...writes.map((table) => ({ context, file, line, table, kind: 'write' as const })));
    uses.push(...reads.map((table) => ({ context, file, line, table, kind: 'read' as const })));
  }
  for (const m of source.matchAll(TYPEORM_WRITE)) {
    uses.push({ context, file, line: source.slice(0, m.index).split('\n').length, table: '(typeorm)', kind: 'write' });
  }
  return uses;
}

/**
 * The code that runs in the API, by context: each library's src (migrations left out: a migration creates the
 * owner's tables and is checked by the Citus schema tests) and the app's src. The seed (apps/api/src/seed) is left out
 * on purpose: it fills a demo province as the schema owner, every context's tables in one go, the way an operator
 * restores a backup — it is not a context and runs no request.
 */
export function sourceFiles(): { context: string; file: string }[] {
  const files: { context: string; file: string }[] = [];
  const libs = path.join(ROOT, 'libs/api');
  for (const context of readdirSync(libs)) {
    for (const file of walk(path.join(libs, context, 'src'))) {
      if (!/\/migrations\//.test(file)) files.push({ context, file });
    }
  }
  for (const file of walk(path.join(ROOT, 'apps/api/src'))) {
    if (!file.includes('/apps/api/src/seed/')) files.push({ context: 'app', file });
  }
  return files;
}

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.int-spec.ts') ? [full] : [];
  });
}

export function repositoryUses(): SqlUse[] {
  return sourceFiles().flatMap(({ context, file }) =>
    sqlUses(readFileSync(file, 'utf8'), context, path.relative(ROOT, file)),
  );
}

/** A write to a table the writing context does not own (or to an unplanned one, or through TypeORM's API). */
export function foreignWrites(uses: SqlUse[], plan: TablePlan): SqlUse[] {
  return uses.filter((u) => u.kind === 'write' && plan.tables[u.table]?.owner !== u.context);
}

/** A read of another context's table: allowed only through a published port (its code) or one of its named views. */
export function foreignReads(uses: SqlUse[], plan: TablePlan): SqlUse[] {
  return uses.filter((u) => u.kind === 'read' && plan.tables[u.table] && plan.tables[u.table].owner !== u.context);
}

export function describeUse(u: SqlUse): string {
  return `${u.context} ${u.kind}s ${u.table} (${u.file}:${u.line})`;
}

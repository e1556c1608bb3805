import { EntityManager } from 'typeorm';

/** A column of a bulk insert and how its values travel: as a typed array, or as text turned into jsonb / text[]. */
export type ColumnType =
  'uuid' | 'text' | 'date' | 'int' | 'bigint' | 'numeric' | 'bool' | 'timestamptz' | 'jsonb' | 'text[]';

const CHUNK = 5000;

/**
 * Inserts many rows with one statement per chunk: every column is one array parameter, unnested server-side.
 * Ten thousand students cost a handful of round trips instead of ten thousand.
 */
export async function bulkInsert(
  em: EntityManager,
  table: string,
  columns: Record<string, ColumnType>,
  rows: unknown[][],
): Promise<void> {
  const names = Object.keys(columns);
  const types = Object.values(columns);
  const params = types.map((t, i) => `$${i + 1}::${t === 'jsonb' || t === 'text[]' ? 'text' : t}[]`).join(', ');
  const selects = names.map((n, i) =>
    types[i] === 'jsonb'
      ? `x.${n}::jsonb`
      : types[i] === 'text[]'
        ? `coalesce(string_to_array(nullif(x.${n}, ''), '|'), '{}')`
        : `x.${n}`,
  );
  const sql = `insert into ${table} (${names.join(', ')}) select ${selects.join(', ')} from unnest(${params}) as x(${names.join(', ')})`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await em.query(
      sql,
      types.map((t, i) => chunk.map((r) => encode(r[i], t))),
    );
  }
}

function encode(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb') return JSON.stringify(value);
  if (type === 'text[]') return (value as string[]).join('|');
  return value;
}

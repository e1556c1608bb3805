// Checks every foreign key of the loaded tables after a load that skipped the foreign-key triggers: one anti-join
// per constraint, read from the catalog, so a key added by a later migration is checked without changing this file.

/** @returns [{ constraint, table, orphans }] for every foreign key of `tables`. */
export async function checkForeignKeys(client, tables) {
  const { rows: keys } = await client.query(
    `select c.conname, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
            array(select quote_ident(a.attname) from unnest(c.conkey) with ordinality k(n, i)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as child_cols,
            array(select quote_ident(a.attname) from unnest(c.confkey) with ordinality k(n, i)
                    join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as parent_cols
       from pg_constraint c
      where c.contype = 'f' and c.conrelid::regclass::text = any($1::text[])
      order by 2, 1`,
    [tables],
  );
  const results = [];
  for (const k of keys) {
    // MATCH SIMPLE: a key with a null column is not checked, so neither is it here.
    const present = k.child_cols.map((col) => `c.${col} is not null`).join(' and ');
    const match = k.child_cols.map((col, i) => `p.${k.parent_cols[i]} = c.${col}`).join(' and ');
    const {
      rows: [{ n }],
    } = await client.query(
      `select count(*)::bigint as n from ${k.child} c where ${present} and not exists (select 1 from ${k.parent} p where ${match})`,
    );
    results.push({ constraint: k.conname, table: k.child, orphans: Number(n) });
  }
  return results;
}

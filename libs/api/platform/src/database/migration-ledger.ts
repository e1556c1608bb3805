import { createHash } from 'node:crypto';
import { EntityManager, MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

/**
 * What an app applies: its migrations in order, the checksum of each one's source text (a committed manifest that a
 * unit test keeps equal to the files), and the names older builds applied that now stand for other migrations.
 */
export interface MigrationSet {
  migrations: readonly MigrationClass[];
  checksums: Readonly<Record<string, string>>;
  /** An applied name that no longer exists → the migrations that hold its statements now ([] for an empty one). */
  retired: Readonly<Record<string, readonly string[]>>;
}

/** The migrate step will not run against this database; the message is one line saying why and what to do. */
export class MigrationRefused extends Error {
  override name = 'MigrationRefused';
}

/** sha256 of a migration's source, line endings normalised so a Windows checkout hashes the same. */
export function migrationChecksum(source: string): string {
  return createHash('sha256').update(source.replace(/\r\n/g, '\n')).digest('hex');
}

export function migrationName(migration: MigrationClass): string {
  return new migration().name ?? migration.name;
}

/** TypeORM reads a migration's timestamp from the last 13 digits of its name. */
function timestampOf(name: string): number {
  return Number(/(\d{13})$/.exec(name)?.[1] ?? 0);
}

/**
 * Before migrating: TypeORM's list of applied migrations gains a checksum column; names retired by a later build are
 * replaced by the names that hold their statements now; then every applied migration must be one this build has, with
 * the text it had when applied. A checksum missing (applied before checksums were kept) is recorded as it is now.
 */
export async function checkAppliedMigrations(db: EntityManager, table: string, set: MigrationSet): Promise<void> {
  const known = new Set(set.migrations.map(migrationName));
  for (const name of known) {
    if (!set.checksums[name])
      throw new MigrationRefused(
        `Migration ${name} has no checksum in this build's manifest; add it before migrating.`,
      );
  }
  await db.query(
    `create table if not exists ${table} (id serial primary key, timestamp bigint not null, name varchar not null)`,
  );
  await db.query(`alter table ${table} add column if not exists checksum text`);
  await db.query(`lock table ${table} in share row exclusive mode`);
  const present = new Set(((await db.query(`select name from ${table}`)) as { name: string }[]).map((r) => r.name));
  for (const [old, replacements] of Object.entries(set.retired)) {
    if (!present.has(old)) continue;
    await db.query(`delete from ${table} where name = $1`, [old]);
    for (const name of replacements) {
      if (!present.has(name))
        await db.query(`insert into ${table} (timestamp, name) values ($1, $2)`, [timestampOf(name), name]);
    }
  }
  const applied = (await db.query(`select name, checksum from ${table} order by id`)) as {
    name: string;
    checksum: string | null;
  }[];
  for (const { name, checksum } of applied) {
    if (!known.has(name)) {
      throw new MigrationRefused(
        `This database has migration ${name} applied, which this build does not know: it was migrated by a newer or different build of Emis; run that build or restore a backup taken before it.`,
      );
    }
    const expected = set.checksums[name];
    if (checksum === null) await db.query(`update ${table} set checksum = $2 where name = $1`, [name, expected]);
    else if (checksum !== expected) {
      throw new MigrationRefused(
        `Migration ${name} was changed after it was applied to this database (checksum ${checksum.slice(0, 12)}… then, ${expected.slice(0, 12)}… now): restore its text and put the change in a new migration.`,
      );
    }
  }
}

/** After migrating: the checksums of the migrations just applied. */
export async function recordChecksums(
  db: EntityManager,
  table: string,
  set: MigrationSet,
  names: readonly string[],
): Promise<void> {
  for (const name of names)
    await db.query(`update ${table} set checksum = $2 where name = $1`, [name, set.checksums[name]]);
}

import { MigrationRefused, migrationName, prepareDatabase } from '@emis/api/platform';
import { DataSource } from 'typeorm';
import { API_MIGRATIONS, MIGRATIONS, migrateDatabase } from '../src/migrations';
import { readTestEnv } from './test-env';

/** The names a database migrated before the migrations moved to their contexts has applied, in order. */
const BEFORE_THE_MOVE = [
  'CreateFoundation1764100000000',
  'CreatePeople1764200000000',
  'AddPeopleDetails1764200000100',
  'AddAcademicDetails1764200000200',
  'AddStaffDetails1764200000300',
  'AddImportDetails1764200000400',
  'CreateGradebook1764300000000',
];
/** Migrations written after the move: such a database has them applied under their own names. */
const AFTER_THE_MOVE = MIGRATIONS.map(migrationName).filter((name) => Number(name.slice(-13)) > 1764300000000);

describe('the migrate step', () => {
  const name = `emis_migrations_${process.pid}`;
  const url = new URL(readTestEnv().ownerUrl);
  url.pathname = `/${name}`;
  let server: DataSource;
  let db: DataSource;
  const ledger = async () =>
    (await db.query(`select name, checksum from schema_migration order by id`)) as {
      name: string;
      checksum: string | null;
    }[];

  beforeAll(async () => {
    server = new DataSource({ type: 'postgres', url: readTestEnv().ownerUrl });
    await server.initialize();
    await server.query(`create database ${name}`);
    db = new DataSource({ type: 'postgres', url: url.toString() });
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await server.query(`drop database ${name}`);
    await server.destroy();
  });

  it('migrates on a database that applied the foundation under its old name, and records every checksum', async () => {
    // As an older build left it: the foundation's tables in place, applied as one migration, no checksums.
    const foundation = MIGRATIONS.slice(0, 4);
    await prepareDatabase(url.toString(), { ...API_MIGRATIONS, migrations: foundation });
    await db.query(`drop table schema_migration`);
    await db.query(
      `create table schema_migration (id serial primary key, timestamp bigint not null, name varchar not null)`,
    );
    await db.query(
      `insert into schema_migration (timestamp, name) values (1764100000000, 'CreateFoundation1764100000000')`,
    );

    const applied = await migrateDatabase(url.toString());

    expect(applied).toEqual(MIGRATIONS.slice(4).map(migrationName));
    expect(await ledger()).toEqual(
      MIGRATIONS.map((m) => ({ name: migrationName(m), checksum: API_MIGRATIONS.checksums[migrationName(m)] })),
    );
  });

  it('applies nothing to a database fully migrated before the move (empty placeholders included)', async () => {
    await db.query(`alter table schema_migration drop column checksum`);
    await db.query(`delete from schema_migration`);
    for (const old of [...BEFORE_THE_MOVE, ...AFTER_THE_MOVE])
      await db.query(`insert into schema_migration (timestamp, name) values ($1, $2)`, [Number(old.slice(-13)), old]);

    expect(await migrateDatabase(url.toString())).toEqual([]);
    expect((await ledger()).map((r) => r.name).sort()).toEqual(MIGRATIONS.map(migrationName).sort());
    expect((await ledger()).every((r) => r.checksum === API_MIGRATIONS.checksums[r.name])).toBe(true);
  });

  it('refuses, in one line, a database where an applied migration has changed since', async () => {
    await db.query(`update schema_migration set checksum = $1 where name = 'CreateGradebook1764300000000'`, [
      '0'.repeat(64),
    ]);
    const refusal = migrateDatabase(url.toString());
    await expect(refusal).rejects.toThrow(MigrationRefused);
    await expect(refusal).rejects.toThrow(
      /^Migration CreateGradebook1764300000000 was changed after it was applied to this database [^\n]*new migration\.$/,
    );
    await db.query(`update schema_migration set checksum = $1 where name = 'CreateGradebook1764300000000'`, [
      API_MIGRATIONS.checksums['CreateGradebook1764300000000'],
    ]);
  });

  it('refuses a database migrated by a build with a migration this one lacks', async () => {
    await db.query(
      `insert into schema_migration (timestamp, name, checksum) values (1799999999999, 'AddFutureThing1799999999999', 'x')`,
    );
    await expect(migrateDatabase(url.toString())).rejects.toThrow(
      /^This database has migration AddFutureThing1799999999999 applied, which this build does not know/,
    );
    await db.query(`delete from schema_migration where name = 'AddFutureThing1799999999999'`);
    expect(await migrateDatabase(url.toString())).toEqual([]);
  });
});

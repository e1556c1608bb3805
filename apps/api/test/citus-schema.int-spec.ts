import { readFileSync } from 'node:fs';
import { QueryRunner } from 'typeorm';
import {
  Catalog,
  colocationViolations,
  distributeScriptViolations,
  DISTRIBUTE_FILE,
  distributionKeyViolations,
  loadTablePlan,
  missingScriptFunctions,
  planCoverageViolations,
  Query,
  readCatalog,
  readCatalogs,
  referenceDirectionViolations,
  rowSecurityViolations,
  TablePlan,
} from './citus-schema-rules';
import { startTestApp, TestApp } from './harness';

/**
 * The migrated schema against tools/citus/table-plan.json and tools/citus/distribute.sql: what Citus would refuse
 * is caught here, on plain PostgreSQL, when the migration is written. (tenant-isolation.int-spec.ts checks RLS and
 * school_id keys for tables that have a school_id column; these checks start from the plan instead, so a
 * school-owned table without school_id, a misfiled table or a key across groups is caught too.)
 */
describe('Citus readiness of the schema', () => {
  let t: TestApp;
  let catalog: Catalog;
  const plan = loadTablePlan();
  const script = readFileSync(DISTRIBUTE_FILE, 'utf8');

  beforeAll(async () => {
    t = await startTestApp();
    catalog = await readCatalogs((sql, params) => t.owner.query(sql, params), ['public', 'reporting']);
  });
  afterAll(() => t.close());

  it('classifies every table of the public and reporting schemas in the plan, and every planned table exists', () => {
    expect(catalog.tables.length).toBeGreaterThanOrEqual(30);
    expect(catalog.tables.filter((x) => x.name.startsWith('reporting.')).length).toBeGreaterThanOrEqual(10);
    expect(planCoverageViolations(catalog, plan)).toEqual([]);
  });

  it('keeps school_id in the primary key, every unique key and both sides of every key between distributed tables', () => {
    expect(catalog.keys.filter((k) => plan.tables[k.table]?.kind === 'distributed').length).toBeGreaterThan(60);
    expect(distributionKeyViolations(catalog, plan)).toEqual([]);
  });

  it('has no foreign key from a reference table to a distributed one', () => {
    expect(referenceDirectionViolations(catalog, plan)).toEqual([]);
  });

  it('keeps foreign keys between distributed tables inside one colocation group', () => {
    expect(colocationViolations(catalog, plan)).toEqual([]);
  });

  it('enables and forces row-level security, with a policy, on every distributed table', () => {
    expect(rowSecurityViolations(catalog, plan)).toEqual([]);
  });

  it('distribute.sql names every planned table once, with its kind and group, in foreign-key order', () => {
    expect(distributeScriptViolations(script, plan, catalog)).toEqual([]);
  });

  it('distribute.sql hands only existing function signatures to create_distributed_function', async () => {
    expect(await missingScriptFunctions((sql, params) => t.owner.query(sql, params), script)).toEqual([]);
  });

  it('distribute.sql sets aside exactly the foreign keys between planned tables, and restores them after the last table', async () => {
    // The script's own selection (every foreign key between tables of the public and reporting schemas), run here: it
    // must find every foreign key between two tables the plan distributes or replicates, and nothing else (Citus
    // refuses the order otherwise: docs/scaling.md, "Migration path").
    const selection = /create table citus_distribution\.foreign_key as\s+([\s\S]+?);/.exec(script)?.[1];
    expect(selection).toBeDefined();
    const found: { table_name: string; name: string }[] = await t.owner.query(selection!);
    const planned = (table?: string) => ['distributed', 'reference'].includes(plan.tables[table ?? '']?.kind ?? '');
    const between = catalog.keys.filter((k) => k.type === 'f' && planned(k.table) && planned(k.refTable));
    expect(between.filter((k) => plan.tables[k.refTable!].kind === 'distributed').length).toBeGreaterThan(20);
    expect(found.map((k) => `${k.table_name}.${k.name}`).sort()).toEqual(
      between.map((k) => `${k.table}.${k.name}`).sort(),
    );
    // Dropped before the first table is distributed, added back after the last, then the local copies emptied and
    // every table analyzed, with the two cluster settings the first run on a cluster needed.
    const at = (text: string) => script.indexOf(text);
    const drop = at('drop constraint');
    const add = at('add constraint');
    expect(drop).toBeGreaterThan(0);
    expect(drop).toBeLessThan(at('create_reference_table('));
    expect(add).toBeGreaterThan(script.lastIndexOf('create_distributed_table('));
    expect(at('truncate_local_data_after_distributing_table')).toBeGreaterThan(add);
    expect(at('vacuum analyze')).toBeGreaterThan(add);
    expect(script).toContain(`alter system set citus.propagate_set_commands = 'local'`);
    expect(script).toContain('alter system set citus.allow_modifications_from_workers_to_replicated_tables = off');
  });

  describe('on a schema that breaks each rule (made in a transaction that is rolled back)', () => {
    let qr: QueryRunner;
    let probe: Catalog;
    let query: Query;
    const probePlan: TablePlan = {
      distributionColumn: 'school_id',
      colocationGroups: { a: 'group a', b: 'group b' },
      tables: {
        school: { kind: 'distributed', colocation: 'a', why: 'obeys every rule' },
        pk_without_school: { kind: 'distributed', colocation: 'a', why: '' },
        fk_mispaired: { kind: 'distributed', colocation: 'a', why: '' },
        other_group: { kind: 'distributed', colocation: 'b', why: '' },
        no_rls: { kind: 'distributed', colocation: 'a', why: '' },
        catalogue: { kind: 'reference', why: '' },
        misfiled: { kind: 'reference', why: '' },
        ghost: { kind: 'reference', why: '' },
      },
    };

    beforeAll(async () => {
      qr = t.owner.createQueryRunner();
      await qr.connect();
      await qr.startTransaction();
      await qr.query(`
        create schema citus_probe;
        set local search_path = citus_probe, public;
        create table school (school_id uuid, id uuid, primary key (school_id, id));
        create table pk_without_school (school_id uuid not null, id uuid primary key);
        create unique index pk_without_school_id_idx on pk_without_school (id) where school_id is not null;
        create table fk_mispaired (school_id uuid, id uuid, primary key (school_id, id),
          foreign key (id, school_id) references school (school_id, id));
        create table other_group (school_id uuid, id uuid, primary key (school_id, id),
          foreign key (school_id, id) references school (school_id, id));
        create table no_rls (school_id uuid, id uuid, primary key (school_id, id));
        create table catalogue (code text primary key, owner_school uuid, owner_id uuid,
          foreign key (owner_school, owner_id) references school (school_id, id));
        create table misfiled (school_id uuid primary key);
        create table unplanned (id int);
      `);
      for (const table of ['school', 'pk_without_school', 'fk_mispaired', 'other_group']) {
        await qr.query(`alter table citus_probe.${table} enable row level security, force row level security;
          create policy ${table}_scope on citus_probe.${table} using (emis_in_scope(school_id))`);
      }
      query = (sql, params) => qr.query(sql, params);
      probe = await readCatalog(query, 'citus_probe');
    });
    afterAll(async () => {
      await qr.rollbackTransaction();
      await qr.release();
    });

    it('reports an unplanned table and a planned table that does not exist', () => {
      expect(planCoverageViolations(probe, probePlan)).toEqual([
        'unplanned: not in the table plan',
        'ghost: planned but no such table',
      ]);
    });

    it('reports keys without school_id, a mispaired foreign key and school_id on a reference table', () => {
      expect(distributionKeyViolations(probe, probePlan).sort()).toEqual([
        'fk_mispaired.fk_mispaired_id_school_id_fkey: foreign key to school does not pair school_id with school_id',
        'misfiled: reference table has school_id; school-owned tables are distributed',
        'pk_without_school.pk_without_school_id_idx: unique index without school_id',
        'pk_without_school.pk_without_school_pkey: primary key without school_id',
      ]);
    });

    it('reports a foreign key from a reference table to a distributed one', () => {
      expect(referenceDirectionViolations(probe, probePlan)).toEqual([
        'catalogue.catalogue_owner_school_owner_id_fkey: reference table references distributed school',
      ]);
    });

    it('reports a foreign key across colocation groups', () => {
      expect(colocationViolations(probe, probePlan)).toEqual([
        'other_group.other_group_school_id_id_fkey: references school in colocation group a, not b',
      ]);
    });

    it('reports a distributed table without row-level security', () => {
      expect(rowSecurityViolations(probe, probePlan)).toEqual([
        'no_rls: row-level security not enabled',
        'no_rls: row-level security not forced',
        'no_rls: no RLS policy',
      ]);
    });

    it('reports a script with wrong order, kind, column, colocation and missing tables', () => {
      const broken = `
        select create_reference_table('catalogue');
        select create_distributed_table('fk_mispaired', 'school_id', colocate_with := 'school');
        select create_distributed_table('school', 'school_id', colocate_with := 'none');
        select create_distributed_table('pk_without_school', 'id', colocate_with := 'school');
        select create_reference_table('no_rls');
        -- select create_distributed_table('other_group', 'school_id', colocate_with := 'none');
        select create_distributed_table('other_group', 'school_id', colocate_with := 'school');
        select create_reference_table('unplanned');`;
      expect(
        distributeScriptViolations(
          broken,
          { ...probePlan, tables: { ...probePlan.tables, ghost: { kind: 'local', why: '' } } },
          probe,
        ).sort(),
      ).toEqual([
        'catalogue: comes before school in distribute.sql, which its key catalogue_owner_school_owner_id_fkey references',
        'fk_mispaired: colocate_with school is not an earlier table of group a',
        'fk_mispaired: comes before school in distribute.sql, which its key fk_mispaired_id_school_id_fkey references',
        'misfiled: reference in the plan but missing from distribute.sql',
        'no_rls: distributed in the plan but create_reference_table in distribute.sql',
        'other_group: colocate_with school is not an earlier table of group b',
        'pk_without_school: distributed by id, not school_id',
        'unplanned: in distribute.sql but not in the plan',
      ]);
    });

    it('reports a function signature that does not exist', async () => {
      const sql = `select create_distributed_function('emis_in_scope(uuid)'); select create_distributed_function('emis_in_scope(text)');`;
      expect(await missingScriptFunctions(query, sql)).toEqual(['emis_in_scope(text): no such function']);
    });
  });
});

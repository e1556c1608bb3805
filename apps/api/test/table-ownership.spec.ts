import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTablePlan } from './citus-schema-rules';
import {
  describeUse,
  foreignReads,
  foreignWrites,
  repositoryUses,
  ROOT,
  sqlTables,
  sqlUses,
} from './table-ownership-rules';

/**
 * Every table has one owning context (tools/citus/table-plan.json, `owner`), and only that context's code writes it;
 * every context reads other contexts only through their published ports or named views (docs/adr/table-ownership-and-events.md).
 * Unit-level: it reads the source, not a database. The seed is not scanned (see sourceFiles).
 */

const plan = loadTablePlan();
const uses = repositoryUses();

describe('table ownership', () => {
  it('names one known owning context for every planned table and view', () => {
    const contexts = new Set([...readdirSync(path.join(ROOT, 'libs/api')), 'platform']);
    const owners = [...Object.entries(plan.tables), ...Object.entries(plan.views ?? {})].map(
      ([name, e]) => [name, e.owner] as const,
    );
    expect(owners.filter(([, owner]) => !owner || !contexts.has(owner))).toEqual([]);
  });

  it('finds the statements it looks for (the scan is not blind)', () => {
    expect(uses.filter((u) => u.kind === 'write').length).toBeGreaterThan(40);
    expect(uses.some((u) => u.context === 'grading' && u.table === 'grade_entry' && u.kind === 'write')).toBe(true);
    expect(uses.some((u) => u.context === 'academic' && u.table === 'teaching_assignment' && u.kind === 'write')).toBe(
      true,
    );
  });

  it('lets no context write a table it does not own', () => {
    expect(foreignWrites(uses, plan).map(describeUse)).toEqual([]);
  });

  it('lets every context (and the app) read other contexts only through ports and named views', () => {
    expect(foreignReads(uses, plan).map(describeUse)).toEqual([]);
  });

  it('creates every named view of the plan in a migration', () => {
    // Each context's migrations live in its own folder (libs/api/<context>/src/migrations).
    const sql = readdirSync(path.join(ROOT, 'libs/api'))
      .map((context) => path.join(ROOT, 'libs/api', context, 'src/migrations'))
      .filter((dir) => existsSync(dir))
      .flatMap((dir) => readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8')))
      .join('\n');
    expect(Object.keys(plan.views ?? {}).filter((v) => !new RegExp(`create view ${v}\\b`).test(sql))).toEqual([]);
  });
});

describe('the SQL scan', () => {
  it("sees each kind of write, and no write in an upsert's DO UPDATE or in a read", () => {
    expect(
      sqlTables(`insert into grade_entry (a) values (1) on conflict (a) do update set a = excluded.a`).writes,
    ).toEqual(['grade_entry']);
    expect(sqlTables(`update class c set name = $1 from school_year y where y.id = c.school_year_id`).writes).toEqual([
      'class',
    ]);
    expect(
      sqlTables(`with x as (delete from teaching_assignment a using class c where true returning 1) select 1`).writes,
    ).toEqual(['teaching_assignment']);
    expect(sqlTables(`copy student (id, full_name) from stdin`).writes).toEqual(['student']);
    expect(sqlTables(`select audit_append($1, now())`).writes).toEqual(['audit_log']);
    expect(sqlTables(`select * from staff s for update`).writes).toEqual([]);
  });

  it('names a table outside public by its schema, as the plan does', () => {
    expect(sqlTables(`insert into reporting.headcount (school_id) select 1`).writes).toEqual(['reporting.headcount']);
    expect(sqlTables(`delete from reporting.dirty d where d.school_id = $1`).writes).toEqual(['reporting.dirty']);
    expect(sqlTables(`select 1 from reporting.subject_result r join class c on true`).reads).toEqual([
      'reporting.subject_result',
      'class',
    ]);
  });

  it('sees the tables of joins, comma lists and USING', () => {
    expect(
      sqlTables(
        `select 1 from class c, school_year y join staff s on true where exists (select 1 from enrolment)`,
      ).reads.sort(),
    ).toEqual(['class', 'enrolment', 'school_year', 'staff']);
    // A DELETE's own table counts as read as well: only its owner may write it anyway.
    expect(sqlTables(`delete from teaching_assignment a using class c, school_year y`).reads.sort()).toEqual([
      'class',
      'school_year',
      'teaching_assignment',
    ]);
  });

  it('fails a context that writes a foreign table, in a template string or through TypeORM', () => {
    const source = [
      'export const release = (em: EntityManager, id: string) =>',
      '  em.query(`update class set homeroom_staff_id = null where homeroom_staff_id = ${id}`);',
      'export const save = (em: EntityManager) => em.getRepository(Staff).save({});',
    ].join('\n');
    expect(foreignWrites(sqlUses(source, 'staff', 'libs/api/staff/src/x.ts'), plan).map(describeUse)).toEqual([
      'staff writes class (libs/api/staff/src/x.ts:2)',
      'staff writes (typeorm) (libs/api/staff/src/x.ts:3)',
    ]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTablePlan } from './citus-schema-rules';
import { describeUse, foreignReads, foreignWrites, repositoryUses, ROOT, sqlTables, sqlUses, SqlUse } from './table-ownership-rules';

/**
 * Every table has one owning context (tools/citus/table-plan.json, `owner`), and only that context's code writes it;
 * grading reads other contexts only through their published ports or named views (docs/adr/table-ownership-and-events.md).
 * Unit-level: it reads the source, not a database. The seed is not scanned (see sourceFiles).
 */

/**
 * Writes that are moving to their owners in the import-pipeline part of the renovation (issue 9, deliverable 4): the
 * student and staff importers of transfer-io become people's and staff's. Remove each line when its importer moves;
 * a line that no longer matches a write fails the test, so the list cannot go stale.
 */
const MOVING_TO_OWNER: { context: string; table: string; file: string }[] = [
  { context: 'transfer-io', table: 'staff', file: 'libs/api/transfer-io/src/staff/staff-import.repository.ts' },
  { context: 'transfer-io', table: 'staff_history', file: 'libs/api/transfer-io/src/staff/staff-import.repository.ts' },
  { context: 'transfer-io', table: 'student', file: 'libs/api/transfer-io/src/students/student-import.repository.ts' },
  { context: 'transfer-io', table: 'guardian', file: 'libs/api/transfer-io/src/students/student-import.repository.ts' },
  { context: 'transfer-io', table: 'enrolment', file: 'libs/api/transfer-io/src/students/student-import.repository.ts' },
];

/** Contexts whose reads are checked: they read others only through ports (the owner's code) or named views. */
const READS_CHECKED = ['grading', 'staff', 'platform', 'app'];

const plan = loadTablePlan();
const uses = repositoryUses();
const allowed = (u: SqlUse) => MOVING_TO_OWNER.some((a) => a.context === u.context && a.table === u.table && a.file === u.file);

describe('table ownership', () => {
  it('names one known owning context for every planned table and view', () => {
    const contexts = new Set([...readdirSync(path.join(ROOT, 'libs/api')), 'platform']);
    const owners = [...Object.entries(plan.tables), ...Object.entries(plan.views ?? {})].map(([name, e]) => [name, e.owner] as const);
    expect(owners.filter(([, owner]) => !owner || !contexts.has(owner))).toEqual([]);
  });

  it('finds the statements it looks for (the scan is not blind)', () => {
    expect(uses.filter((u) => u.kind === 'write').length).toBeGreaterThan(40);
    expect(uses.some((u) => u.context === 'grading' && u.table === 'grade_entry' && u.kind === 'write')).toBe(true);
    expect(uses.some((u) => u.context === 'academic' && u.table === 'teaching_assignment' && u.kind === 'write')).toBe(true);
  });

  it('lets no context write a table it does not own', () => {
    expect(foreignWrites(uses, plan).filter((u) => !allowed(u)).map(describeUse)).toEqual([]);
  });

  it('keeps the list of writes moving to their owners exact', () => {
    const foreign = foreignWrites(uses, plan);
    expect(MOVING_TO_OWNER.filter((a) => !foreign.some((u) => allowed(u) && u.table === a.table && u.file === a.file))).toEqual([]);
  });

  it('lets grading and staff (and the platform and the app) read other contexts only through ports and named views', () => {
    expect(foreignReads(uses, plan, READS_CHECKED).map(describeUse)).toEqual([]);
  });

  it('creates every named view of the plan in a migration', () => {
    const dir = path.join(ROOT, 'libs/api/platform/src/migrations');
    const sql = readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
    expect(Object.keys(plan.views ?? {}).filter((v) => !new RegExp(`create view ${v}\\b`).test(sql))).toEqual([]);
  });
});

describe('the SQL scan', () => {
  it('sees each kind of write, and no write in an upsert\'s DO UPDATE or in a read', () => {
    expect(sqlTables(`insert into grade_entry (a) values (1) on conflict (a) do update set a = excluded.a`).writes).toEqual(['grade_entry']);
    expect(sqlTables(`update class c set name = $1 from school_year y where y.id = c.school_year_id`).writes).toEqual(['class']);
    expect(sqlTables(`with x as (delete from teaching_assignment a using class c where true returning 1) select 1`).writes).toEqual(['teaching_assignment']);
    expect(sqlTables(`copy student (id, full_name) from stdin`).writes).toEqual(['student']);
    expect(sqlTables(`select audit_append($1, now())`).writes).toEqual(['audit_log']);
    expect(sqlTables(`select * from staff s for update`).writes).toEqual([]);
  });

  it('sees the tables of joins, comma lists and USING', () => {
    expect(sqlTables(`select 1 from class c, school_year y join staff s on true where exists (select 1 from enrolment)`).reads.sort()).toEqual(
      ['class', 'enrolment', 'school_year', 'staff'],
    );
    // A DELETE's own table counts as read as well: only its owner may write it anyway.
    expect(sqlTables(`delete from teaching_assignment a using class c, school_year y`).reads.sort()).toEqual(['class', 'school_year', 'teaching_assignment']);
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

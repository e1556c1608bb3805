import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gradebook locks by scope (docs/domain/gradebook.md, "Locks and corrections"): a lock of a semester of the school
 * year may be narrowed to a grade, a class, a subject and an assessment column (each null = every one). The
 * existing rows were semester locks of the whole school: they keep their meaning as rows with every scope null.
 * The primary key becomes (school_id, id); one lock per scope (the unique index treats null scopes as equal).
 * A save is refused when any lock covers its sheet (gradebook.repository.ts, the context query); the index leads
 * with (school_id, school_year_id, semester), the predicate every check starts with.
 */
export class ScopeGradingLocks1765000000960 implements MigrationInterface {
  name = 'ScopeGradingLocks1765000000960';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table grading_lock add column id uuid not null default gen_random_uuid();
      alter table grading_lock add column grade text;
      alter table grading_lock add column class_id uuid;
      alter table grading_lock add column subject_code text references subject (code);
      alter table grading_lock add column column_key text check (column_key is null or column_key ~ '^[A-Z0-9_]{1,20}$');
      alter table grading_lock add column reason text check (reason is null or length(reason) <= 500);
      alter table grading_lock add foreign key (school_id, class_id) references class (school_id, id);
      alter table grading_lock drop constraint grading_lock_pkey;
      alter table grading_lock add primary key (school_id, id);
      create unique index grading_lock_scope_key on grading_lock (school_id, school_year_id, semester,
        coalesce(grade, ''), coalesce(class_id, '00000000-0000-0000-0000-000000000000'::uuid),
        coalesce(subject_code, ''), coalesce(column_key, ''));
      grant select, insert, delete on grading_lock to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from grading_lock where grade is not null or class_id is not null or subject_code is not null or column_key is not null;
      drop index grading_lock_scope_key;
      alter table grading_lock drop constraint grading_lock_pkey;
      alter table grading_lock add primary key (school_id, school_year_id, semester);
      alter table grading_lock drop column reason, drop column column_key, drop column subject_code, drop column class_id,
        drop column grade, drop column id;
    `);
  }
}

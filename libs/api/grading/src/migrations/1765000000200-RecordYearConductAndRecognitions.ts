import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two year-end records the school decides or enters (docs/domain/circular-58.md, primary-assessment-c27.md):
 * - the Circular 58 year conduct (Art. 3.2), entered by the homeroom teacher, not derived from semester II: a
 *   conduct_rating row with semester 0 ("cả năm");
 * - year_recognition: the school's decision on a pupil's award or title (Circular 22 Art. 15, Circular 58 Art. 18,
 *   Circular 27 Art. 15) and on a primary pupil's programme completion (Circular 27 Art. 14), beside what the
 *   software proposed, with who decided, when and why.
 */
export class RecordYearConductAndRecognitions1765000000200 implements MigrationInterface {
  name = 'RecordYearConductAndRecognitions1765000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table conduct_rating drop constraint conduct_rating_semester_check;
      alter table conduct_rating add constraint conduct_rating_semester_check check (semester in (0, 1, 2));
      comment on column conduct_rating.semester is '1, 2: the semesters; 0: the year conduct a Circular 58 class enters.';

      create table year_recognition (
        school_id uuid not null,
        class_id uuid not null,
        student_id uuid not null,
        kind text not null check (kind in ('AWARD', 'COMPLETION')),
        proposed text,
        decision text not null check (decision in (
          'NONE', 'EXCELLENT', 'GOOD', 'ADVANCED', 'EXEMPLARY', 'GRADE_COMPLETED', 'PRIMARY_COMPLETED', 'NOT_COMPLETED')),
        reason text,
        version integer not null default 1,
        decided_by uuid not null,
        decided_by_name text,
        decided_at timestamptz not null,
        primary key (school_id, class_id, student_id, kind),
        foreign key (school_id, class_id) references class (school_id, id),
        foreign key (school_id, student_id) references student (school_id, id)
      );
      comment on table year_recognition is 'The school''s year-end decisions on awards, titles and programme completion.';

      -- A school's decisions: visible and writable only within the schools in scope, like every grading table.
      alter table year_recognition enable row level security;
      alter table year_recognition force row level security;
      create policy year_recognition_scope on year_recognition
        using (emis_in_scope(school_id) and (select emis_scope_sealed()))
        with check (emis_in_scope(school_id) and (select emis_scope_sealed()));
      comment on policy year_recognition_scope on year_recognition is 'year-end decisions of schools in scope';
      grant select, insert, update, delete on year_recognition to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists year_recognition;
      delete from conduct_rating where semester = 0;
      alter table conduct_rating drop constraint conduct_rating_semester_check;
      alter table conduct_rating add constraint conduct_rating_semester_check check (semester in (1, 2));
      comment on column conduct_rating.semester is null;
    `);
  }
}

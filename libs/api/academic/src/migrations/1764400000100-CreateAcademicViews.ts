import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Academic: the named views other contexts read instead of academic's tables (docs/adr/table-ownership-and-events.md).
 * Academic keeps their columns stable when its tables change. security_invoker makes PostgreSQL check the reader's
 * privileges and RLS policies, not the view owner's; a plain view is inlined into the reader's query, so a query
 * through these views plans exactly as one on the tables.
 */
export class CreateAcademicViews1764400000100 implements MigrationInterface {
  name = 'CreateAcademicViews1764400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view academic_class with (security_invoker = true) as
        select c.school_id, c.id, c.name, c.grade, c.school_year_id, y.code as year_code, y.status as year_status, c.homeroom_staff_id
          from class c join school_year y on y.id = c.school_year_id;
      create view academic_teaching_assignment with (security_invoker = true) as
        select school_id, class_id, subject_code, semester, staff_id from teaching_assignment;
      create view academic_school_year with (security_invoker = true) as
        select id, code, status from school_year;
      create view academic_subject with (security_invoker = true) as
        select code, name, name_en, sort_order from subject;
      create view academic_curriculum with (security_invoker = true) as
        select c.grade, s.code, s.name, s.name_en, c.assessment, c.periods_per_year, s.sort_order
          from curriculum_subject c join subject s on s.code = c.subject_code;
      create view academic_attendance with (security_invoker = true) as
        select school_id, class_id, student_id, day, status from attendance;
      grant select on academic_class, academic_teaching_assignment, academic_school_year, academic_subject, academic_curriculum,
        academic_attendance to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view if exists academic_attendance, academic_curriculum, academic_subject, academic_school_year,
      academic_teaching_assignment, academic_class;`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Academic: a school year's first and last day on its named views, for the people context's enrolling (an enrolment
 * starts within its year) instead of reading school_year itself (docs/adr/table-ownership-and-events.md). The new
 * columns come last, as `create or replace view` requires; the views stay security_invoker and inlined.
 *
 * academic_class now joins its year with a LEFT JOIN: the same rows (class.school_year_id is not null and references
 * school_year, which has no row-level policy), but PostgreSQL drops the join on school_year's primary key when a
 * query reads no year column, so a reader that needs only the class (its grade, its name) plans as on class alone.
 */
export class ExtendAcademicViews1764400000600 implements MigrationInterface {
  name = 'ExtendAcademicViews1764400000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace view academic_class with (security_invoker = true) as
        select c.school_id, c.id, c.name, c.grade, c.school_year_id, y.code as year_code, y.status as year_status, c.homeroom_staff_id,
               y.starts_on as year_starts_on, y.ends_on as year_ends_on
          from class c left join school_year y on y.id = c.school_year_id;
      create or replace view academic_school_year with (security_invoker = true) as
        select id, code, status, starts_on, ends_on from school_year;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // A view cannot drop columns in place: recreate the two views as CreateAcademicViews made them.
    await q.query(`
      drop view academic_class, academic_school_year;
      create view academic_class with (security_invoker = true) as
        select c.school_id, c.id, c.name, c.grade, c.school_year_id, y.code as year_code, y.status as year_status, c.homeroom_staff_id
          from class c join school_year y on y.id = c.school_year_id;
      create view academic_school_year with (security_invoker = true) as
        select id, code, status from school_year;
      grant select on academic_class, academic_school_year to emis_app;
    `);
  }
}

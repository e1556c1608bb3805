import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: people_enrolment, the enrolment intervals other contexts read instead of the enrolment table — attendance
 * asks who sat in a class on a day or in a month with this context's enrolledOnSql / enrolledDuringSql over it —
 * and the student's personal id on people_student, appended last as `create or replace view` requires
 * (docs/adr/table-ownership-and-events.md). security_invoker: the reader's privileges and RLS apply; inlined.
 */
export class CreatePeopleEnrolmentView1764400000700 implements MigrationInterface {
  name = 'CreatePeopleEnrolmentView1764400000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view people_enrolment with (security_invoker = true) as
        select school_id, id, student_id, class_id, school_year_id, from_date, to_date from enrolment;
      create or replace view people_student with (security_invoker = true) as
        select school_id, id, full_name, date_of_birth, gender, given_name, middle_name, family_name, personal_id from student;
      grant select on people_enrolment to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop view people_enrolment;
      drop view people_student;
      create view people_student with (security_invoker = true) as
        select school_id, id, full_name, date_of_birth, gender, given_name, middle_name, family_name from student;
      grant select on people_student to emis_app;
    `);
  }
}

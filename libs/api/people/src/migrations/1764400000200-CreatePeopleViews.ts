import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: the named views other contexts read instead of people's tables (docs/adr/table-ownership-and-events.md).
 * people_class_roster is who sits in a class now — the one place the open-enrolment predicate lives for readers
 * outside people. security_invoker: the reader's privileges and RLS apply; the views are inlined into its query.
 */
export class CreatePeopleViews1764400000200 implements MigrationInterface {
  name = 'CreatePeopleViews1764400000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view people_student with (security_invoker = true) as
        select school_id, id, full_name, date_of_birth, gender, given_name, middle_name, family_name from student;
      create view people_class_roster with (security_invoker = true) as
        select e.school_id, e.class_id, st.id as student_id, st.full_name, st.date_of_birth, st.gender,
               st.given_name, st.middle_name, st.family_name
          from enrolment e join student st on st.school_id = e.school_id and st.id = e.student_id
         where e.to_date is null;
      grant select on people_student, people_class_roster to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view if exists people_class_roster, people_student;`);
  }
}

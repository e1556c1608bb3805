import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: the indexes that keep the student list O(page) at any school size (docs/domain/records.md, "Lists at any
 * size"). Without them the list's class column (the chosen year's latest enrolment of each pupil) rescanned the
 * school's enrolments for every pupil, and the Vietnamese name order sorted the whole school before the page was cut.
 */
export class IndexStudentLists1765000000500 implements MigrationInterface {
  name = 'IndexStudentLists1765000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A pupil's enrolments of a year, open or closed: the list's class column looks one up per row shown.
      create index enrolment_student_year_idx on enrolment (school_id, student_id, school_year_id, from_date);
      -- Who was ever in a class (a class belongs to one year): the class and teacher filters start from it.
      create index enrolment_class_student_idx on enrolment (school_id, class_id, student_id);
      -- The list's name order (given name, middle names, family name, Vietnamese collation), read in index order.
      create index student_list_name_idx on student (school_id, given_name collate "vi-x-icu",
        middle_name collate "vi-x-icu", family_name collate "vi-x-icu", id);
      -- The date-of-birth order, either way; ties are sorted by name within a day.
      create index student_list_birth_idx on student (school_id, date_of_birth);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index student_list_birth_idx;
      drop index student_list_name_idx;
      drop index enrolment_class_student_idx;
      drop index enrolment_student_year_idx;
    `);
  }
}

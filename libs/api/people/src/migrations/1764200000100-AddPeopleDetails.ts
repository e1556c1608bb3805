import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema changes of the students context that CreatePeople did not foresee. */
export class AddPeopleDetails1764200000100 implements MigrationInterface {
  name = 'AddPeopleDetails1764200000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A student has at most one pending release at a time: two sending rows for one student would let two schools
      -- accept the same child. Partial unique index with school_id first (Citus distribution column).
      create unique index student_transfer_pending_idx on student_transfer (school_id, student_id, direction)
        where status = 'PENDING';
      -- The list of a school's transfers, newest first, per side and status.
      create index student_transfer_list_idx on student_transfer (school_id, direction, status, requested_at desc);
      -- The promotion of a grade reads and replaces the decisions of one year.
      create index year_outcome_year_idx on year_outcome (school_id, school_year_id, grade);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index if exists year_outcome_year_idx;
      drop index if exists student_transfer_list_idx;
      drop index if exists student_transfer_pending_idx;
    `);
  }
}

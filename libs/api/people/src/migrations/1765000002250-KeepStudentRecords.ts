import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: a pupil's record is kept, never deleted, by the application (docs/domain/records.md, "Lists at any size").
 * No use case deletes one — a pupil who leaves keeps the record with its status (transferred, dropped out,
 * graduated), and a transfer writes a new record at the receiving school — so the application role loses the right to
 * delete them. The student list relies on it: a school's whole list, once counted past the count's cap, cannot fall
 * back below it, so the API does not count it again (`StudentsService.totalOf`).
 */
export class KeepStudentRecords1765000002250 implements MigrationInterface {
  name = 'KeepStudentRecords1765000002250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`revoke delete on student from emis_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`grant delete on student to emis_app`);
  }
}

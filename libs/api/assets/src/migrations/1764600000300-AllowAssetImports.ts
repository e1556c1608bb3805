import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Importing an asset list (job kind ASSETS) runs as a job like the student, staff and gradebook imports: the job
 * table's kind check, owned by the spreadsheets library and last widened by grading, admits it.
 */
export class AllowAssetImports1764600000300 implements MigrationInterface {
  name = 'AllowAssetImports1764600000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table import_job drop constraint import_job_kind_check;
      alter table import_job add constraint import_job_kind_check
        check (kind in ('STUDENTS', 'STAFF', 'GRADEBOOK', 'ASSETS'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from import_job where kind = 'ASSETS';
      alter table import_job drop constraint import_job_kind_check;
      alter table import_job add constraint import_job_kind_check check (kind in ('STUDENTS', 'STAFF', 'GRADEBOOK'));
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notices of an import job: values read after a correction the clerk should check (an id typed as a number, its
 * leading zero restored), kept beside the errors (docs/adr/jobs-and-import-registry.md, "Errors and notices").
 */
export class AddImportNotices1765000000400 implements MigrationInterface {
  name = 'AddImportNotices1765000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Same shape as errors ({row, column, header, message}); the row-level policy of import_job covers the column.
      alter table import_job add column notices jsonb not null default '[]';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table import_job drop column if exists notices;
    `);
  }
}

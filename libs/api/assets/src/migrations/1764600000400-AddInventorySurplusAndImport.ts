import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The annual inventory's two additions: a surplus line carries what the committee decided the found item is (its
 * category and unit), so that approving the inventory registers it; and the filled-in checklist comes back through
 * the import runner as its own job kind.
 */
export class AddInventorySurplusAndImport1764600000400 implements MigrationInterface {
  name = 'AddInventorySurplusAndImport1764600000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table asset_inventory_line add column category_code text references asset_category (code);
      alter table asset_inventory_line add column unit text;
      -- Every kind so far, the register's list import ASSETS included, and the inventory's checklist.
      alter table import_job drop constraint import_job_kind_check;
      alter table import_job add constraint import_job_kind_check
        check (kind in ('STUDENTS', 'STAFF', 'GRADEBOOK', 'ASSETS', 'ASSET_INVENTORY'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from import_job where kind = 'ASSET_INVENTORY';
      alter table import_job drop constraint import_job_kind_check;
      alter table import_job add constraint import_job_kind_check
        check (kind in ('STUDENTS', 'STAFF', 'GRADEBOOK', 'ASSETS'));
      alter table asset_inventory_line drop column unit;
      alter table asset_inventory_line drop column category_code;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user account's staff record.
 * Part of what applied as CreatePeople1764200000000 until the migrations moved to their contexts: a database that
 * applied that one records this one as applied (RETIRED_MIGRATIONS in apps/api/src/migrations.ts).
 */
export class LinkUsersToStaff1764200000060 implements MigrationInterface {
  name = 'LinkUsersToStaff1764200000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The staff record a user account belongs to (teachers, principals): decides the classes a teacher may
      -- record attendance and grades for. No foreign key: app_user is reference data and staff is distributed,
      -- and Citus allows no key from a reference table to a distributed one.
      alter table app_user add column staff_id uuid;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table app_user drop column if exists staff_id;
    `);
  }
}

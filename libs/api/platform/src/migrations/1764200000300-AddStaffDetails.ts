import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema changes of this context that CreatePeople did not foresee (empty until one is needed). */
export class AddStaffDetails1764200000300 implements MigrationInterface {
  name = 'AddStaffDetails1764200000300';

  async up(_q: QueryRunner): Promise<void> {
    // Nothing yet.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Nothing yet.
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema changes of this context that CreatePeople did not foresee (empty until one is needed). */
export class AddImportDetails1764200000400 implements MigrationInterface {
  name = 'AddImportDetails1764200000400';

  async up(_q: QueryRunner): Promise<void> {
    // Nothing yet.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Nothing yet.
  }
}

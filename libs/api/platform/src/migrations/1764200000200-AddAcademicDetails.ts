import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema changes of this context that CreatePeople did not foresee (empty until one is needed). */
export class AddAcademicDetails1764200000200 implements MigrationInterface {
  name = 'AddAcademicDetails1764200000200';

  async up(_q: QueryRunner): Promise<void> {
    // Nothing yet.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Nothing yet.
  }
}

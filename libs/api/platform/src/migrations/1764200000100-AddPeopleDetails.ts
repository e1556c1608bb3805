import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schema changes of this context that CreatePeople did not foresee (empty until one is needed). */
export class AddPeopleDetails1764200000100 implements MigrationInterface {
  name = 'AddPeopleDetails1764200000100';

  async up(_q: QueryRunner): Promise<void> {
    // Nothing yet.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Nothing yet.
  }
}

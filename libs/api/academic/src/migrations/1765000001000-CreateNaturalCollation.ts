import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Class names sort as people count them (docs/conventions.md, "Sorting"): an ICU collation for Vietnamese with
 * numeric ordering, so 10A2 comes before 10A10 and 6A, 6B before 7A, 7B — the order of `compareClassNames` in
 * libs/domain, which the web uses for the lists it sorts itself. A collation holds no data: nothing to distribute.
 */
export class CreateNaturalCollation1765000001000 implements MigrationInterface {
  name = 'CreateNaturalCollation1765000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create collation if not exists vi_natural (provider = icu, locale = 'vi-u-kn-true');`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop collation if exists vi_natural;`);
  }
}

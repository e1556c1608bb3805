import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A parent's phone a school's list gives without a name: kept as a contact of relation UNKNOWN, without a name
 * (docs/domain/records.md, "Guardians"). Every other relation still needs the person's name.
 */
export class AllowUnnamedGuardianContacts1765000000410 implements MigrationInterface {
  name = 'AllowUnnamedGuardianContacts1765000000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table guardian drop constraint guardian_relation_check;
      alter table guardian add constraint guardian_relation_check
        check (relation in ('FATHER', 'MOTHER', 'GUARDIAN', 'UNKNOWN'));
      alter table guardian alter column full_name drop not null;
      -- Only a contact of unknown relation may lack a name, and it must then carry the phone it exists for.
      alter table guardian add constraint guardian_named_check
        check (full_name is not null or (relation = 'UNKNOWN' and phone is not null));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from guardian where relation = 'UNKNOWN';
      alter table guardian drop constraint if exists guardian_named_check;
      alter table guardian alter column full_name set not null;
      alter table guardian drop constraint guardian_relation_check;
      alter table guardian add constraint guardian_relation_check check (relation in ('FATHER', 'MOTHER', 'GUARDIAN'));
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in that holds up (docs/domain/sign-in.md): a new authenticator waits beside the one in use until it is
 * confirmed, and failed sign-ins under user names that do not exist back off like those of real users, so the answer
 * never tells which names exist.
 */
export class HardenSignIn1764800000400 implements MigrationInterface {
  name = 'HardenSignIn1764800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Re-enrolment: the new secret (encrypted like mfa_secret) until the user proves it with a code; the factor in
      -- use keeps working meanwhile.
      alter table app_user add column mfa_pending_secret text;

      -- Failed sign-ins per unknown user name and client address, for the same backoff as sign_in_failure. The name
      -- is kept as a hash: people type their password into the name field.
      create table sign_in_unknown_failure (
        name_hash text not null,
        address text not null,
        failures integer not null default 0,
        last_failure_at timestamptz not null default now(),
        primary key (name_hash, address)
      );

      grant select, insert, update, delete on sign_in_unknown_failure to emis_app;
      grant delete on mfa_challenge_use to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists sign_in_unknown_failure;
      alter table app_user drop column if exists mfa_pending_secret;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User accounts and their rotating refresh tokens.
 * Part of what applied as CreateFoundation1764100000000 until the migrations moved to their contexts: a database
 * that applied that one records this one as applied (RETIRED_MIGRATIONS in apps/api/src/migrations.ts).
 */
export class CreateUsers1764100000030 implements MigrationInterface {
  name = 'CreateUsers1764100000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table app_user (
        id uuid primary key default gen_random_uuid(),
        username text not null unique,
        password_hash text not null,
        full_name text not null,
        role text not null check (role in ('DEPARTMENT_ADMIN','DEPARTMENT_OFFICER','UNIT_OFFICER','SCHOOL_ADMIN','ACCOUNTANT','TEACHER')),
        org_unit_id uuid not null references org_unit (id),
        email text,
        locale text not null default 'vi' check (locale in ('vi', 'en')),
        mfa_secret text,
        mfa_enabled boolean not null default false,
        failed_logins integer not null default 0,
        locked_until timestamptz,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index app_user_org_unit_idx on app_user (org_unit_id);

      -- Rotating refresh tokens: one family per sign-in; a used token presented again revokes the family.
      create table refresh_token (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references app_user (id),
        family_id uuid not null,
        token_hash text not null unique,
        expires_at timestamptz not null,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz not null default now()
      );
      create index refresh_token_family_idx on refresh_token (family_id);

      grant select, insert, update on app_user to emis_app;
      grant select, insert, update on refresh_token to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists refresh_token;
      drop table if exists app_user;
    `);
  }
}

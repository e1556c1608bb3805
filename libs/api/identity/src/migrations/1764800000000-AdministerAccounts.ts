import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity: accounts administered from the web app, sessions that end at once, and sign-in that holds up
 * (docs/domain/accounts.md). Every table here is identity data read before any tenant scope exists (at sign-in), so,
 * like app_user, none carries RLS: the API names the user or the administrator's scope in every statement, and on
 * Citus they are reference tables.
 */
export class AdministerAccounts1764800000000 implements MigrationInterface {
  name = 'AdministerAccounts1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- active = false is a disabled account; disabled_at and disabled_reason say when and why. soft_locked_at
      -- replaces the hard 15-minute lock: the user clears it with the second factor or an administrator does.
      -- totp_last_step: the last TOTP time step accepted, so a code is accepted once.
      alter table app_user
        add column must_change_password boolean not null default false,
        add column disabled_at timestamptz,
        add column disabled_reason text,
        add column soft_locked_at timestamptz,
        add column totp_last_step bigint,
        add column last_sign_in_at timestamptz,
        add column created_by uuid;

      -- One row per sign-in. Its id is the family of its rotating refresh tokens (refresh_token.family_id). An access
      -- token names its session; the API checks on every request that the session is neither ended nor past
      -- expires_at (the absolute lifetime), so ending a session takes effect at once.
      create table user_session (
        id uuid primary key,
        user_id uuid not null references app_user (id),
        created_at timestamptz not null default now(),
        last_used_at timestamptz not null default now(),
        expires_at timestamptz not null,
        ended_at timestamptz,
        end_reason text check (end_reason in ('LOGOUT', 'ENDED_BY_USER', 'ENDED_BY_ADMIN', 'PASSWORD_CHANGED',
          'ROLE_CHANGED', 'DISABLED', 'SOFT_LOCKED', 'MFA_RESET', 'TOKEN_REUSE')),
        user_agent text,
        address text
      );
      create index user_session_open_idx on user_session (user_id) where ended_at is null;

      -- An MFA token (the half-finished sign-in) serves one sign-in: its jti is recorded when used.
      create table mfa_challenge_use (
        jti uuid primary key,
        used_at timestamptz not null default now(),
        expires_at timestamptz not null
      );

      -- One-time recovery codes, issued at enrolment, stored as hashes; each serves one sign-in.
      create table mfa_recovery_code (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references app_user (id),
        code_hash text not null,
        created_at timestamptz not null default now(),
        used_at timestamptz
      );
      create index mfa_recovery_code_user_idx on mfa_recovery_code (user_id) where used_at is null;

      -- Which roles must use a second factor. Department and unit officers (they read more than one school) and
      -- administrators always do; the department may require it of the other roles.
      create table mfa_policy (
        role text primary key check (role in ('DEPARTMENT_ADMIN','DEPARTMENT_OFFICER','UNIT_OFFICER','SCHOOL_ADMIN','ACCOUNTANT','TEACHER')),
        required boolean not null,
        updated_at timestamptz not null default now(),
        updated_by uuid
      );
      insert into mfa_policy (role, required) values
        ('DEPARTMENT_ADMIN', true), ('DEPARTMENT_OFFICER', true), ('UNIT_OFFICER', true), ('SCHOOL_ADMIN', true),
        ('ACCOUNTANT', false), ('TEACHER', false);

      -- Failed sign-ins per user and client address: the backoff grows with them, so a stranger guessing from one
      -- address slows only their own attempts and cannot lock the user out from everywhere.
      create table sign_in_failure (
        user_id uuid not null references app_user (id),
        address text not null,
        failures integer not null default 0,
        last_failure_at timestamptz not null default now(),
        primary key (user_id, address)
      );

      -- Failed sign-ins per client address across user names (password spraying), in a fixed window.
      create table sign_in_address_failure (
        address text primary key,
        failures integer not null default 0,
        window_started_at timestamptz not null default now()
      );

      -- "Quên mật khẩu": a request that reaches the user's administrator. org_unit_id is the user's unit when asked,
      -- so the administrators whose scope holds it see it.
      create table password_reset_request (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references app_user (id),
        org_unit_id uuid not null references org_unit (id),
        requested_at timestamptz not null default now(),
        address text,
        status text not null default 'PENDING' check (status in ('PENDING', 'DONE', 'DISMISSED')),
        handled_at timestamptz,
        handled_by uuid
      );
      create index password_reset_request_pending_idx on password_reset_request (org_unit_id) where status = 'PENDING';

      grant select, insert, update on user_session, mfa_recovery_code, mfa_policy, sign_in_failure,
        sign_in_address_failure, password_reset_request to emis_app;
      grant select, insert, delete on mfa_challenge_use to emis_app;
      grant delete on sign_in_failure to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists password_reset_request;
      drop table if exists sign_in_address_failure;
      drop table if exists sign_in_failure;
      drop table if exists mfa_policy;
      drop table if exists mfa_recovery_code;
      drop table if exists mfa_challenge_use;
      drop table if exists user_session;
      alter table app_user
        drop column if exists must_change_password,
        drop column if exists disabled_at,
        drop column if exists disabled_reason,
        drop column if exists soft_locked_at,
        drop column if exists totp_last_step,
        drop column if exists last_sign_in_at,
        drop column if exists created_by;
    `);
  }
}

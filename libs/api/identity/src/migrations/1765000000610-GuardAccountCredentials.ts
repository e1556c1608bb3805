import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application role may no longer create an account of its choosing nor write anyone's credentials
 * (docs/security/roles.md, "Accounts and credentials"). Before, an injected statement as emis_app could
 * `insert into app_user (…, role) values (…, 'DEPARTMENT_ADMIN', …)` with a password hash it knew, or overwrite another
 * user's password hash or second-factor secret and sign in as them.
 *
 * Triggers running as the owner check the caller the scope seal vouches for (emis_sealed_user(), never an app.*
 * setting), as emis_change_account_role does for roles (GuardAccountRoles1764900000960):
 * - a new account is created only by an active administrator who may grant its role on its unit, inside their own
 *   unit (docs/domain/accounts.md, "Who administers whom"), with a one-time password and no second factor, and
 *   names that administrator as its creator;
 * - the password hash and the second-factor columns change only under the seal of the account itself (the API seals
 *   a transaction for a user only after the user proved who they are: password, sign-in challenge, second factor) or
 *   of an administrator of the account, who may only reset: a one-time password, or the factor cleared;
 * - recovery codes are added, or a spent one made usable again, likewise only by the account itself.
 * The schema owner's own sessions (migrations, the demo seed, cli.js's operator accounts) are not checked.
 */
export class GuardAccountCredentials1765000000610 implements MigrationInterface {
  name = 'GuardAccountCredentials1765000000610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Whether the sealed caller administers the account of role p_role at unit p_unit (not their own). The
      -- parameters carry a prefix: in an SQL function a bare name that is also a column (app_user.role) is the column.
      create function emis_administers(p_caller uuid, p_account uuid, p_unit uuid, p_role text) returns boolean
        language sql stable security definer set search_path = pg_catalog, public as $fn$
          select coalesce((
            select c.id <> p_account
               and public.emis_unit_within(p_unit, c.org_unit_id)
               and public.emis_role_grantable(c.role, (select u.kind from public.org_unit u where u.id = p_unit), p_role)
              from public.app_user c
             where c.id = p_caller and c.active), false)
        $fn$;

      create function emis_guard_account_write() returns trigger
        language plpgsql security definer set search_path = pg_catalog, public as $fn$
        declare
          caller_id uuid;
        begin
          if public.emis_scope_owner() then
            return new;
          end if;
          caller_id := public.emis_sealed_user();
          if tg_op = 'INSERT' then
            if caller_id is null
               or new.created_by is distinct from caller_id
               or not public.emis_administers(caller_id, new.id, new.org_unit_id, new.role)
               or not new.must_change_password
               or new.mfa_enabled or new.mfa_secret is not null or new.mfa_pending_secret is not null
               or new.totp_last_step is not null then
              raise exception 'an account is created only by its administrator, with a one-time password'
                using errcode = '42501';
            end if;
            return new;
          end if;
          if new.password_hash is not distinct from old.password_hash
             and new.mfa_secret is not distinct from old.mfa_secret
             and new.mfa_pending_secret is not distinct from old.mfa_pending_secret
             and new.mfa_enabled is not distinct from old.mfa_enabled
             and new.totp_last_step is not distinct from old.totp_last_step then
            return new;
          end if;
          if caller_id is not null and caller_id = old.id then
            return new;
          end if;
          -- An administrator resets: a one-time password (the user sets their own at the next sign-in) or the second
          -- factor forgotten; never a secret or a lasting password of their choosing.
          if caller_id is not null
             and public.emis_administers(caller_id, old.id, old.org_unit_id, old.role)
             and (new.password_hash is not distinct from old.password_hash or new.must_change_password)
             and (new.mfa_secret is not distinct from old.mfa_secret or new.mfa_secret is null)
             and (new.mfa_pending_secret is not distinct from old.mfa_pending_secret or new.mfa_pending_secret is null)
             and (new.mfa_enabled is not distinct from old.mfa_enabled or not new.mfa_enabled)
             and (new.totp_last_step is not distinct from old.totp_last_step or new.totp_last_step is null) then
            return new;
          end if;
          raise exception 'the credentials of account % change only by its user or their administrator', old.id
            using errcode = '42501';
        end
        $fn$;

      create trigger app_user_guard_write before insert or update on app_user
        for each row execute function emis_guard_account_write();

      create function emis_guard_recovery_code() returns trigger
        language plpgsql security definer set search_path = pg_catalog, public as $fn$
        begin
          if public.emis_scope_owner() then
            return new;
          end if;
          if tg_op = 'UPDATE' and (new.user_id is not distinct from old.user_id)
             and (new.code_hash is not distinct from old.code_hash) and new.used_at is not null then
            return new;
          end if;
          if public.emis_sealed_user() is not distinct from new.user_id then
            return new;
          end if;
          raise exception 'recovery codes are issued only to their own user' using errcode = '42501';
        end
        $fn$;

      create trigger mfa_recovery_code_guard_write before insert or update on mfa_recovery_code
        for each row execute function emis_guard_recovery_code();

      revoke all on function emis_administers(uuid, uuid, uuid, text), emis_guard_account_write(),
                             emis_guard_recovery_code() from public;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop trigger if exists mfa_recovery_code_guard_write on mfa_recovery_code;
      drop trigger if exists app_user_guard_write on app_user;
      drop function if exists emis_guard_recovery_code();
      drop function if exists emis_guard_account_write();
      drop function if exists emis_administers(uuid, uuid, uuid, text);
    `);
  }
}

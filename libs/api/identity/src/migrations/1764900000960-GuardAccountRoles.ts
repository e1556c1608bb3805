import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application role no longer writes an account's role, org unit or staff record (docs/security/roles.md): an
 * injected statement could otherwise make its user a department administrator (`update app_user set role = …`) or
 * move it into another school. emis_app keeps UPDATE only on the columns sign-in, sessions and accounts
 * administration write. A role changes through emis_change_account_role, which runs as the owner and checks the
 * caller the scope seal vouches for (emis_sealed_user()) against the rules of docs/domain/accounts.md, "Who
 * administers whom" — the rules the accounts service applies first (account-access.ts, grantableRoles).
 */
export class GuardAccountRoles1764900000960 implements MigrationInterface {
  name = 'GuardAccountRoles1764900000960';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      revoke update on app_user from emis_app;
      grant update (password_hash, must_change_password, failed_logins, locked_until, soft_locked_at, mfa_secret,
                    mfa_pending_secret, mfa_enabled, totp_last_step, last_sign_in_at, active, disabled_at,
                    disabled_reason, updated_at)
        on app_user to emis_app;

      -- grantableRoles (libs/domain/src/identity/roles.ts) in SQL: an administrator gives only roles of the unit's
      -- kind and of at most their own rank; a unit officer and a principal act on schools only. A spec compares the
      -- two for every combination (apps/api/test/account-roles-guard.int-spec.ts).
      create function emis_role_grantable(actor text, unit_kind text, granted text) returns boolean
        language sql immutable parallel safe set search_path = pg_catalog as $fn$
          with role_fact(role, kind, rank) as (
            values ('DEPARTMENT_ADMIN', 'DEPARTMENT', 6), ('DEPARTMENT_OFFICER', 'DEPARTMENT', 5),
                   ('UNIT_OFFICER', 'UNIT', 4), ('SCHOOL_ADMIN', 'SCHOOL', 3), ('ACCOUNTANT', 'SCHOOL', 2),
                   ('TEACHER', 'SCHOOL', 1)
          )
          select coalesce((
            select a.role in ('DEPARTMENT_ADMIN', 'UNIT_OFFICER', 'SCHOOL_ADMIN')
               and (a.role = 'DEPARTMENT_ADMIN' or unit_kind = 'SCHOOL')
               and g.kind = unit_kind and g.rank <= a.rank
              from role_fact a, role_fact g
             where a.role = actor and g.role = granted), false)
        $fn$;

      -- Whether org unit \`unit\` is \`ancestor\` or lies under it in today's tree (tenancy_org_unit: a move decided
      -- for a later day is not yet in force).
      create function emis_unit_within(unit uuid, ancestor uuid) returns boolean
        language sql stable set search_path = pg_catalog, public as $fn$
          with recursive up(id, parent_id) as (
            select id, parent_id from tenancy_org_unit where id = unit
            union
            select t.id, t.parent_id from tenancy_org_unit t join up on t.id = up.parent_id
          )
          select exists (select from up where id = ancestor)
        $fn$;

      -- Runs as the owner (SECURITY DEFINER, a fixed search_path so no schema of the caller's can stand in for
      -- app_user). The caller is only the user of a verified scope seal: a value the application role can set
      -- (app.*) would let an injected statement name any administrator. Refusals are 42501, like a missing grant.
      create function emis_change_account_role(account uuid, new_role text) returns void
        language plpgsql security definer set search_path = pg_catalog, public as $fn$
        declare
          caller_id uuid := emis_sealed_user();
          caller app_user%rowtype;
          target app_user%rowtype;
          target_kind text;
        begin
          if caller_id is null then
            raise exception 'a role changes only in a request of a signed-in administrator' using errcode = '42501';
          end if;
          select * into caller from app_user where id = caller_id and active;
          if not found then
            raise exception 'the caller % is not an active account', caller_id using errcode = '42501';
          end if;
          select * into target from app_user where id = account for update;
          if not found then
            raise exception 'no account %', account using errcode = 'P0002';
          end if;
          select kind into target_kind from org_unit where id = target.org_unit_id;
          if target.id = caller.id
             or not emis_unit_within(target.org_unit_id, caller.org_unit_id)
             or not emis_role_grantable(caller.role, target_kind, target.role)
             or not emis_role_grantable(caller.role, target_kind, new_role) then
            raise exception 'account % may not be given role % by %', account, new_role, caller.id
              using errcode = '42501';
          end if;
          update app_user set role = new_role, updated_at = now() where id = account;
        end
      $fn$;

      revoke all on function emis_role_grantable(text, text, text), emis_unit_within(uuid, uuid),
                             emis_change_account_role(uuid, text) from public;
      grant execute on function emis_change_account_role(uuid, text) to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function if exists emis_change_account_role(uuid, text);
      drop function if exists emis_unit_within(uuid, uuid);
      drop function if exists emis_role_grantable(text, text, text);
      grant update on app_user to emis_app;
    `);
  }
}

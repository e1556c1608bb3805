import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sealed scope (docs/adr/sealed-scope.md). Until now any statement running as emis_app could widen its own tenant
 * scope with `set_config('app.all_schools', 'on', true)`: one SQL injection would have been a province-wide breach of
 * children's personal data (Law 91/2025/QH15 on personal data protection; Decree 356/2025/NĐ-CP, Art. 2: health and
 * ethnic origin are sensitive data). From here the API hands its scope to PostgreSQL through emis_set_scope, which
 * verifies an HMAC-SHA256 made with a key emis_app cannot read, and every row-level security policy also requires
 * emis_scope_sealed(): the settings in force are still the ones a verified call wrote, in this very transaction.
 *
 * Must run after every migration that creates a policy on emis_in_scope (it rewrites all of them); a later policy
 * carries the seal itself (docs/adding-a-context.md), and apps/api/test/scope-seal.int-spec.ts checks every one.
 */
export class SealTenantScope1764900000900 implements MigrationInterface {
  name = 'SealTenantScope1764900000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- HMAC-SHA256 (pgcrypto's hmac). A trusted extension: the schema owner may create it without being a superuser.
      create extension if not exists pgcrypto with schema public;

      -- The deployment's secret SCOPE_KEY, written by the migrate step (prepareDatabase) and read only by the
      -- security-definer functions below: the owner's alone, no grant to anyone. One row.
      create table scope_key (
        id boolean primary key default true check (id),
        key text not null check (octet_length(key) >= 32)
      );
      revoke all on scope_key from public;

      -- What a seal signs. Every field is text without '|' (uuids, 'on'/'off', digits), so the joined string has exactly
      -- five separators and names its fields unambiguously. The same string is built by the API (scope-seal.ts).
      create function emis_scope_payload(school_ids text, all_schools text, closed_ids text, user_id text,
                                         expires_at text) returns text
        language sql immutable parallel safe as $fn$
          select 'emis-scope/1|' || coalesce(school_ids, '') || '|' || coalesce(all_schools, '') || '|'
              || coalesce(closed_ids, '') || '|' || coalesce(user_id, '') || '|' || coalesce(expires_at, '')
        $fn$;

      -- The transaction a seal belongs to: the backend and the instant its transaction began. A seal copied from
      -- another transaction (or another connection) does not verify in this one. (On Citus the workers compute this
      -- differently from the coordinator: docs/scaling.md, "Tenant scope on the workers".)
      create function emis_scope_binding() returns text
        language sql stable parallel safe as $fn$
          select pg_catalog.pg_backend_pid()::text || '@'
              || (extract(epoch from pg_catalog.now()) * 1000000)::bigint::text
        $fn$;

      -- Sets the scope of the current transaction when the API's MAC over it verifies and has not expired, and seals
      -- the settings to this transaction with a second MAC (app.scope_seal) that only this function can make. The
      -- API's MAC itself is kept nowhere a statement could read it back. SECURITY DEFINER to read scope_key; its
      -- search_path names pg_temp last, so a temporary table called scope_key cannot stand in for the real one.
      create function emis_set_scope(p_school_ids text, p_all_schools boolean, p_closed_ids text, p_user_id text,
                                     p_expires_at bigint, p_mac text) returns text
        language plpgsql volatile security definer
        set search_path = pg_catalog, public, pg_temp as $fn$
        declare
          v_key text;
          v_all text := case when p_all_schools then 'on' else 'off' end;
          v_payload text := public.emis_scope_payload(p_school_ids, v_all, p_closed_ids, p_user_id, p_expires_at::text);
          v_seal text;
        begin
          select key into v_key from public.scope_key;
          if v_key is null then
            raise exception 'no scope key installed: run the migrate step with SCOPE_KEY' using errcode = '28000';
          end if;
          if p_mac is null or encode(public.hmac(v_payload, v_key, 'sha256'), 'hex') <> p_mac then
            raise exception 'scope refused: its MAC does not verify' using errcode = '28000';
          end if;
          if p_expires_at <= extract(epoch from now()) then
            raise exception 'scope refused: expired' using errcode = '28000';
          end if;
          -- Malformed lists fail here rather than in every policy later.
          perform string_to_array(nullif(p_school_ids, ''), ',')::uuid[], string_to_array(nullif(p_closed_ids, ''), ',')::uuid[],
                  nullif(p_user_id, '')::uuid;
          v_seal := encode(public.hmac(v_payload || '|' || public.emis_scope_binding(), v_key, 'sha256'), 'hex');
          perform set_config('app.school_ids', coalesce(p_school_ids, ''), true),
                  set_config('app.all_schools', v_all, true),
                  set_config('app.closed_ids', coalesce(p_closed_ids, ''), true),
                  set_config('app.user_id', coalesce(p_user_id, ''), true),
                  set_config('app.scope_expires', p_expires_at::text, true),
                  set_config('app.scope_seal', v_seal, true);
          return v_seal;
        end
        $fn$;

      -- Whether the app.* settings in force are exactly what emis_set_scope sealed in this transaction, unexpired.
      -- Any set_config, SET or RESET after the seal changes the recomputed MAC: false, and every policy admits nothing.
      create function emis_scope_verified() returns boolean
        language plpgsql stable security definer
        set search_path = pg_catalog, public, pg_temp as $fn$
        declare
          v_key text;
          v_expires text := current_setting('app.scope_expires', true);
          v_seal text := current_setting('app.scope_seal', true);
        begin
          if coalesce(v_seal, '') = '' or v_expires !~ '^[0-9]{1,12}$' or v_expires::bigint <= extract(epoch from now()) then
            return false;
          end if;
          select key into v_key from public.scope_key;
          return v_key is not null and v_seal = encode(public.hmac(
            public.emis_scope_payload(current_setting('app.school_ids', true), current_setting('app.all_schools', true),
                                      current_setting('app.closed_ids', true), current_setting('app.user_id', true), v_expires)
              || '|' || public.emis_scope_binding(), v_key, 'sha256'), 'hex');
        end
        $fn$;

      -- The schema owner's own sessions (migrations, the demo seed, benchmarks' fixtures, cli.js, backups) pass without
      -- a MAC: the owner may disable row-level security anyway. Both the session's login role and the role in force must
      -- be the owner's (or a superuser's), so a security-definer function called from an emis_app session does not pass.
      create function emis_scope_owner() returns boolean
        language sql stable parallel safe as $fn$
          select pg_catalog.pg_has_role(session_user, c.relowner, 'MEMBER')
             and pg_catalog.pg_has_role(current_user, c.relowner, 'MEMBER')
            from pg_catalog.pg_class c where c.oid = 'public.scope_key'::pg_catalog.regclass
        $fn$;

      -- The term every policy adds as an uncorrelated sub-select, (select emis_scope_sealed()): an InitPlan, so the MAC
      -- is checked once per statement and emis_in_scope stays inlinable per row.
      create function emis_scope_sealed() returns boolean
        language sql stable as $fn$
          select public.emis_scope_owner() or public.emis_scope_verified()
        $fn$;

      -- Who a verified seal names, for security-definer functions that must know their caller: never read app.user_id
      -- directly, which any statement can set.
      create function emis_sealed_user() returns uuid
        language sql stable as $fn$
          select case when public.emis_scope_sealed() then nullif(current_setting('app.user_id', true), '')::uuid end
        $fn$;

      grant execute on function emis_set_scope(text, boolean, text, text, bigint, text), emis_scope_sealed(),
        emis_sealed_user(), emis_scope_verified(), emis_scope_owner(), emis_scope_payload(text, text, text, text, text),
        emis_scope_binding() to emis_app;

      -- Every policy on emis_in_scope also requires the seal; name, command and roles stay as they were.
      do $$
      declare
        p record;
      begin
        for p in select schemaname, tablename, policyname, qual, with_check from pg_policies
                  where coalesce(qual, '') || coalesce(with_check, '') like '%emis_in_scope(%'
        loop
          execute format('alter policy %I on %I.%I', p.policyname, p.schemaname, p.tablename)
            || case when p.qual is null then ''
                    else format(' using ((%s) and (select emis_scope_sealed()))', p.qual) end
            || case when p.with_check is null then ''
                    else format(' with check ((%s) and (select emis_scope_sealed()))', p.with_check) end;
        end loop;
      end $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      do $$
      declare
        p record;
        seal constant text := ' AND \\( SELECT emis_scope_sealed\\(\\) AS emis_scope_sealed\\)\\)$';
      begin
        for p in select schemaname, tablename, policyname, qual, with_check from pg_policies
                  where coalesce(qual, '') || coalesce(with_check, '') like '%emis_scope_sealed()%'
        loop
          execute format('alter policy %I on %I.%I', p.policyname, p.schemaname, p.tablename)
            || case when p.qual is null then ''
                    else format(' using %s)', regexp_replace(p.qual, seal, '')) end
            || case when p.with_check is null then ''
                    else format(' with check %s)', regexp_replace(p.with_check, seal, '')) end;
        end loop;
      end $$;
      drop function emis_sealed_user();
      drop function emis_scope_sealed();
      drop function emis_scope_owner();
      drop function emis_scope_verified();
      drop function emis_set_scope(text, boolean, text, text, bigint, text);
      drop function emis_scope_binding();
      drop function emis_scope_payload(text, text, text, text, text);
      drop table scope_key;
    `);
  }
}

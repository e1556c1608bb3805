import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sealed scope on a Citus cluster (docs/scaling.md, "Tenant scope on the workers"; docs/adr/sealed-scope.md).
 * Shard queries run on the workers in connections of their own, so two things must travel with the transaction:
 *
 * 1. The settings. Citus forwards `SET LOCAL` statements (citus.propagate_set_commands = 'local'), which its utility
 *    hook sees, and not set_config(…, true) calls. emis_set_scope now writes the scope with `SET LOCAL` statements
 *    (EXECUTE inside the function: the hook sees those too, so the API still sends one statement per transaction).
 *    On plain PostgreSQL a SET LOCAL and set_config(…, true) are the same transaction-local setting.
 * 2. The binding. The backend pid and the transaction's start differ on a worker, so under Citus the seal is bound to
 *    the distributed transaction id instead (get_current_transaction_id(): initiator node, transaction number and
 *    stamp), which the coordinator hands to every worker connection it opens in the transaction before any shard
 *    query. emis_set_scope refuses to seal before that id is assigned, and accepts only an id assigned in this very
 *    transaction (its stamp not before the transaction's start), so a copied seal does not verify in another one.
 *    Without Citus the binding is what it was: the backend pid @ the transaction's start.
 *
 * emis_scope_verified reads the owner-only scope_key, a reference table under Citus, from inside a shard query on the
 * worker; Citus refuses such a nested read unless citus.allow_nested_distributed_execution is on for that function.
 * A reference table lives on every node and never moves, which is the case that setting guards against. On plain
 * PostgreSQL the setting is an inert placeholder.
 */
export class BindScopeToDistributedTransaction1765000001100 implements MigrationInterface {
  name = 'BindScopeToDistributedTransaction1765000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The transaction a seal belongs to. Citus (its function exists): the distributed transaction id, the same on the
      -- coordinator and on every worker taking part, or null while none is assigned (then no seal verifies).
      -- Plain PostgreSQL: the backend and the instant its transaction began, as before.
      create or replace function emis_scope_binding() returns text
        language plpgsql stable parallel safe as $fn$
        declare
          v_initiator int;
          v_number bigint;
          v_stamp timestamptz;
        begin
          if pg_catalog.to_regprocedure('pg_catalog.get_current_transaction_id()') is null then
            return pg_catalog.pg_backend_pid()::text || '@'
                || (extract(epoch from pg_catalog.now()) * 1000000)::bigint::text;
          end if;
          select t.initiator_node_identifier, t.transaction_number, t.transaction_stamp
            into v_initiator, v_number, v_stamp
            from pg_catalog.get_current_transaction_id() t;
          if v_number is null or v_number = 0 or v_stamp is null then
            return null;
          end if;
          return 'citus:' || v_initiator::text || ':' || v_number::text || '@'
              || (extract(epoch from v_stamp) * 1000000)::bigint::text;
        end
        $fn$;

      create or replace function emis_set_scope(p_school_ids text, p_all_schools boolean, p_closed_ids text,
                                                p_user_id text, p_expires_at bigint, p_mac text) returns text
        language plpgsql volatile security definer
        set search_path = pg_catalog, public, pg_temp as $fn$
        declare
          v_key text;
          v_all text := case when p_all_schools then 'on' else 'off' end;
          v_payload text := public.emis_scope_payload(p_school_ids, v_all, p_closed_ids, p_user_id, p_expires_at::text);
          v_binding text;
          v_stamp timestamptz;
          v_seal text;
        begin
          -- Under Citus this read, in the API's transaction block, also starts the coordinated transaction: it assigns
          -- the distributed transaction id the binding below is made of.
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
          v_binding := public.emis_scope_binding();
          if v_binding is null then
            raise exception 'scope refused: no distributed transaction id is assigned (run it inside a transaction block)'
              using errcode = '28000';
          end if;
          if to_regprocedure('pg_catalog.get_current_transaction_id()') is not null then
            select t.transaction_stamp into v_stamp from pg_catalog.get_current_transaction_id() t;
            if v_stamp < now() then
              raise exception 'scope refused: the distributed transaction id was not assigned in this transaction'
                using errcode = '28000';
            end if;
          end if;
          v_seal := encode(public.hmac(v_payload || '|' || v_binding, v_key, 'sha256'), 'hex');
          -- SET LOCAL rather than set_config(…, true): Citus forwards these statements to every worker connection of
          -- the transaction (docs/scaling.md, "Tenant scope on the workers").
          execute format('set local app.school_ids = %L', coalesce(p_school_ids, ''));
          execute format('set local app.all_schools = %L', v_all);
          execute format('set local app.closed_ids = %L', coalesce(p_closed_ids, ''));
          execute format('set local app.user_id = %L', coalesce(p_user_id, ''));
          execute format('set local app.scope_expires = %L', p_expires_at::text);
          execute format('set local app.scope_seal = %L', v_seal);
          return v_seal;
        end
        $fn$;

      -- As before, and false while no binding exists. The nested-execution setting lets a worker read its replica of
      -- scope_key from inside a shard query (see above).
      create or replace function emis_scope_verified() returns boolean
        language plpgsql stable security definer
        set search_path = pg_catalog, public, pg_temp
        set citus.allow_nested_distributed_execution = on as $fn$
        declare
          v_key text;
          v_expires text := current_setting('app.scope_expires', true);
          v_seal text := current_setting('app.scope_seal', true);
          v_binding text;
        begin
          if coalesce(v_seal, '') = '' or v_expires !~ '^[0-9]{1,12}$' or v_expires::bigint <= extract(epoch from now()) then
            return false;
          end if;
          v_binding := public.emis_scope_binding();
          if v_binding is null then
            return false;
          end if;
          select key into v_key from public.scope_key;
          return v_key is not null and v_seal = encode(public.hmac(
            public.emis_scope_payload(current_setting('app.school_ids', true), current_setting('app.all_schools', true),
                                      current_setting('app.closed_ids', true), current_setting('app.user_id', true), v_expires)
              || '|' || v_binding, v_key, 'sha256'), 'hex');
        end
        $fn$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function emis_scope_verified() returns boolean
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

      create or replace function emis_set_scope(p_school_ids text, p_all_schools boolean, p_closed_ids text,
                                                p_user_id text, p_expires_at bigint, p_mac text) returns text
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

      drop function emis_scope_binding();
      create function emis_scope_binding() returns text
        language sql stable parallel safe as $fn$
          select pg_catalog.pg_backend_pid()::text || '@'
              || (extract(epoch from pg_catalog.now()) * 1000000)::bigint::text
        $fn$;
      grant execute on function emis_scope_binding() to emis_app;
    `);
  }
}

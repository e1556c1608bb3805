-- Turns a migrated single-node Emis database into a Citus one: reference tables, then the school-owned tables
-- distributed by school_id in one co-location group, then the audit functions next to the chains they touch.
--
-- The plan it applies is tools/citus/table-plan.json; apps/api/test/citus-schema.int-spec.ts checks that this
-- script names every planned table exactly once, with its kind, in foreign-key order, and that the schema keeps
-- the rules Citus needs. `npm run test:citus` runs it on every CI run: a coordinator and two workers (Citus 13.2.2 on
-- Debian's PostgreSQL 15, tools/citus/cluster.mjs), the database migrated and seeded with the demo province first,
-- then the integration tests against the coordinator (docs/scaling.md, "Trying Emis on a Citus cluster"). That is
-- the combination tested. Emis's default PostgreSQL 18 needs Citus 14 (Citus 13 stops at PostgreSQL 17): not tested.
--
-- Preconditions (docs/scaling.md, "Migration path"): the same PostgreSQL and Citus on the coordinator and every
-- worker, `shared_preload_libraries = 'citus'` on each, the Emis database on every node with `create extension
-- citus` in it, the migrated database restored on the coordinator, `citus_set_coordinator_host(…)` and
-- `citus_add_node(…)` done for every worker, the API stopped. Run as the schema owner (a superuser: ALTER SYSTEM):
--   psql "$OWNER_URL" -v ON_ERROR_STOP=1 -f tools/citus/distribute.sql
-- psql is needed (the VACUUM at the end is generated with \gexec). The API's downtime is this script's run time,
-- most of it the copy of existing rows into the shards; docs/scaling.md says what it measured.

do $$
begin
  if not exists (select from pg_extension where extname = 'citus') then
    raise exception 'citus is not installed in this database: create extension citus first';
  end if;
  if not exists (select from schema_migration where name = 'CreateGradebook1764300000000') then
    raise exception 'the database is not migrated: start the API once (or run cli.js migrate) first';
  end if;
  if exists (select from pg_namespace where nspname = 'citus_distribution') then
    raise exception 'an earlier run of distribute.sql stopped midway (schema citus_distribution exists, with the foreign keys it dropped): restore the dump and start again';
  end if;
  if exists (select from pg_dist_partition) then
    raise exception 'tables are distributed already: distribute.sql runs once, on a single-node database';
  end if;
end $$;

-- Settings of the whole cluster (ALTER SYSTEM on every node, then a reload), the two the first run showed are needed:
-- * propagate_set_commands = 'local': the coordinator forwards a transaction's SET LOCAL to the workers' shard
--   queries, which is how the tenant scope reaches them (docs/scaling.md, "Tenant scope on the workers");
-- * allow_modifications_from_workers_to_replicated_tables = off: a write to a reference table (app_user at sign-in,
--   refresh_token) otherwise makes Citus lock the referenced org_unit's placements on every node through
--   lock_shard_resources(), which needs write rights on org_unit that the application role rightly lacks (every
--   sign-in failed). Off, the coordinator serialises writes to reference tables itself; Emis writes them only through
--   the coordinator.
alter system set citus.propagate_set_commands = 'local';
alter system set citus.allow_modifications_from_workers_to_replicated_tables = off;
select pg_reload_conf();
select nodename, nodeport, success, result from run_command_on_workers(
  $$alter system set citus.propagate_set_commands = 'local'$$);
select nodename, nodeport, success, result from run_command_on_workers(
  $$alter system set citus.allow_modifications_from_workers_to_replicated_tables = off$$);
select nodename, nodeport, success, result from run_command_on_workers($$select pg_reload_conf()$$);

-- 64 shards for ~1,000 schools (about 16 schools a shard): enough to spread over 8 workers later by moving shards,
-- without re-sharding. The count is fixed per co-location group once the first table is created.
set citus.shard_count = 64;
-- audit_log carries a row trigger (append-only); it only raises an error, touches no other shard, so it is safe.
set citus.enable_unsafe_triggers = on;

-- Functions used by RLS policies, column defaults and triggers must exist on every node before the tables do.
select create_distributed_function('emis_in_scope(uuid)');
select create_distributed_function('unaccent_vi(text)');
select create_distributed_function('audit_row_hash(text, uuid, bigint, timestamptz, uuid, text, uuid, text, text, text, jsonb, jsonb, text)');
select create_distributed_function('audit_log_immutable()');
-- The pupil search's word folding and the trigger keeping student_search_word (co-located with student).
select create_distributed_function('student_search_words(text)');
select create_distributed_function('student_search_word_sync()');
select create_distributed_function('student_search_rarest_word(text[])');
-- The sealed scope (docs/adr/sealed-scope.md): every policy calls emis_scope_sealed(), so its functions must exist on
-- every node, and pgcrypto with them (hmac). See docs/scaling.md, "Tenant scope on the workers", on the binding.
create extension if not exists pgcrypto with schema public;
select create_distributed_function('emis_scope_payload(text, text, text, text, text)');
select create_distributed_function('emis_scope_binding()');
select create_distributed_function('emis_scope_owner()');
select create_distributed_function('emis_scope_verified()');
select create_distributed_function('emis_scope_sealed()');
select create_distributed_function('emis_sealed_user()');
select create_distributed_function('emis_set_scope(text, boolean, text, text, bigint, text)');
select create_distributed_function('emis_scope_sealed_state()');
select create_distributed_function('emis_scope_intact(text)');

-- Citus refuses subqueries in the policies of distributed tables ("cannot create policy: Subqueries are not supported
-- in policies on distributed tables"), and every sealed policy ends in `emis_scope_intact((select
-- emis_scope_sealed_state()))`, whose sub-select verifies the seal once per statement (an InitPlan;
-- docs/adr/scope-seal-per-statement.md). The distributed tables' own policies lose the sub-select here
-- (`emis_scope_intact(emis_scope_sealed_state())`, the same condition evaluated per row); the policies of their shard
-- placements, which are what the workers evaluate, get it back at the end of this script (seal-placements.sql).
-- A policy still in the older shape `(select emis_scope_sealed())` becomes `emis_scope_sealed()` (also per row).
-- Rewritten here, policy by policy, names, commands and roles unchanged.
do $$
declare
  p record;
  sealed_state constant text := '\(\s*SELECT\s+emis_scope_sealed_state\(\)\s+AS\s+emis_scope_sealed_state\)';
  sealed constant text := '\(\s*SELECT\s+emis_scope_sealed\(\)\s+AS\s+emis_scope_sealed\)';
  rewritten int := 0;
begin
  for p in
    select format('%I.%I', schemaname, tablename) as table_name, policyname, qual, with_check from pg_policies
     where schemaname in ('public', 'reporting')
       and (qual ~ sealed_state or with_check ~ sealed_state or qual ~ sealed or with_check ~ sealed)
  loop
    if p.qual is not null then
      execute format('alter policy %I on %s using (%s)', p.policyname, p.table_name, regexp_replace(
        regexp_replace(p.qual, sealed_state, 'emis_scope_sealed_state()', 'g'), sealed, 'emis_scope_sealed()', 'g'));
    end if;
    if p.with_check is not null then
      execute format('alter policy %I on %s with check (%s)', p.policyname, p.table_name, regexp_replace(
        regexp_replace(p.with_check, sealed_state, 'emis_scope_sealed_state()', 'g'), sealed, 'emis_scope_sealed()', 'g'));
    end if;
    rewritten := rewritten + 1;
  end loop;
  raise notice 'rewrote % policies without the sub-select', rewritten;
end $$;

-- Every foreign key between the planned tables (those of the public and reporting schemas) is dropped before
-- anything is distributed and added back at the end. Kept, Citus refuses the order: once org_unit is a reference
-- table, every local table referencing it is turned into a Citus local table, which (a) cannot have the RLS policies
-- every school-owned table has ("cannot create policy"), and (b) may not reference a table distributed later
-- (distributing staff is refused while staff_history, still local, references it: "foreign keys from reference tables
-- and local tables to distributed tables are not supported"). The first run on a cluster dropped only the keys between
-- school-owned tables; the policies of the tables that reference org_unit need the rest dropped too. Without foreign
-- keys, each call only creates shards and copies rows; the keys come back once every table is in place, between
-- co-located shards (each checked inside one shard) and towards the reference tables' replicas on every node.
-- The definitions wait in citus_distribution.foreign_key, a table on the coordinator that outlives a failed run, so
-- an operator can see what was dropped.
create schema citus_distribution;
create table citus_distribution.foreign_key as
  select c.conrelid::regclass::text as table_name, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
   where c.contype = 'f'
     and (select relnamespace::regnamespace::text from pg_class where oid = c.conrelid) in ('public', 'reporting')
     and (select relnamespace::regnamespace::text from pg_class where oid = c.confrelid) in ('public', 'reporting');
do $$
declare
  k record;
begin
  for k in select * from citus_distribution.foreign_key loop
    execute format('alter table %s drop constraint %I', k.table_name, k.name);
  end loop;
  raise notice 'dropped % foreign keys', (select count(*) from citus_distribution.foreign_key);
end $$;

-- Triggers stay off while rows are copied into the shards: Citus copies with INSERTs on the workers, where a row trigger
-- would fire again for rows whose effects are already there (student_search_word_sync would add every pupil's search
-- words a second time) or read a table not distributed yet (the finance month-close checks). The triggers enabled
-- now are noted, disabled, and enabled again at the end (on the shards too).
create table citus_distribution.enabled_trigger as
  select t.tgrelid::regclass::text as table_name, t.tgname as name
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
   where not t.tgisinternal and t.tgenabled <> 'D' and c.relnamespace::regnamespace::text in ('public', 'reporting');
do $$
declare
  t record;
begin
  for t in select * from citus_distribution.enabled_trigger loop
    execute format('alter table %s disable trigger %I', t.table_name, t.name);
  end loop;
end $$;

-- Reference tables: replicated to every node, so distributed tables may reference them. Referenced tables first.
-- The scope key first, on every node, owner-only as on the coordinator (no grant follows it): the seal's functions
-- read it, and so do the triggers of app_user and mfa_recovery_code (emis_scope_owner()), which fire on the workers
-- while those tables' rows are copied into their replicas.
select create_reference_table('scope_key');
select create_reference_table('org_unit');
select create_reference_table('org_unit_parent_history');
select create_reference_table('app_user');
select create_reference_table('refresh_token');
select create_reference_table('user_session');
select create_reference_table('mfa_challenge_use');
select create_reference_table('mfa_recovery_code');
select create_reference_table('mfa_policy');
select create_reference_table('sign_in_failure');
select create_reference_table('security_event');
select create_reference_table('sign_in_address_failure');
select create_reference_table('sign_in_unknown_failure');
select create_reference_table('password_reset_request');
select create_reference_table('school_year');
select create_reference_table('subject');
select create_reference_table('curriculum_subject');
select create_reference_table('asset_category');
select create_reference_table('asset_policy');
select create_reference_table('finance_tuition_level');
select create_reference_table('finance_fee_range');
select create_reference_table('province_rule_settings');
select create_reference_table('results_recompute_run');

-- Distributed tables, co-location group "school": school_profile starts the group, every other table joins it.
-- A table is distributed after every distributed table its foreign keys reference.
select create_distributed_table('school_profile', 'school_id', colocate_with := 'none');
select create_distributed_table('audit_chain_head', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('audit_log', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('school_year_override', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('staff', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('staff_history', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('class', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('student', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('guardian', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('enrolment', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('year_outcome', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('student_transfer', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('attendance', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('teaching_assignment', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('import_job', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('gradebook', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('grade_entry', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('grade_change', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('grade_save_request', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('grading_lock', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('grade_correction', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('conduct_rating', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('term_result', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('outbox', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('outbox_delivery', 'school_id', colocate_with := 'school_profile');
-- The reporting read model (schema reporting): every fact table is a school's, next to the rows it is computed from.
select create_distributed_table('reporting.subject_result', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.class_outcome', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.class_size', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.headcount', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.policy_count', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.movement', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.attendance', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.staff_count', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.asset_total', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.finance_total', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.finance_budget', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.school_state', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.report_job', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.dirty', 'school_id', colocate_with := 'school_profile');
-- The official statistical reports (forms) and the reminders to send them: a school's own rows too.
select create_distributed_table('reporting.statistical_report', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('reporting.statistical_report_reminder', 'school_id', colocate_with := 'school_profile');
-- Public assets: the register and everything hanging from it, in foreign-key order.
select create_distributed_table('asset_location', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('asset', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('asset_event', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('asset_attachment', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('asset_wear_run', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('asset_wear', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('asset_loan', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('asset_disposal', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('asset_transfer', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('asset_inventory', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('asset_inventory_line', 'school_id', colocate_with := 'school_profile');
-- School finance: settings, fee schedules, periods and charges, payments, bank, budget, vouchers, in foreign-key order.
select create_distributed_table('finance_school_setting', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_fee_schedule', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_exception', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_period', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_charge_run', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_charge', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_charge_adjustment', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_counter', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_payment', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_allocation', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_bank_statement', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_bank_line', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_budget_entry', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_expense', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_expense_attachment', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_claim', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_opening_balance', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('finance_month_close', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('year_recognition', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('completion_council', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('completion_decision', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('student_search_word', 'school_id', colocate_with := 'school_profile');
select create_distributed_table('notification', 'school_id', colocate_with := 'school_profile');

-- The foreign keys back, now between co-located shards (each checked inside one shard) and towards the reference
-- tables' replicas, and a check that every one of them is back before the saved definitions go.
do $$
declare
  k record;
  missing int;
begin
  for k in select * from citus_distribution.foreign_key loop
    execute format('alter table %s add constraint %I %s', k.table_name, k.name, k.definition);
  end loop;
  select count(*) into missing from citus_distribution.foreign_key f
   where not exists (select from pg_constraint c where c.conrelid = f.table_name::regclass and c.conname = f.name and c.contype = 'f');
  if missing > 0 then
    raise exception '% foreign keys did not come back', missing;
  end if;
  raise notice 'added back % foreign keys', (select count(*) from citus_distribution.foreign_key);
end $$;
-- One connection per node for these: the tables with foreign keys to reference tables cannot take parallel DDL in
-- the same transaction as a reference table's.
set citus.multi_shard_modify_mode to 'sequential';
do $$
declare
  t record;
begin
  for t in select * from citus_distribution.enabled_trigger loop
    execute format('alter table %s enable trigger %I', t.table_name, t.name);
  end loop;
end $$;
reset citus.multi_shard_modify_mode;
drop schema citus_distribution cascade;

-- The seal's sub-select back in the policies of every shard placement (on the workers, and the reference tables'
-- placements on the coordinator): the nodes verify the seal once per statement again.
\timing on
\ir seal-placements.sql
\timing off

-- The chain functions are keyed by the school: called outside a transaction block (the CLI's audit:verify) Citus
-- runs them on the node holding that school's chain. Inside the API's transactions they run on the coordinator and
-- each statement in them is routed by p_school, which is correct, only with more round trips.
select create_distributed_function('audit_append(uuid, timestamptz, uuid, text, uuid, text, text, text, jsonb, jsonb, text)', 'p_school', colocate_with := 'audit_log');
select create_distributed_function('audit_append_batch(uuid, timestamptz, uuid, text, uuid, text[], text[], text[], jsonb[], jsonb[])', 'p_school', colocate_with := 'audit_log');
select create_distributed_function('audit_verify(uuid)', 'p_school', colocate_with := 'audit_log');

-- The coordinator keeps its local copy of every table's rows after distributing it (Citus copies, it does not move):
-- emptied here for every distributed and reference table (a truncation cascades to the local copies of the tables
-- referencing it, all distributed by now), so the disk holds one copy and nothing reads stale rows around Citus.
do $$
declare
  t regclass;
begin
  for t in select table_name from citus_tables where citus_table_type in ('distributed', 'reference') loop
    perform truncate_local_data_after_distributing_table(t);
  end loop;
end $$;

-- Fresh statistics on every shard (the shards were just filled; autovacuum would get there later) and the
-- coordinator's emptied copies cleaned. One VACUUM per table: VACUUM cannot run inside a function or a transaction.
select format('vacuum analyze %s', table_name) from citus_tables
 where citus_table_type in ('distributed', 'reference') order by table_name::text \gexec

-- What to look at afterwards: every planned table in citus_tables, one co-location id for the school tables.
select table_name, citus_table_type, distribution_column, colocation_id, shard_count
  from citus_tables order by citus_table_type, table_name;

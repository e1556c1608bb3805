-- Turns a migrated single-node Emis database into a Citus one: reference tables, then the school-owned tables
-- distributed by school_id in one co-location group, then the audit functions next to the chains they touch.
--
-- The plan it applies is tools/citus/table-plan.json; apps/api/test/citus-schema.int-spec.ts checks that this
-- script names every planned table exactly once, with its kind, in foreign-key order, and that the schema keeps
-- the rules Citus needs. The script itself has never run here: there is no Citus on the development machines or in
-- CI. Run it first on a restored copy of production (docs/scaling.md, "Migration path").
--
-- Preconditions (docs/scaling.md): Citus 14 or newer on PostgreSQL 18 (Citus 13 stops at PostgreSQL 17) on the
-- coordinator and every worker, `shared_preload_libraries = 'citus'`, the Emis database restored on the
-- coordinator, `create extension citus` run in it, `citus_set_coordinator_host(…)` and `citus_add_node(…)` done
-- for every worker, the API stopped. Run as the schema owner:
--   psql "$OWNER_URL" -v ON_ERROR_STOP=1 -f tools/citus/distribute.sql

do $$
begin
  if not exists (select from pg_extension where extname = 'citus') then
    raise exception 'citus is not installed in this database: create extension citus first';
  end if;
  if not exists (select from schema_migration where name = 'CreateGradebook1764300000000') then
    raise exception 'the database is not migrated: start the API once (or run cli.js migrate) first';
  end if;
end $$;

-- The API hands its tenant scope to PostgreSQL per transaction; shard queries on the workers only see it when the
-- coordinator forwards transaction-local settings (scaling-notes: with a per-session scope the app role saw 0 rows).
-- NOTE: Citus forwards SET LOCAL statements; TenantDb uses set_config(…, true) in a SELECT. See docs/scaling.md,
-- "Tenant scope on the workers", before the first multi-node run.
alter system set citus.propagate_set_commands = 'local';
select pg_reload_conf();

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

-- Reference tables: replicated to every node, so distributed tables may reference them. Referenced tables first.
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
-- The scope key on every node, owner-only as on the coordinator (no grant follows it).
select create_reference_table('scope_key');
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

-- The chain functions are keyed by the school: called outside a transaction block (the CLI's audit:verify) Citus
-- runs them on the node holding that school's chain. Inside the API's transactions they run on the coordinator and
-- each statement in them is routed by p_school, which is correct, only with more round trips.
select create_distributed_function('audit_append(uuid, timestamptz, uuid, text, uuid, text, text, text, jsonb, jsonb, text)', 'p_school', colocate_with := 'audit_log');
select create_distributed_function('audit_append_batch(uuid, timestamptz, uuid, text, uuid, text[], text[], text[], jsonb[], jsonb[])', 'p_school', colocate_with := 'audit_log');
select create_distributed_function('audit_verify(uuid)', 'p_school', colocate_with := 'audit_log');

-- What to look at afterwards: every planned table in citus_tables, one co-location id for the school tables.
select table_name, citus_table_type, distribution_column, colocation_id, shard_count
  from citus_tables order by citus_table_type, table_name;

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sealed scope, checked once per statement without a window (docs/adr/scope-seal-per-statement.md; amends
 * docs/adr/sealed-scope.md). Until here every policy ended in `AND (SELECT emis_scope_sealed())`: the seal was
 * verified once, in an InitPlan, but `emis_in_scope(school_id)` went on reading the app.* settings row by row. One
 * statement that changed them after the InitPlan had run (an injected `set_config('app.all_schools', 'on', true)` in
 * the select list: it runs for the first row the policy admits) was then read under the widened scope for every
 * later row: a single injected statement under school A's seal read other schools' pupils.
 *
 * From here the InitPlan answers the scope it verified, not only that it verified one: `emis_scope_sealed_state()` is
 * the seal's payload (school ids, department flag, closed ids, user, expiry) when the settings in force verify (or the
 * session is the schema owner's), else null. Every policy ends in `AND emis_scope_intact((SELECT
 * emis_scope_sealed_state()))`: per row, an inlined comparison of that verified payload with the settings in force
 * (five current_setting calls and a string comparison, no key and no HMAC). A setting changed in the middle of the
 * statement no longer matches, and no later row passes. The MAC is still verified once per statement.
 *
 * On a table already distributed by Citus (a cluster migrating after `tools/citus/distribute.sql`), whose policies
 * Citus keeps free of sub-queries, the policy gets the same check without the sub-select; `tools/citus/seal-placements.sql`
 * then gives every shard placement the per-statement form (docs/scaling.md, "Tenant scope on the workers").
 */
export class SnapshotSealedScope1765000002300 implements MigrationInterface {
  name = 'SnapshotSealedScope1765000002300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The scope a statement was sealed for: the payload the API signed, rebuilt from the settings in force, when they
      -- verify (emis_scope_sealed(): the seal's HMAC and expiry, or the schema owner's session); null otherwise.
      -- Evaluated once per statement, as the policies' InitPlan.
      create function emis_scope_sealed_state() returns text
        language sql stable as $fn$
          select case when public.emis_scope_sealed() then public.emis_scope_payload(
                   current_setting('app.school_ids', true), current_setting('app.all_schools', true),
                   current_setting('app.closed_ids', true), current_setting('app.user_id', true),
                   current_setting('app.scope_expires', true)) end
        $fn$;

      -- Per row: the settings in force are still the ones the statement's seal verified. Inlined into each policy
      -- (one SELECT without FROM), so it costs five current_setting calls and a comparison. False (no row) when the
      -- statement had no verified scope. The coalesce is for the planner too: a bare comparison of two expressions is
      -- estimated to keep 1 row in 200, so a school's 10,000 payments looked like 13 and a list's first page was
      -- planned as a sort of them all instead of a walk down the date index (list-counts-and-searches.int-spec); a
      -- coalesce is estimated to keep half, as the sub-select's boolean was before.
      create function emis_scope_intact(p_sealed_state text) returns boolean
        language sql stable parallel safe as $fn$
          select coalesce(p_sealed_state = public.emis_scope_payload(
                   current_setting('app.school_ids', true), current_setting('app.all_schools', true),
                   current_setting('app.closed_ids', true), current_setting('app.user_id', true),
                   current_setting('app.scope_expires', true)), false)
        $fn$;

      grant execute on function emis_scope_sealed_state(), emis_scope_intact(text) to emis_app;

      -- Every sealed policy: its last conjunct (select emis_scope_sealed()) becomes
      -- emis_scope_intact((select emis_scope_sealed_state())); names, commands and roles unchanged. A policy of a table
      -- Citus distributes holds the seal as a direct call emis_scope_sealed() (tools/citus/distribute.sql): it becomes
      -- the check without the sub-select, emis_scope_intact(emis_scope_sealed_state()).
      do $$
      declare
        p record;
        initplan constant text := '\\(\\s*SELECT\\s+emis_scope_sealed\\(\\)\\s+AS\\s+emis_scope_sealed\\)';
        direct constant text := '(^|[^.\\w])emis_scope_sealed\\(\\)';
        citus boolean := to_regclass('pg_catalog.pg_dist_partition') is not null;
        distributed boolean;
        sealed text;
        prefix text;
      begin
        for p in
          select format('%I.%I', schemaname, tablename) as table_name, policyname, qual, with_check from pg_policies
           where coalesce(qual, '') || coalesce(with_check, '') like '%emis_scope_sealed()%'
        loop
          distributed := false;
          if citus then -- dynamic: without Citus its catalogue does not exist to be planned against
            execute 'select exists (select from pg_catalog.pg_dist_partition where logicalrelid = $1::regclass)'
              into distributed using p.table_name;
          end if;
          sealed := case when distributed then 'emis_scope_intact(emis_scope_sealed_state())'
                         else 'emis_scope_intact((select emis_scope_sealed_state()))' end;
          -- The direct call's pattern keeps the character before it (group 1).
          prefix := case when distributed then '\\1' else '' end;
          execute format('alter policy %I on %s', p.policyname, p.table_name)
            || case when p.qual is null then ''
                    else format(' using (%s)', regexp_replace(p.qual, case when distributed then direct else initplan end,
                                                              prefix || sealed, 'g')) end
            || case when p.with_check is null then ''
                    else format(' with check (%s)', regexp_replace(p.with_check,
                           case when distributed then direct else initplan end, prefix || sealed, 'g')) end;
        end loop;
      end $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      do $$
      declare
        p record;
        initplan constant text :=
          'emis_scope_intact\\(\\(\\s*SELECT\\s+emis_scope_sealed_state\\(\\)\\s+AS\\s+emis_scope_sealed_state\\)\\)';
        direct constant text := 'emis_scope_intact\\(emis_scope_sealed_state\\(\\)\\)';
      begin
        for p in
          select format('%I.%I', schemaname, tablename) as table_name, policyname, qual, with_check from pg_policies
           where coalesce(qual, '') || coalesce(with_check, '') like '%emis_scope_intact(%'
        loop
          execute format('alter policy %I on %s', p.policyname, p.table_name)
            || case when p.qual is null then ''
                    else format(' using (%s)', regexp_replace(regexp_replace(p.qual, initplan,
                           '(select emis_scope_sealed())', 'g'), direct, 'emis_scope_sealed()', 'g')) end
            || case when p.with_check is null then ''
                    else format(' with check (%s)', regexp_replace(regexp_replace(p.with_check, initplan,
                           '(select emis_scope_sealed())', 'g'), direct, 'emis_scope_sealed()', 'g')) end;
        end loop;
      end $$;
      drop function emis_scope_intact(text);
      drop function emis_scope_sealed_state();
    `);
  }
}

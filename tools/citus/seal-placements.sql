-- The sealed scope's per-statement check on every shard placement of a Citus cluster
-- (docs/adr/scope-seal-per-statement.md; docs/scaling.md, "Tenant scope on the workers").
--
-- Citus refuses a sub-query in the policy of a distributed or reference table, so on the coordinator those policies
-- end in `emis_scope_intact(emis_scope_sealed_state())`: the seal's HMAC verified for every row read. The policies
-- the workers actually evaluate are those of the shard placements, which Citus copied from the coordinator's when it
-- created them; this script gives each of them the single-node form `emis_scope_intact((select
-- emis_scope_sealed_state()))`, an InitPlan: the HMAC once per shard query, and per row only the comparison of the
-- settings in force with the scope that verified. Citus's refusal guards against a sub-query reading other
-- distributed tables from inside a shard query; this one calls a function that reads only the reference table
-- scope_key, which every node holds (the same read the per-row form makes).
--
-- distribute.sql runs it at its end. Run it again, as the schema owner, after anything that creates shard placements
-- from the coordinator's definitions: a shard move or rebalance, a shard split, a node added (reference tables copied
-- to it), or a migration that (re)writes a sealed policy on a distributed table. Until then those placements check the
-- seal per row: slower, never weaker. It is idempotent; a placement already in the per-statement form is left as is.
--   psql "$OWNER_URL" -v ON_ERROR_STOP=1 -f tools/citus/seal-placements.sql
do $$
declare
  p record;
  direct constant text := 'emis_scope_intact\(emis_scope_sealed_state\(\)\)';
  initplan constant text := 'emis_scope_intact((select emis_scope_sealed_state()))';
  command text;
  failed text;
  altered int := 0;
begin
  for p in
    select d.logicalrelid::regclass::text as table_name, po.policyname, po.qual, po.with_check
      from pg_dist_partition d
      join pg_class c on c.oid = d.logicalrelid
      join pg_policies po on po.schemaname = c.relnamespace::regnamespace::text and po.tablename = c.relname
     where po.qual ~ direct or po.with_check ~ direct
     order by 1, 2
  loop
    -- run_command_on_placements formats the command with the placement's name (%s): a % of the policy's own text is
    -- doubled first.
    command := format('alter policy %I on ', p.policyname) || '%s'
      || replace(case when p.qual is null then '' else format(' using (%s)', regexp_replace(p.qual, direct, initplan, 'g')) end
                 || case when p.with_check is null then ''
                         else format(' with check (%s)', regexp_replace(p.with_check, direct, initplan, 'g')) end,
                 '%', '%%');
    select string_agg(format('%s:%s shard %s: %s', nodename, nodeport, shardid, result), '; ') into failed
      from run_command_on_placements(p.table_name::regclass, command)
     where not success;
    if failed is not null then
      raise exception 'could not seal the placements of % (policy %): %', p.table_name, p.policyname, failed;
    end if;
    altered := altered + 1;
  end loop;
  raise notice 'sealed the placements of % policies once per statement', altered;
end $$;

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
-- to it), or a migration that (re)writes a sealed policy on a distributed table (Citus propagates ALTER POLICY to the
-- placements in the per-row form). Until then those placements check the seal per row: slower, never weaker. Running
-- it again rewrites every placement the same way.
--   psql "$OWNER_URL" -v ON_ERROR_STOP=1 -f tools/citus/seal-placements.sql
--
-- One command per node (run_command_on_all_nodes), which alters the policies of the placements that node holds, in
-- one transaction: a command per placement (run_command_on_placements) took 3.6 minutes for 76 policies × 64 shards
-- on the loaded test machine.
do $$
declare
  direct constant text := 'emis_scope_intact\(emis_scope_sealed_state\(\)\)';
  initplan constant text := 'emis_scope_intact((select emis_scope_sealed_state()))';
  policies text;
  n int;
  failed text;
  left_per_row text;
begin
  -- The coordinator's sealed policies of Citus tables, rewritten: (table, policy, using, with check).
  select count(*),
         string_agg(format('(%L::regclass, %L, %L, %L)', d.logicalrelid::regclass::text, po.policyname,
                           regexp_replace(po.qual, direct, initplan, 'g'),
                           regexp_replace(po.with_check, direct, initplan, 'g')), ', ')
    into n, policies
    from pg_dist_partition d
    join pg_class c on c.oid = d.logicalrelid
    join pg_policies po on po.schemaname = c.relnamespace::regnamespace::text and po.tablename = c.relname
   where po.qual ~ direct or po.with_check ~ direct;
  if n = 0 then
    raise notice 'no sealed policy of a Citus table: nothing to do';
    return;
  end if;

  -- Each node alters the placements it holds (its group in pg_dist_placement; the coordinator holds the reference
  -- tables'), by their shard names.
  select string_agg(format('node %s: %s', nodeid, result), '; ') into failed
    from run_command_on_all_nodes(format($command$
      do $seal$
      declare
        p record;
      begin
        for p in
          select pg_catalog.shard_name(v.t, s.shardid) as placement, v.policy, v.using_expr, v.check_expr
            from (values %s) v(t, policy, using_expr, check_expr)
            join pg_catalog.pg_dist_shard s on s.logicalrelid = v.t
            join pg_catalog.pg_dist_placement pl on pl.shardid = s.shardid
           where pl.groupid = (select groupid from pg_catalog.pg_dist_local_group)
        loop
          execute format('alter policy %%I on %%s', p.policy, p.placement)
            || case when p.using_expr is null then '' else format(' using (%%s)', p.using_expr) end
            || case when p.check_expr is null then '' else format(' with check (%%s)', p.check_expr) end;
        end loop;
      end $seal$
    $command$, policies))
   where not success;
  if failed is not null then
    raise exception 'could not seal the placements: %', failed;
  end if;

  -- Checked on every node: no placement policy left in the per-row form.
  select string_agg(format('node %s: %s', nodeid, result), '; ') into left_per_row
    from run_command_on_all_nodes(format($command$
      select count(*) from pg_catalog.pg_policies po
        join pg_catalog.pg_class c on c.relname = po.tablename and c.relnamespace = po.schemaname::regnamespace
       where (po.qual ~ %1$L or po.with_check ~ %1$L)
         and c.oid not in (select logicalrelid from pg_catalog.pg_dist_partition)
    $command$, direct))
   where not success or result <> '0';
  if left_per_row is not null then
    raise exception 'placements still checking the seal per row: %', left_per_row;
  end if;
  raise notice 'sealed the placements of % policies once per statement, on every node', n;
end $$;

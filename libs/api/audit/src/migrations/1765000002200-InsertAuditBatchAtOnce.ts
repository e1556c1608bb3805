import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_append_batch inserted its entries one statement each: under row-level security every INSERT evaluates its
 * policy's seal term, `(select emis_scope_sealed())`, once per statement — an HMAC over the scope settings — so a
 * province-scale import's 200,000 audit entries paid 200,000 seal checks (docs/benchmarks.md, import-200k). The chain
 * is still computed in order, entry by entry, exactly as before (audit_verify recomputes it); the hashes are kept in
 * an array and all the entries of the batch go into audit_log in one INSERT, checked against the seal once. The
 * INSERT … SELECT carries ON CONFLICT and its count is compared with the batch, the shape Citus routes by school_id
 * (docs/scaling.md) rather than copying rows under row-level security; a clash on (school_id, seq) cannot happen
 * while the chain head is locked, and would fail the batch rather than skip an entry. Signature unchanged
 * (tools/citus/distribute.sql distributes it by p_school).
 */
export class InsertAuditBatchAtOnce1765000002200 implements MigrationInterface {
  name = 'InsertAuditBatchAtOnce1765000002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function audit_append_batch(p_school uuid, p_at timestamptz, p_actor uuid, p_actor_name text,
          p_actor_unit uuid, p_entities text[], p_entity_ids text[], p_actions text[], p_befores jsonb[], p_afters jsonb[])
        returns bigint
        language plpgsql as $fn$
        declare
          v_first bigint;
          v_seq bigint;
          v_hash text;
          v_prevs text[] := '{}';
          v_hashes text[] := '{}';
          v_written bigint;
          i integer := 0;
          r record;
        begin
          insert into audit_chain_head (school_id, last_seq, last_hash)
            values (p_school, 0, repeat('0', 64)) on conflict (school_id) do nothing;
          select last_seq, last_hash into v_seq, v_hash from audit_chain_head where school_id = p_school for update;
          if not found then
            raise exception 'org unit % is not in scope', p_school using errcode = '42501';
          end if;
          v_first := v_seq;
          for r in select u.entity, u.entity_id, u.action, u.before, u.after
                     from unnest(p_entities, p_entity_ids, p_actions, p_befores, p_afters) with ordinality
                          as u(entity, entity_id, action, before, after, n)
                    order by u.n loop
            i := i + 1;
            v_seq := v_seq + 1;
            -- Subscript assignment extends a local array in place (an expanded array), so the batch stays linear.
            v_prevs[i] := v_hash;
            v_hash := audit_row_hash(v_hash, p_school, v_seq, p_at, p_actor, p_actor_name, p_actor_unit,
                                     r.entity, r.entity_id, r.action, r.before, r.after, null);
            v_hashes[i] := v_hash;
          end loop;
          if i = 0 then
            return v_seq;
          end if;
          insert into audit_log (school_id, seq, at, actor_id, actor_name, actor_org_unit_id, entity, entity_id,
                                 action, before, after, request_id, prev_hash, hash)
            select p_school, v_first + u.n, p_at, p_actor, p_actor_name, p_actor_unit, u.entity, u.entity_id,
                   u.action, u.before, u.after, null, u.prev_hash, u.hash
              from unnest(p_entities, p_entity_ids, p_actions, p_befores, p_afters, v_prevs, v_hashes) with ordinality
                   as u(entity, entity_id, action, before, after, prev_hash, hash, n)
          on conflict do nothing;
          get diagnostics v_written = row_count;
          if v_written <> i then
            raise exception 'audit_append_batch: % of % entries written for org unit %', v_written, i, p_school
              using errcode = '40001';
          end if;
          update audit_chain_head set last_seq = v_seq, last_hash = v_hash where school_id = p_school;
          return v_seq;
        end
      $fn$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function audit_append_batch(p_school uuid, p_at timestamptz, p_actor uuid, p_actor_name text,
          p_actor_unit uuid, p_entities text[], p_entity_ids text[], p_actions text[], p_befores jsonb[], p_afters jsonb[])
        returns bigint
        language plpgsql as $fn$
        declare
          v_seq bigint;
          v_hash text;
          v_prev text;
          r record;
        begin
          insert into audit_chain_head (school_id, last_seq, last_hash)
            values (p_school, 0, repeat('0', 64)) on conflict (school_id) do nothing;
          select last_seq, last_hash into v_seq, v_hash from audit_chain_head where school_id = p_school for update;
          if not found then
            raise exception 'org unit % is not in scope', p_school using errcode = '42501';
          end if;
          for r in select u.entity, u.entity_id, u.action, u.before, u.after
                     from unnest(p_entities, p_entity_ids, p_actions, p_befores, p_afters) with ordinality
                          as u(entity, entity_id, action, before, after, n)
                    order by u.n loop
            v_prev := v_hash;
            v_seq := v_seq + 1;
            v_hash := audit_row_hash(v_prev, p_school, v_seq, p_at, p_actor, p_actor_name, p_actor_unit,
                                     r.entity, r.entity_id, r.action, r.before, r.after, null);
            insert into audit_log (school_id, seq, at, actor_id, actor_name, actor_org_unit_id, entity, entity_id,
                                   action, before, after, request_id, prev_hash, hash)
              values (p_school, v_seq, p_at, p_actor, p_actor_name, p_actor_unit, r.entity, r.entity_id,
                      r.action, r.before, r.after, null, v_prev, v_hash);
          end loop;
          update audit_chain_head set last_seq = v_seq, last_hash = v_hash where school_id = p_school;
          return v_seq;
        end
      $fn$;
    `);
  }
}

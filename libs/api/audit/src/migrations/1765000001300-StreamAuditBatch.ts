import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_append_batch walked its arrays by subscript (`p_afters[i]`): an array of variable-length elements (jsonb,
 * text) passed as an argument is read from its start for each subscript, so a batch of n entries cost n²/2 element
 * steps — a 20,000-entry batch of a province-scale import took minutes (docs/benchmarks.md, import-200k). The same
 * function now reads the arrays once, in order, through unnest … with ordinality; the chain, the hashes and the rows
 * are exactly as before (audit_verify recomputes them), and the signature is unchanged (tools/citus/distribute.sql
 * distributes it by p_school).
 */
export class StreamAuditBatch1765000001300 implements MigrationInterface {
  name = 'StreamAuditBatch1765000001300';

  async up(q: QueryRunner): Promise<void> {
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
          i integer;
        begin
          insert into audit_chain_head (school_id, last_seq, last_hash)
            values (p_school, 0, repeat('0', 64)) on conflict (school_id) do nothing;
          select last_seq, last_hash into v_seq, v_hash from audit_chain_head where school_id = p_school for update;
          if not found then
            raise exception 'org unit % is not in scope', p_school using errcode = '42501';
          end if;
          for i in 1 .. coalesce(array_length(p_entities, 1), 0) loop
            v_prev := v_hash;
            v_seq := v_seq + 1;
            v_hash := audit_row_hash(v_prev, p_school, v_seq, p_at, p_actor, p_actor_name, p_actor_unit,
                                     p_entities[i], p_entity_ids[i], p_actions[i], p_befores[i], p_afters[i], null);
            insert into audit_log (school_id, seq, at, actor_id, actor_name, actor_org_unit_id, entity, entity_id,
                                   action, before, after, request_id, prev_hash, hash)
              values (p_school, v_seq, p_at, p_actor, p_actor_name, p_actor_unit, p_entities[i], p_entity_ids[i],
                      p_actions[i], p_befores[i], p_afters[i], null, v_prev, v_hash);
          end loop;
          update audit_chain_head set last_seq = v_seq, last_hash = v_hash where school_id = p_school;
          return v_seq;
        end
      $fn$;
    `);
  }
}

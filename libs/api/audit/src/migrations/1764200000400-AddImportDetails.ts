import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports: a batch form of audit_append. An import audits one row per created or updated record in one
 * transaction; audit_append moves the school's chain head once per row, and 10,000 updates of that one row in
 * a transaction make every later lookup walk the row's version chain (measured: 14 s of a 10,000-row import).
 * This appends the rows with the same audit_row_hash and moves the head once. Runs as the caller (RLS applies).
 */
export class AddImportDetails1764200000400 implements MigrationInterface {
  name = 'AddImportDetails1764200000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function audit_append_batch(p_school uuid, p_at timestamptz, p_actor uuid, p_actor_name text,
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
      comment on function audit_append_batch(uuid, timestamptz, uuid, text, uuid, text[], text[], text[], jsonb[], jsonb[])
        is 'audit_append for many rows of one school and actor (imports): same hash chain, the head moves once';
      grant execute on function audit_append_batch(uuid, timestamptz, uuid, text, uuid, text[], text[], text[], jsonb[], jsonb[]) to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `drop function if exists audit_append_batch(uuid, timestamptz, uuid, text, uuid, text[], text[], text[], jsonb[], jsonb[])`,
    );
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: one hash chain per school (or unit), append-only, with the functions that append to and verify it.
 * Part of what applied as CreateFoundation1764100000000 until the migrations moved to their contexts: a database
 * that applied that one records this one as applied (RETIRED_MIGRATIONS in apps/api/src/migrations.ts).
 */
export class CreateAuditChain1764100000040 implements MigrationInterface {
  name = 'CreateAuditChain1764100000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- School-owned: the audit log, one hash chain per school (or per unit, for changes made at a unit).
      create table audit_chain_head (
        school_id uuid primary key references org_unit (id),
        last_seq bigint not null,
        last_hash text not null
      );
      alter table audit_chain_head enable row level security;
      alter table audit_chain_head force row level security;
      -- The chain head moves only with an audit row of a school in scope.
      create policy audit_chain_head_scope on audit_chain_head
        using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));

      create table audit_log (
        school_id uuid not null references org_unit (id),
        seq bigint not null,
        at timestamptz not null,
        actor_id uuid,
        actor_name text,
        actor_org_unit_id uuid,
        entity text not null,
        entity_id text not null,
        action text not null,
        before jsonb,
        after jsonb,
        request_id text,
        prev_hash text not null,
        hash text not null,
        primary key (school_id, seq)
      );
      create index audit_log_entity_idx on audit_log (school_id, entity, entity_id);
      create index audit_log_at_idx on audit_log (at desc);
      alter table audit_log enable row level security;
      alter table audit_log force row level security;
      -- Audit rows are read and appended only within scope; no policy or grant allows UPDATE or DELETE.
      create policy audit_log_read on audit_log for select using (emis_in_scope(school_id));
      create policy audit_log_append on audit_log for insert with check (emis_in_scope(school_id));

      -- Append-only even for roles that hold UPDATE/DELETE by mistake.
      create function audit_log_immutable() returns trigger language plpgsql as $fn$
        begin raise exception 'audit_log is append-only' using errcode = '42501'; end
      $fn$;
      create trigger audit_log_no_update before update or delete on audit_log
        for each row execute function audit_log_immutable();

      -- The canonical text of an audit row, hashed with the previous row's hash. jsonb::text is canonical
      -- (keys ordered), and the time is written in UTC to the microsecond, so the hash does not depend on settings.
      create function audit_row_hash(prev_hash text, school_id uuid, seq bigint, at timestamptz, actor_id uuid,
          actor_name text, actor_org_unit_id uuid, entity text, entity_id text, action text, before jsonb,
          after jsonb, request_id text) returns text
        language sql stable parallel safe as $fn$
          select encode(sha256(convert_to(concat_ws(chr(31),
            prev_hash, school_id::text, seq::text,
            to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            coalesce(actor_id::text, ''), coalesce(actor_name, ''), coalesce(actor_org_unit_id::text, ''),
            entity, entity_id, action,
            coalesce(before::text, 'null'), coalesce(after::text, 'null'), coalesce(request_id, '')
          ), 'UTF8')), 'hex')
        $fn$;

      -- Appends one row to a school's chain inside the caller's transaction. The head row lock serialises
      -- appends per school only; schools never wait for each other. Runs as the caller, so RLS applies.
      create function audit_append(p_school uuid, p_at timestamptz, p_actor uuid, p_actor_name text,
          p_actor_unit uuid, p_entity text, p_entity_id text, p_action text, p_before jsonb, p_after jsonb,
          p_request_id text) returns bigint
        language plpgsql as $fn$
        declare
          v_seq bigint;
          v_prev text;
          v_hash text;
        begin
          insert into audit_chain_head (school_id, last_seq, last_hash)
            values (p_school, 0, repeat('0', 64)) on conflict (school_id) do nothing;
          select last_seq, last_hash into v_seq, v_prev from audit_chain_head where school_id = p_school for update;
          if not found then
            raise exception 'org unit % is not in scope', p_school using errcode = '42501';
          end if;
          v_seq := v_seq + 1;
          v_hash := audit_row_hash(v_prev, p_school, v_seq, p_at, p_actor, p_actor_name, p_actor_unit,
                                   p_entity, p_entity_id, p_action, p_before, p_after, p_request_id);
          insert into audit_log (school_id, seq, at, actor_id, actor_name, actor_org_unit_id, entity, entity_id,
                                 action, before, after, request_id, prev_hash, hash)
            values (p_school, v_seq, p_at, p_actor, p_actor_name, p_actor_unit, p_entity, p_entity_id,
                    p_action, p_before, p_after, p_request_id, v_prev, v_hash);
          update audit_chain_head set last_seq = v_seq, last_hash = v_hash where school_id = p_school;
          return v_seq;
        end
      $fn$;

      -- Recomputes a school's chain: the first row whose hash, link or sequence is wrong, or the row after the
      -- last one when rows were cut from the end (the head remembers how far the chain went).
      create function audit_verify(p_school uuid) returns table (rows bigint, broken_at bigint)
        language sql stable as $fn$
          with r as (
            select seq, hash, prev_hash,
                   lag(hash) over (order by seq) as expected_prev,
                   lag(seq) over (order by seq) as prev_seq,
                   audit_row_hash(prev_hash, school_id, seq, at, actor_id, actor_name, actor_org_unit_id,
                                  entity, entity_id, action, before, after, request_id) as recomputed
              from audit_log where school_id = p_school
          ), head as (
            select last_seq from audit_chain_head where school_id = p_school
          )
          select (select count(*) from r),
                 coalesce(
                   (select min(seq) from r
                     where recomputed <> hash
                        or prev_hash <> coalesce(expected_prev, repeat('0', 64))
                        or seq <> coalesce(prev_seq, 0) + 1),
                   (select coalesce(max(r.seq), 0) + 1 from r, head
                     having coalesce(max(r.seq), 0) <> max(head.last_seq)),
                   (select 1::bigint from head where not exists (select 1 from r) and head.last_seq > 0)
                 )
        $fn$;

      grant select, insert, update on audit_chain_head to emis_app;
      grant select, insert on audit_log to emis_app;
      grant execute on function audit_row_hash(text, uuid, bigint, timestamptz, uuid, text, uuid, text, text, text, jsonb, jsonb, text),
        audit_append(uuid, timestamptz, uuid, text, uuid, text, text, text, jsonb, jsonb, text), audit_verify(uuid) to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function if exists audit_verify(uuid);
      drop function if exists audit_append(uuid, timestamptz, uuid, text, uuid, text, text, text, jsonb, jsonb, text);
      drop function if exists audit_row_hash(text, uuid, bigint, timestamptz, uuid, text, uuid, text, text, text, jsonb, jsonb, text);
      drop table if exists audit_log;
      drop function if exists audit_log_immutable();
      drop table if exists audit_chain_head;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_verify (GET /api/audit/verify and `cli.js audit:verify`) with the same body and the same answers, in PL/pgSQL
 * instead of SQL. PostgreSQL inlines a stable SQL set-returning function into the calling statement, so on a Citus
 * cluster the coordinator had to plan the whole chain query with p_school still a parameter, which it cannot do for a
 * distributed table read through a function (docs/scaling.md, "Functions, triggers, roles"). A PL/pgSQL body is
 * never inlined: each of its statements is planned on its own with p_school bound, and routes to the chain's shard.
 */
export class PlanAuditVerifyInPlpgsql1765000001110 implements MigrationInterface {
  name = 'PlanAuditVerifyInPlpgsql1765000001110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Recomputes a school's chain: the first row whose hash, link or sequence is wrong, or the row after the
      -- last one when rows were cut from the end (the head remembers how far the chain went).
      create or replace function audit_verify(p_school uuid) returns table (rows bigint, broken_at bigint)
        language plpgsql stable as $fn$
        begin
          return query
          with r as (
            select l.seq, l.hash, l.prev_hash,
                   lag(l.hash) over (order by l.seq) as expected_prev,
                   lag(l.seq) over (order by l.seq) as prev_seq,
                   audit_row_hash(l.prev_hash, l.school_id, l.seq, l.at, l.actor_id, l.actor_name, l.actor_org_unit_id,
                                  l.entity, l.entity_id, l.action, l.before, l.after, l.request_id) as recomputed
              from audit_log l where l.school_id = p_school
          ), head as (
            select h.last_seq from audit_chain_head h where h.school_id = p_school
          )
          select (select count(*) from r),
                 coalesce(
                   (select min(r.seq) from r
                     where r.recomputed <> r.hash
                        or r.prev_hash <> coalesce(r.expected_prev, repeat('0', 64))
                        or r.seq <> coalesce(r.prev_seq, 0) + 1),
                   (select coalesce(max(r.seq), 0) + 1 from r, head
                     having coalesce(max(r.seq), 0) <> max(head.last_seq)),
                   (select 1::bigint from head where not exists (select 1 from r) and head.last_seq > 0)
                 );
        end
        $fn$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function audit_verify(uuid);
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
      grant execute on function audit_verify(uuid) to emis_app;
    `);
  }
}

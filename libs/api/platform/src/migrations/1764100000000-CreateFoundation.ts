import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The spine: org-unit tree, identity, the first school-owned tables and the audit chain.
 * RLS policies are written by hand; each carries a comment saying what it protects.
 */
export class CreateFoundation1764100000000 implements MigrationInterface {
  name = 'CreateFoundation1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The application role owns nothing and never bypasses RLS. Deployment gives it LOGIN and a password.
      do $$ begin
        if not exists (select from pg_roles where rolname = 'emis_app') then
          create role emis_app nologin nosuperuser nocreatedb nocreaterole nobypassrls;
        end if;
      end $$;
      grant usage on schema public to emis_app;

      -- Scope predicate shared by every RLS policy. app.all_schools = 'on' is the department's scope (the whole
      -- province in this database); otherwise app.school_ids lists the org units (schools and units) in view.
      -- Both are set per transaction by the API (TenantDb); unset means no rows.
      create function emis_in_scope(school uuid) returns boolean
        language sql stable parallel safe as $fn$
          select coalesce(current_setting('app.all_schools', true), '') = 'on'
              or school = any (string_to_array(nullif(current_setting('app.school_ids', true), ''), ',')::uuid[])
        $fn$;

      -- Search without diacritics ("truong" finds "Trường"): a translate() table rather than the unaccent
      -- extension, so it is immutable, indexable and available on every server (Citus included).
      create function unaccent_vi(value text) returns text
        language sql immutable parallel safe strict as $fn$
          select translate(lower(value), 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')
        $fn$;

      -- Reference data (a Citus reference table): the org-unit tree. Not school-owned: the API scopes reads
      -- to the caller's subtree.
      create table org_unit (
        id uuid primary key default gen_random_uuid(),
        parent_id uuid references org_unit (id),
        kind text not null check (kind in ('DEPARTMENT', 'UNIT', 'SCHOOL')),
        code text not null unique,
        name text not null,
        levels text[] not null default '{}',
        ownership text check (ownership in ('PUBLIC', 'PRIVATE', 'PEOPLE_FOUNDED')),
        active boolean not null default true,
        created_at timestamptz not null default now(),
        check ((kind = 'DEPARTMENT') = (parent_id is null)),
        check (kind = 'SCHOOL' or levels = '{}')
      );
      create index org_unit_parent_idx on org_unit (parent_id);

      -- Where a unit sat in the tree, and when: schools moved when district bureaus were abolished (1 July 2025).
      create table org_unit_parent_history (
        org_unit_id uuid not null references org_unit (id),
        parent_id uuid references org_unit (id),
        valid_from timestamptz not null,
        valid_to timestamptz,
        primary key (org_unit_id, valid_from)
      );

      create table app_user (
        id uuid primary key default gen_random_uuid(),
        username text not null unique,
        password_hash text not null,
        full_name text not null,
        role text not null check (role in ('DEPARTMENT_ADMIN','DEPARTMENT_OFFICER','UNIT_OFFICER','SCHOOL_ADMIN','ACCOUNTANT','TEACHER')),
        org_unit_id uuid not null references org_unit (id),
        email text,
        locale text not null default 'vi' check (locale in ('vi', 'en')),
        mfa_secret text,
        mfa_enabled boolean not null default false,
        failed_logins integer not null default 0,
        locked_until timestamptz,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index app_user_org_unit_idx on app_user (org_unit_id);

      -- Rotating refresh tokens: one family per sign-in; a used token presented again revokes the family.
      create table refresh_token (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references app_user (id),
        family_id uuid not null,
        token_hash text not null unique,
        expires_at timestamptz not null,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz not null default now()
      );
      create index refresh_token_family_idx on refresh_token (family_id);

      -- School-owned: the school's own profile.
      create table school_profile (
        school_id uuid primary key references org_unit (id),
        address text,
        phone text,
        email text,
        principal_name text,
        founded_year integer,
        website text,
        version integer not null default 1,
        updated_at timestamptz not null,
        updated_by uuid
      );
      alter table school_profile enable row level security;
      alter table school_profile force row level security;
      -- A school's profile is read and written only by callers whose scope includes the school.
      create policy school_profile_scope on school_profile
        using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));

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

      grant select on org_unit, org_unit_parent_history to emis_app;
      grant select, insert, update on app_user to emis_app;
      grant select, insert, update on refresh_token to emis_app;
      grant select, insert, update on school_profile to emis_app;
      grant select, insert, update on audit_chain_head to emis_app;
      grant select, insert on audit_log to emis_app;
      grant execute on function emis_in_scope(uuid), unaccent_vi(text), audit_row_hash(text, uuid, bigint, timestamptz, uuid, text, uuid, text, text, text, jsonb, jsonb, text),
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
      drop table if exists school_profile;
      drop table if exists refresh_token;
      drop table if exists app_user;
      drop table if exists org_unit_parent_history;
      drop table if exists org_unit;
      drop function if exists emis_in_scope(uuid);
      drop function if exists unaccent_vi(text);
    `);
  }
}

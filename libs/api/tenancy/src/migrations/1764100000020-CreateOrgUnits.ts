import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The org-unit tree (department, units, schools), where each unit sat in it and when, and each school's profile.
 * Part of what applied as CreateFoundation1764100000000 until the migrations moved to their contexts: a database
 * that applied that one records this one as applied (RETIRED_MIGRATIONS in apps/api/src/migrations.ts).
 */
export class CreateOrgUnits1764100000020 implements MigrationInterface {
  name = 'CreateOrgUnits1764100000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
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

      grant select on org_unit, org_unit_parent_history to emis_app;
      grant select, insert, update on school_profile to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists school_profile;
      drop table if exists org_unit_parent_history;
      drop table if exists org_unit;
    `);
  }
}

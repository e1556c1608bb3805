import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff records and their employment history. school_id comes first in every key (Citus distribution column).
 * Part of what applied as CreatePeople1764200000000 until the migrations moved to their contexts: a database that
 * applied that one records this one as applied (RETIRED_MIGRATIONS in apps/api/src/migrations.ts).
 */
export class CreateStaff1764200000010 implements MigrationInterface {
  name = 'CreateStaff1764200000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table staff (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        personal_id text not null check (personal_id ~ '^\\d{12}$'),
        full_name text not null,
        date_of_birth date not null,
        gender text not null check (gender in ('MALE', 'FEMALE')),
        ethnicity text not null default '01',
        phone text,
        email text,
        position text not null check (position in ('PRINCIPAL', 'VICE_PRINCIPAL', 'TEACHER', 'STAFF')),
        contract_type text not null check (contract_type in ('CIVIL_SERVANT', 'CONTRACT')),
        -- Civil-servant rank code (mã ngạch/chức danh nghề nghiệp, e.g. V.07.04.32), salary coefficient and step.
        rank_code text,
        salary_coefficient numeric(4, 2) check (salary_coefficient between 1 and 10),
        salary_step smallint check (salary_step between 1 and 12),
        qualifications jsonb not null default '[]',
        subjects text[] not null default '{}',
        start_date date not null,
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'LEAVE', 'RETIRED', 'TRANSFERRED')),
        party_member boolean,
        union_member boolean,
        version integer not null default 1,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (school_id, id),
        unique (school_id, personal_id)
      );

      -- Positions held, transfers in and out, status changes: the employment history.
      create table staff_history (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        staff_id uuid not null,
        kind text not null check (kind in ('HIRED', 'POSITION', 'STATUS', 'TRANSFER_IN', 'TRANSFER_OUT')),
        effective_on date not null,
        details jsonb not null default '{}',
        recorded_at timestamptz not null,
        primary key (school_id, id),
        foreign key (school_id, staff_id) references staff (school_id, id)
      );
    `);
    const schoolOwned = [
      ['staff', 'staff records of schools in scope'],
      ['staff_history', 'employment history of staff in scope'],
    ];
    for (const [table, why] of schoolOwned) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy ${table}_scope on ${table} using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
        comment on policy ${table}_scope on ${table} is '${why.replace(/'/g, "''")}';
        grant select, insert, update, delete on ${table} to emis_app;
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists staff_history, staff;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Students with their guardians, enrolments, year-end decisions and transfers. school_id comes first in every key
 * (Citus distribution column).
 * Part of what applied as CreatePeople1764200000000 until the migrations moved to their contexts: a database that
 * applied that one records this one as applied (RETIRED_MIGRATIONS in apps/api/src/migrations.ts).
 */
export class CreateStudents1764200000030 implements MigrationInterface {
  name = 'CreateStudents1764200000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A student's record at one school. A transferred student has one row per school with the same id:
      -- the sending school keeps its row (status TRANSFERRED_OUT, read-only), the receiving school gets a copy.
      create table student (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        personal_id text not null check (personal_id ~ '^\\d{12}$'),
        full_name text not null,
        -- Vietnamese order: given name (last word), then middle names, then family name (first word).
        family_name text generated always as (split_part(btrim(full_name), ' ', 1)) stored,
        given_name text generated always as (regexp_replace(btrim(full_name), '^.*\\s', '')) stored,
        middle_name text generated always as (btrim(regexp_replace(regexp_replace(btrim(full_name), '\\s*\\S+$', ''), '^\\S+', ''))) stored,
        date_of_birth date not null,
        gender text not null check (gender in ('MALE', 'FEMALE')),
        ethnicity text not null default '01',
        religion text,
        nationality text not null default 'VN',
        place_of_birth text,
        permanent_address text,
        current_address text,
        policy_groups text[] not null default '{}',
        disability text,
        status text not null default 'STUDYING' check (status in ('STUDYING', 'TRANSFERRED_OUT', 'DROPPED_OUT', 'GRADUATED')),
        status_reason text,
        status_date date,
        version integer not null default 1,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (school_id, id),
        unique (school_id, personal_id)
      );
      create index student_name_idx on student (school_id, given_name, middle_name, family_name);

      create table guardian (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        student_id uuid not null,
        relation text not null check (relation in ('FATHER', 'MOTHER', 'GUARDIAN')),
        full_name text not null,
        phone text,
        occupation text,
        birth_year smallint,
        primary key (school_id, id),
        foreign key (school_id, student_id) references student (school_id, id) on delete cascade
      );
      create index guardian_student_idx on guardian (school_id, student_id);

      -- Who sat in which class, from when to when. One open enrolment per student and year.
      create table enrolment (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        student_id uuid not null,
        class_id uuid not null,
        school_year_id uuid not null references school_year (id),
        from_date date not null,
        to_date date,
        reason text,
        primary key (school_id, id),
        foreign key (school_id, student_id) references student (school_id, id),
        foreign key (school_id, class_id) references class (school_id, id)
      );
      create unique index enrolment_open_idx on enrolment (school_id, student_id, school_year_id) where to_date is null;
      create index enrolment_class_idx on enrolment (school_id, class_id) where to_date is null;

      -- The school council's year-end decision per student; the software proposes, the council decides.
      create table year_outcome (
        school_id uuid not null,
        student_id uuid not null,
        school_year_id uuid not null references school_year (id),
        grade text not null,
        outcome text not null check (outcome in ('PROMOTED', 'REPEAT', 'GRADUATED')),
        decided_by uuid,
        decided_at timestamptz not null,
        primary key (school_id, student_id, school_year_id),
        foreign key (school_id, student_id) references student (school_id, id)
      );

      -- One side of a transfer between two schools. The sending school's OUT row and the receiving school's IN
      -- row share the transfer id; each school sees only its own side (RLS), the service writes both.
      create table student_transfer (
        school_id uuid not null references org_unit (id),
        id uuid not null,
        direction text not null check (direction in ('OUT', 'IN')),
        student_id uuid not null,
        counterpart_school_id uuid not null references org_unit (id),
        status text not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'REJECTED', 'CANCELLED')),
        reason text,
        effective_on date not null,
        -- The student's record as the sending school released it (IN side): copied on acceptance.
        snapshot jsonb,
        requested_by uuid,
        requested_at timestamptz not null,
        decided_by uuid,
        decided_at timestamptz,
        decision_note text,
        primary key (school_id, id)
      );
      create index student_transfer_student_idx on student_transfer (school_id, student_id);
    `);
    const schoolOwned = [
      ['student', 'student records of schools in scope'],
      ['guardian', 'guardians of students in scope'],
      ['enrolment', 'enrolments of schools in scope'],
      ['year_outcome', 'year-end decisions of schools in scope'],
      [
        'student_transfer',
        'each school sees its own side of a transfer; the other side is written by the two-scope service',
      ],
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
      drop table if exists student_transfer, year_outcome, enrolment, guardian, student;
    `);
  }
}

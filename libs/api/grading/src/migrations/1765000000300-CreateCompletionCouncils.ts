import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grade 9 completion under Circular 31/2023 (docs/domain/completion.md): a school's completion council sits at
 * most twice in a school year (the check on `sitting` and the unique key refuse a third, whatever the API does), and
 * records each pupil's decision with the proposal it was taken on and who recorded it. From 2025-26 a decision that
 * the pupil completes carries the principal's certification for the học bạ. school_id leads every key (Citus
 * distribution column); row-level security on emis_in_scope(school_id) sealed like every policy
 * (docs/adr/sealed-scope.md).
 */
export class CreateCompletionCouncils1765000000300 implements MigrationInterface {
  name = 'CreateCompletionCouncils1765000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table completion_council (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        school_year_id uuid not null references school_year (id),
        sitting smallint not null check (sitting in (1, 2)),
        held_on date not null,
        chair_name text not null check (length(btrim(chair_name)) between 1 and 200),
        members text[] not null check (cardinality(members) between 1 and 30),
        created_by uuid,
        created_by_name text,
        created_at timestamptz not null,
        primary key (school_id, id),
        unique (school_id, school_year_id, sitting)
      );

      create table completion_decision (
        school_id uuid not null,
        council_id uuid not null,
        student_id uuid not null,
        class_id uuid,
        completes boolean not null,
        reason text check (reason is null or length(reason) <= 500),
        proposal jsonb not null,
        certification text,
        certified_on date,
        certified_by_name text,
        decided_by uuid,
        decided_by_name text,
        decided_at timestamptz not null,
        primary key (school_id, council_id, student_id),
        foreign key (school_id, council_id) references completion_council (school_id, id),
        foreign key (school_id, student_id) references student (school_id, id),
        check (completes or reason is not null),
        check (certification is null or (completes and certified_on is not null and certified_by_name is not null))
      );
      create index completion_decision_student_idx on completion_decision (school_id, student_id);

      alter table completion_council enable row level security;
      alter table completion_council force row level security;
      create policy completion_council_scope on completion_council
        using (emis_in_scope(school_id) and (select emis_scope_sealed()))
        with check (emis_in_scope(school_id) and (select emis_scope_sealed()));
      comment on policy completion_council_scope on completion_council is 'completion councils of schools in scope';
      grant select, insert on completion_council to emis_app;

      alter table completion_decision enable row level security;
      alter table completion_decision force row level security;
      create policy completion_decision_scope on completion_decision
        using (emis_in_scope(school_id) and (select emis_scope_sealed()))
        with check (emis_in_scope(school_id) and (select emis_scope_sealed()));
      comment on policy completion_decision_scope on completion_decision is 'completion decisions of schools in scope';
      grant select, insert, update on completion_decision to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists completion_decision, completion_council;`);
  }
}

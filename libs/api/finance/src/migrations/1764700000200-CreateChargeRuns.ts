import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generating what pupils owe (docs/domain/finance.md, "Generating charges"): each generation of a fee period is a
 * run with its progress and totals — answered at once for a small school, polled while a background job works
 * through a large one — and the CORRECTION adjustments a run writes name it, so a later run compares a charge with
 * what generation last set (its due plus the runs' corrections) and leaves the people's own adjustments alone.
 * school_id leads every key (Citus distribution column); row-level security on emis_in_scope(school_id).
 */
export class CreateChargeRuns1764700000200 implements MigrationInterface {
  name = 'CreateChargeRuns1764700000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table finance_charge_run (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        period_id uuid not null,
        status text not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        pupils integer not null default 0 check (pupils >= 0),
        processed integer not null default 0 check (processed >= 0),
        created integer not null default 0 check (created >= 0),
        corrected integer not null default 0 check (corrected >= 0),
        unchanged integer not null default 0 check (unchanged >= 0),
        list_amount bigint not null default 0,
        relief_amount bigint not null default 0,
        support_amount bigint not null default 0,
        reimbursed_amount bigint not null default 0,
        due_amount bigint not null default 0,
        message text,
        requested_by uuid,
        created_at timestamptz not null default now(),
        finished_at timestamptz,
        primary key (school_id, id),
        foreign key (school_id, period_id) references finance_period (school_id, id)
      );
      create index finance_charge_run_period_idx on finance_charge_run (school_id, period_id, created_at desc);
      -- One run of a period at a time: a second request while one is queued or running is answered with it.
      create unique index finance_charge_run_active_idx on finance_charge_run (school_id, period_id)
        where status in ('QUEUED', 'RUNNING');

      alter table finance_charge_adjustment add column run_id uuid;
      alter table finance_charge_adjustment add constraint finance_charge_adjustment_run_fkey
        foreign key (school_id, run_id) references finance_charge_run (school_id, id);
      alter table finance_charge_adjustment add constraint finance_charge_adjustment_run_kind_check
        check (run_id is null or kind = 'CORRECTION');

      alter table finance_charge_run enable row level security;
      alter table finance_charge_run force row level security;
      create policy finance_charge_run_scope on finance_charge_run
        using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
      comment on policy finance_charge_run_scope on finance_charge_run is 'charge generation runs of schools in scope';
      grant select, insert, update on finance_charge_run to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table finance_charge_adjustment drop constraint finance_charge_adjustment_run_kind_check;
      alter table finance_charge_adjustment drop constraint finance_charge_adjustment_run_fkey;
      alter table finance_charge_adjustment drop column run_id;
      drop table finance_charge_run;
    `);
  }
}

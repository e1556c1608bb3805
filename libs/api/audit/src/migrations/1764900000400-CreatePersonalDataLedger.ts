import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The personal-data ledger behind the read budgets and the export limits (docs/security/guard.md). Keyed by user, not
 * by school: a budget spans every school a user reads, so none of these tables is school-owned and none has row-level
 * security (like security_event and the sign-in failure counters).
 *
 * The application role may read and append; it can neither rewrite nor delete a read (which would reset a budget):
 * rows older than the day leave through a statement trigger owned by the schema owner, pruning the users just charged.
 */
export class CreatePersonalDataLedger1764900000400 implements MigrationInterface {
  name = 'CreatePersonalDataLedger1764900000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One row per person whose identifying data a user was shown, at the first read in the rolling day. A person
      -- read again after a day gets a new row (the old one is pruned), so the key carries the time.
      create table personal_data_read (
        user_id uuid not null,
        kind text not null check (kind in ('STUDENT', 'STAFF')),
        subject_id uuid not null,
        first_read_at timestamptz not null,
        primary key (user_id, kind, subject_id, first_read_at)
      );
      -- The budget's tally: a user's reads of one kind in the window, newest last.
      create index personal_data_read_window_idx on personal_data_read (user_id, kind, first_read_at);

      -- One row per export of personal data: the daily limit counts them per user, across schools.
      create table personal_data_export (
        user_id uuid not null,
        at timestamptz not null,
        kind text not null,
        -- The school exported from: not school_id, as this is the user's ledger, not the school's data (no RLS).
        from_school_id uuid not null,
        primary key (user_id, at, kind, from_school_id)
      );

      -- A user past a budget: refused every new person (or every export) until the window frees up. Set once per
      -- window, which is also when the department's administrator is alerted.
      create table personal_data_block (
        user_id uuid not null,
        kind text not null check (kind in ('STUDENT', 'STAFF', 'EXPORT')),
        until timestamptz not null,
        budget_window text not null check (budget_window in ('HOUR', 'DAY')),
        primary key (user_id, kind)
      );

      -- Rows older than the longest window (a day) are dead weight: pruned for the users a statement just charged.
      -- SECURITY DEFINER so that the application role needs no DELETE; search_path pinned as for any definer.
      create function personal_data_prune_reads() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $fn$
        begin
          delete from personal_data_read r
           using (select distinct user_id, kind from charged) c
           where r.user_id = c.user_id and r.kind = c.kind and r.first_read_at <= now() - interval '1 day';
          return null;
        end
      $fn$;
      create trigger personal_data_read_prune after insert on personal_data_read
        referencing new table as charged for each statement execute function personal_data_prune_reads();

      create function personal_data_prune_exports() returns trigger
        language plpgsql security definer set search_path = public, pg_temp as $fn$
        begin
          delete from personal_data_export e
           using (select distinct user_id from exported) x
           where e.user_id = x.user_id and e.at <= now() - interval '1 day';
          return null;
        end
      $fn$;
      create trigger personal_data_export_prune after insert on personal_data_export
        referencing new table as exported for each statement execute function personal_data_prune_exports();

      revoke all on function personal_data_prune_reads() from public;
      revoke all on function personal_data_prune_exports() from public;
      grant select, insert on personal_data_read, personal_data_export to emis_app;
      grant select, insert on personal_data_block to emis_app;
      grant update (until, budget_window) on personal_data_block to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table personal_data_block;
      drop table personal_data_export;
      drop table personal_data_read;
      drop function personal_data_prune_exports();
      drop function personal_data_prune_reads();
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * School finance (docs/domain/finance.md): the province's tuition levels, support levels and fee ranges; each
 * school's fee schedules, exceptions, fee periods, what each pupil owes, payments with numbered receipts, bank
 * statements, budget entries, expense vouchers, reimbursement claims and closed months.
 * school_id comes first in every key of a school-owned table (Citus distribution column), and every one of them has
 * row-level security on emis_in_scope(school_id). Money is whole đồng in bigint.
 * Ledger rows (charges, adjustments, payments, allocations, budget entries) are insert-only for the API role: a
 * correction is a reversing entry, never an edit. Rows dated in a closed month are refused by a trigger.
 */
export class CreateFinance1764700000000 implements MigrationInterface {
  name = 'CreateFinance1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The province's levels per school year, school level and area (reference tables, edited by the department):
      -- the tuition level (the fee charged before 2025-26, and from 2025-26 the level the state reimburses a public
      -- school for each exempt pupil) and the monthly support for pupils of private schools, capped at the fee.
      create table finance_tuition_level (
        id uuid primary key default gen_random_uuid(),
        school_year_id uuid not null references school_year (id),
        school_level text not null check (school_level in ('PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY',
          'UPPER_SECONDARY', 'CONTINUING_EDUCATION')),
        area text not null check (area in ('URBAN', 'RURAL', 'MOUNTAIN')),
        monthly_amount bigint not null check (monthly_amount >= 0),
        private_support_monthly bigint not null default 0 check (private_support_monthly >= 0),
        updated_at timestamptz not null default now(),
        updated_by uuid,
        unique (school_year_id, school_level, area)
      );

      -- Other approved fees the province allows, with the range a school may adopt (area 'ANY' = every area).
      create table finance_fee_range (
        id uuid primary key default gen_random_uuid(),
        school_year_id uuid not null references school_year (id),
        fee_kind text not null check (fee_kind in ('MEALS', 'BOARDING', 'EXTRA_LESSONS', 'HEALTH_INSURANCE',
          'SERVICE', 'VOLUNTARY')),
        school_level text not null check (school_level in ('PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY',
          'UPPER_SECONDARY', 'CONTINUING_EDUCATION')),
        area text not null check (area in ('URBAN', 'RURAL', 'MOUNTAIN', 'ANY')),
        billing_unit text not null check (billing_unit in ('MONTH', 'SEMESTER', 'YEAR', 'ONCE')),
        min_amount bigint not null check (min_amount >= 0),
        max_amount bigint not null,
        name_vi text not null,
        name_en text not null,
        updated_at timestamptz not null default now(),
        updated_by uuid,
        check (max_amount >= min_amount),
        unique (school_year_id, fee_kind, school_level, area)
      );

      -- A school's finance settings: its area (set by the department) and the account families pay into.
      create table finance_school_setting (
        school_id uuid not null references org_unit (id),
        area text not null default 'URBAN' check (area in ('URBAN', 'RURAL', 'MOUNTAIN')),
        bank_name text,
        bank_account text,
        updated_at timestamptz not null default now(),
        updated_by uuid,
        primary key (school_id)
      );

      -- What a school collects in a school year: tuition (its fee if private; the province's level if public) and
      -- its other approved collections, each for some grades (empty = every grade) and billed per unit.
      create table finance_fee_schedule (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        school_year_id uuid not null references school_year (id),
        fee_kind text not null check (fee_kind in ('TUITION', 'MEALS', 'BOARDING', 'EXTRA_LESSONS',
          'HEALTH_INSURANCE', 'SERVICE', 'VOLUNTARY')),
        name text not null,
        billing_unit text not null check (billing_unit in ('MONTH', 'SEMESTER', 'YEAR', 'ONCE')),
        amount bigint not null check (amount >= 0),
        grades text[] not null default '{}',
        voluntary boolean not null default false,
        decision_number text,
        status text not null default 'DRAFT' check (status in ('DRAFT', 'ADOPTED', 'WITHDRAWN')),
        adopted_on date,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (school_id, id),
        unique (school_id, school_year_id, fee_kind, name)
      );

      -- A manual exemption or reduction outside the rules: asked with a reason, applied only once approved.
      create table finance_exception (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        school_year_id uuid not null references school_year (id),
        student_id uuid not null,
        fee_kind text not null check (fee_kind in ('TUITION', 'MEALS', 'BOARDING', 'EXTRA_LESSONS',
          'HEALTH_INSURANCE', 'SERVICE', 'VOLUNTARY')),
        percent integer not null check (percent between 1 and 100),
        reason text not null,
        status text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
        requested_by uuid,
        requested_at timestamptz not null default now(),
        decided_by uuid,
        decided_at timestamptz,
        decision_note text,
        primary key (school_id, id)
      );
      create index finance_exception_student_idx on finance_exception (school_id, school_year_id, student_id);

      -- A collection period of a school year (a semester or a month): what pupils owe is generated per period.
      -- Once CLOSED its charges are frozen.
      create table finance_period (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        school_year_id uuid not null references school_year (id),
        code text not null,
        name text not null,
        starts_on date not null,
        ends_on date not null,
        months integer not null check (months between 1 and 12),
        due_on date,
        status text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
        closed_at timestamptz,
        closed_by uuid,
        created_at timestamptz not null default now(),
        primary key (school_id, id),
        unique (school_id, school_year_id, code),
        check (ends_on >= starts_on)
      );

      -- What one pupil owes for one fee schedule in one period, as generated: the list amount, the relief by the
      -- pupil's policy groups or an approved exception, the province's support (private schools), the part the state
      -- reimburses (public schools' free tuition), and what the family owes. Never edited: later changes are
      -- finance_charge_adjustment rows.
      create table finance_charge (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        period_id uuid not null,
        student_id uuid not null,
        class_id uuid not null,
        fee_schedule_id uuid not null,
        fee_kind text not null,
        list_amount bigint not null check (list_amount >= 0),
        relief_percent integer not null default 0 check (relief_percent between 0 and 100),
        relief_amount bigint not null default 0 check (relief_amount >= 0),
        support_amount bigint not null default 0 check (support_amount >= 0),
        reimbursed_amount bigint not null default 0 check (reimbursed_amount >= 0),
        due_amount bigint not null check (due_amount >= 0),
        -- Why: the rule applied (its code), the pupil's policy groups, the exception's id, the province's levels.
        basis jsonb not null default '{}',
        created_at timestamptz not null default now(),
        created_by uuid,
        primary key (school_id, id),
        unique (school_id, period_id, student_id, fee_schedule_id),
        foreign key (school_id, period_id) references finance_period (school_id, id),
        foreign key (school_id, fee_schedule_id) references finance_fee_schedule (school_id, id),
        check (due_amount = list_amount - relief_amount - support_amount - reimbursed_amount)
      );
      create index finance_charge_student_idx on finance_charge (school_id, student_id);
      create index finance_charge_class_idx on finance_charge (school_id, period_id, class_id);

      -- A change to what a pupil owes, as an entry: a waiver, a correction after regeneration, or the reversal of an
      -- earlier adjustment. amount is signed (negative lowers what is owed).
      create table finance_charge_adjustment (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        charge_id uuid not null,
        kind text not null check (kind in ('WAIVER', 'CORRECTION', 'REVERSAL')),
        amount bigint not null check (amount <> 0),
        reason text not null,
        entered_on date not null,
        reverses_id uuid,
        approved_by uuid,
        created_at timestamptz not null default now(),
        created_by uuid,
        primary key (school_id, id),
        foreign key (school_id, charge_id) references finance_charge (school_id, id),
        foreign key (school_id, reverses_id) references finance_charge_adjustment (school_id, id)
      );
      create index finance_charge_adjustment_charge_idx on finance_charge_adjustment (school_id, charge_id);

      -- Document numbers per school, series and year: RECEIPT (phiếu thu) and VOUCHER (phiếu chi). The next number is
      -- taken by an update of this row in the transaction that writes the document, so concurrent payments queue on
      -- the row lock, and a rolled-back payment gives its number back: no gap, no reuse.
      create table finance_counter (
        school_id uuid not null references org_unit (id),
        series text not null check (series in ('RECEIPT', 'VOUCHER')),
        year integer not null check (year between 2000 and 2200),
        last_number integer not null default 0 check (last_number >= 0),
        primary key (school_id, series, year)
      );

      -- Money in and out of a pupil's account: a PAYMENT (amount > 0, a receipt), a REFUND (amount < 0, a voucher),
      -- or the REVERSAL of either (the opposite amount, no number of its own, reverses_id set). Never edited.
      create table finance_payment (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        kind text not null check (kind in ('PAYMENT', 'REFUND', 'REVERSAL')),
        doc_series text check (doc_series in ('RECEIPT', 'VOUCHER')),
        doc_year integer,
        doc_number integer,
        student_id uuid not null,
        payer_name text,
        paid_on date not null,
        method text not null check (method in ('CASH', 'BANK')),
        bank_reference text,
        amount bigint not null check (amount <> 0),
        reverses_id uuid,
        note text,
        recorded_at timestamptz not null default now(),
        recorded_by uuid,
        primary key (school_id, id),
        unique (school_id, doc_series, doc_year, doc_number),
        unique (school_id, reverses_id),
        foreign key (school_id, reverses_id) references finance_payment (school_id, id),
        check ((kind = 'REVERSAL') = (doc_number is null)),
        check (kind <> 'PAYMENT' or (amount > 0 and doc_series = 'RECEIPT')),
        check (kind <> 'REFUND' or (amount < 0 and doc_series = 'VOUCHER')),
        check (method <> 'BANK' or kind = 'REVERSAL' or bank_reference is not null)
      );
      create index finance_payment_student_idx on finance_payment (school_id, student_id);
      create index finance_payment_date_idx on finance_payment (school_id, paid_on);

      -- How a payment (or refund, or reversal) settles charges: signed like the payment.
      create table finance_allocation (
        school_id uuid not null,
        payment_id uuid not null,
        charge_id uuid not null,
        amount bigint not null check (amount <> 0),
        primary key (school_id, payment_id, charge_id),
        foreign key (school_id, payment_id) references finance_payment (school_id, id),
        foreign key (school_id, charge_id) references finance_charge (school_id, id)
      );
      create index finance_allocation_charge_idx on finance_allocation (school_id, charge_id);

      -- An imported bank statement and its lines; a line is matched to the payment it became, or left for a person.
      create table finance_bank_statement (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        file_name text not null,
        bank_account text,
        line_count integer not null default 0,
        total_amount bigint not null default 0,
        imported_at timestamptz not null default now(),
        imported_by uuid,
        primary key (school_id, id)
      );

      create table finance_bank_line (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        statement_id uuid not null,
        line_no integer not null,
        booked_on date not null,
        amount bigint not null check (amount <> 0),
        reference text not null,
        description text not null default '',
        counterparty text,
        status text not null default 'UNMATCHED' check (status in ('UNMATCHED', 'MATCHED', 'IGNORED')),
        payment_id uuid,
        matched_by uuid,
        matched_at timestamptz,
        note text,
        primary key (school_id, id),
        -- The bank's transaction reference is unique: importing the same statement twice adds nothing.
        unique (school_id, reference),
        unique (school_id, payment_id),
        foreign key (school_id, statement_id) references finance_bank_statement (school_id, id),
        foreign key (school_id, payment_id) references finance_payment (school_id, id)
      );
      create index finance_bank_line_status_idx on finance_bank_line (school_id, status);

      -- The budget of a fiscal (calendar) year as entries: the school's estimate (dự toán), the allocations of the
      -- department or unit, and adjustments, by funding source and spending group; signed; reversals reference
      -- what they undo. Execution is read from approved expense vouchers.
      create table finance_budget_entry (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        fiscal_year integer not null check (fiscal_year between 2000 and 2200),
        kind text not null check (kind in ('ESTIMATE', 'ALLOCATION', 'ADJUSTMENT', 'REVERSAL')),
        funding_source text not null check (funding_source in ('STATE_REGULAR', 'STATE_PROJECT', 'TUITION',
          'FEES', 'AID')),
        spending_group text not null check (spending_group in ('PERSONNEL', 'GOODS_SERVICES', 'ASSETS', 'OTHER')),
        amount bigint not null check (amount <> 0),
        entered_on date not null,
        decision_number text,
        decision_date date,
        note text,
        reverses_id uuid,
        created_at timestamptz not null default now(),
        created_by uuid,
        primary key (school_id, id),
        unique (school_id, reverses_id),
        foreign key (school_id, reverses_id) references finance_budget_entry (school_id, id)
      );
      create index finance_budget_entry_year_idx on finance_budget_entry (school_id, fiscal_year);

      -- An expense voucher (phiếu chi): drafted, approved by the principal (who gives it its VOUCHER number), or
      -- reversed by a REVERSAL row with the opposite amount.
      create table finance_expense (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        kind text not null default 'EXPENSE' check (kind in ('EXPENSE', 'REVERSAL')),
        doc_series text check (doc_series = 'VOUCHER'),
        doc_year integer,
        doc_number integer,
        spent_on date not null,
        funding_source text not null check (funding_source in ('STATE_REGULAR', 'STATE_PROJECT', 'TUITION',
          'FEES', 'AID')),
        spending_group text not null check (spending_group in ('PERSONNEL', 'GOODS_SERVICES', 'ASSETS', 'OTHER')),
        method text not null check (method in ('CASH', 'BANK')),
        amount bigint not null check (amount <> 0),
        payee text not null,
        description text not null,
        status text not null default 'DRAFT' check (status in ('DRAFT', 'APPROVED', 'REJECTED')),
        reverses_id uuid,
        approved_by uuid,
        approved_at timestamptz,
        decision_note text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by uuid,
        primary key (school_id, id),
        unique (school_id, doc_series, doc_year, doc_number),
        unique (school_id, reverses_id),
        foreign key (school_id, reverses_id) references finance_expense (school_id, id),
        check ((kind = 'EXPENSE') = (amount > 0))
      );
      create index finance_expense_date_idx on finance_expense (school_id, spent_on);

      create table finance_expense_attachment (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        expense_id uuid not null,
        file_name text not null,
        content_type text not null,
        size integer not null check (size > 0 and size <= 5242880),
        content bytea not null,
        uploaded_at timestamptz not null default now(),
        uploaded_by uuid,
        primary key (school_id, id),
        foreign key (school_id, expense_id) references finance_expense (school_id, id)
      );

      -- The claim for the state's reimbursement of free tuition (public schools from 2025-26): pupils × months × the
      -- province's level, summed from the period's charges; its figures are frozen when submitted.
      create table finance_claim (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        school_year_id uuid not null references school_year (id),
        period_id uuid not null,
        pupils integer not null check (pupils >= 0),
        pupil_months integer not null check (pupil_months >= 0),
        amount bigint not null check (amount >= 0),
        status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'APPROVED')),
        lines jsonb not null default '[]',
        submitted_at timestamptz,
        submitted_by uuid,
        approved_at timestamptz,
        approved_by uuid,
        created_at timestamptz not null default now(),
        primary key (school_id, id),
        unique (school_id, period_id),
        foreign key (school_id, period_id) references finance_period (school_id, id)
      );

      -- Opening balances of the cash box and the bank account at the start of a fiscal year.
      create table finance_opening_balance (
        school_id uuid not null references org_unit (id),
        fiscal_year integer not null,
        account text not null check (account in ('CASH', 'BANK')),
        amount bigint not null,
        updated_at timestamptz not null default now(),
        updated_by uuid,
        primary key (school_id, fiscal_year, account)
      );

      -- Closed accounting months: nothing dated in them can be written any more (the trigger below).
      create table finance_month_close (
        school_id uuid not null references org_unit (id),
        month date not null check (extract(day from month) = 1),
        closed_at timestamptz not null default now(),
        closed_by uuid,
        primary key (school_id, month)
      );

      -- Refuses a row dated in a closed month of its school; the date column is the trigger's argument. Raised with
      -- SQLSTATE 'EF001' so the API can answer 409 with a clear message.
      create function finance_refuse_closed_month() returns trigger language plpgsql as $$
      declare
        written jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
        earlier jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) end;
        school uuid := (written ->> 'school_id')::uuid;
        day date;
      begin
        foreach day in array array[(written ->> tg_argv[0])::date, (earlier ->> tg_argv[0])::date] loop
          if day is not null and exists (select 1 from finance_month_close c
                where c.school_id = school and c.month = date_trunc('month', day)::date) then
            raise exception 'finance month % is closed', to_char(day, 'YYYY-MM') using errcode = 'EF001';
          end if;
        end loop;
        return case when tg_op = 'DELETE' then old else new end;
      end $$;
      create trigger finance_payment_closed_month before insert or update or delete on finance_payment
        for each row execute function finance_refuse_closed_month('paid_on');
      create trigger finance_expense_closed_month before insert or update or delete on finance_expense
        for each row execute function finance_refuse_closed_month('spent_on');
      create trigger finance_budget_entry_closed_month before insert or update or delete on finance_budget_entry
        for each row execute function finance_refuse_closed_month('entered_on');
      create trigger finance_charge_adjustment_closed_month before insert or update or delete
        on finance_charge_adjustment for each row execute function finance_refuse_closed_month('entered_on');
      create trigger finance_bank_line_closed_month before insert or update or delete on finance_bank_line
        for each row execute function finance_refuse_closed_month('booked_on');

      -- Refuses charges of a closed fee period ('EF002').
      create function finance_refuse_closed_period() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from finance_period p
                    where p.school_id = new.school_id and p.id = new.period_id and p.status = 'CLOSED') then
          raise exception 'finance period is closed' using errcode = 'EF002';
        end if;
        return new;
      end $$;
      create trigger finance_charge_closed_period before insert on finance_charge
        for each row execute function finance_refuse_closed_period();

      grant select, insert, update, delete on finance_tuition_level, finance_fee_range to emis_app;

      -- Finance's imports run as jobs of the spreadsheets library's import runner: its job table's kind check, last
      -- widened by assets, admits them.
      alter table import_job drop constraint import_job_kind_check;
      alter table import_job add constraint import_job_kind_check
        check (kind in ('STUDENTS', 'STAFF', 'GRADEBOOK', 'ASSETS', 'ASSET_INVENTORY', 'FINANCE_FEE_SCHEDULES',
          'FINANCE_TUITION_LEVELS', 'FINANCE_PAYMENTS', 'FINANCE_BANK_STATEMENT'));
    `);
    const schoolOwned: [string, string, string][] = [
      ['finance_school_setting', 'finance settings of schools in scope', 'select, insert, update'],
      ['finance_fee_schedule', 'fee schedules of schools in scope', 'select, insert, update'],
      ['finance_exception', 'exemption and reduction exceptions of schools in scope', 'select, insert, update'],
      ['finance_period', 'fee periods of schools in scope', 'select, insert, update'],
      [
        'finance_charge',
        'what pupils of schools in scope owe (insert-only: corrections are adjustments)',
        'select, insert',
      ],
      ['finance_charge_adjustment', 'adjustments of charges of schools in scope (insert-only)', 'select, insert'],
      ['finance_counter', 'document counters of schools in scope', 'select, insert, update'],
      ['finance_payment', 'payments, refunds and reversals of schools in scope (insert-only)', 'select, insert'],
      ['finance_allocation', 'how payments of schools in scope settle charges (insert-only)', 'select, insert'],
      ['finance_bank_statement', 'bank statements of schools in scope', 'select, insert'],
      ['finance_bank_line', 'bank statement lines of schools in scope', 'select, insert, update'],
      [
        'finance_budget_entry',
        'budget entries of schools in scope (insert-only: corrections are reversals)',
        'select, insert',
      ],
      ['finance_expense', 'expense vouchers of schools in scope', 'select, insert, update'],
      ['finance_expense_attachment', 'attachments of expense vouchers of schools in scope', 'select, insert, delete'],
      ['finance_claim', 'reimbursement claims of schools in scope', 'select, insert, update, delete'],
      ['finance_opening_balance', 'opening balances of schools in scope', 'select, insert, update'],
      ['finance_month_close', 'closed months of schools in scope', 'select, insert'],
    ];
    for (const [table, why, grants] of schoolOwned) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy ${table}_scope on ${table} using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
        comment on policy ${table}_scope on ${table} is '${why.replace(/'/g, "''")}';
        grant ${grants} on ${table} to emis_app;
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from import_job where kind like 'FINANCE_%';
      alter table import_job drop constraint import_job_kind_check;
      alter table import_job add constraint import_job_kind_check
        check (kind in ('STUDENTS', 'STAFF', 'GRADEBOOK', 'ASSETS', 'ASSET_INVENTORY'));
      drop table if exists finance_month_close, finance_opening_balance, finance_claim, finance_expense_attachment,
        finance_expense, finance_budget_entry, finance_bank_line, finance_bank_statement, finance_allocation,
        finance_payment, finance_counter, finance_charge_adjustment, finance_charge, finance_period,
        finance_exception, finance_fee_schedule, finance_school_setting, finance_fee_range, finance_tuition_level;
      drop function if exists finance_refuse_closed_month(), finance_refuse_closed_period();
    `);
  }
}

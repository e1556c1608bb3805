import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The finance fact tables of the reporting read model (docs/adr/reporting-read-model.md), in whole đồng, as the
 * finance context computes them (FinanceFacts): each school's dues and collection per school year, and its budget and
 * execution per fiscal year, funding source and spending group. Two tables because the two figures live on two
 * calendars: charges belong to the fee periods of a school year, the budget to a calendar (fiscal) year. School-owned
 * like every fact table: school_id first in the key, row-level security on emis_in_scope. The dirty marks gain the
 * topic 'finance' (from the finance.changed event).
 */
export class CreateFinanceTotals1764700000700 implements MigrationInterface {
  name = 'CreateFinanceTotals1764700000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The charges of one school year: pupils charged, list − relief − support − reimbursed = due as generated, the
      -- adjustments since (signed), what payments settled (signed) and what is still owed.
      create table reporting.finance_total (
        school_id uuid not null,
        school_year_id uuid not null,
        pupils integer not null,
        charges integer not null,
        list_amount bigint not null,
        relief_amount bigint not null,
        support_amount bigint not null,
        reimbursed_amount bigint not null,
        due_amount bigint not null,
        adjusted bigint not null,
        paid bigint not null,
        outstanding bigint not null,
        primary key (school_id, school_year_id)
      );

      -- The budget of one fiscal year, source and group: estimate, allocations, adjustments; and approved spending.
      create table reporting.finance_budget (
        school_id uuid not null,
        fiscal_year integer not null,
        funding_source text not null check (funding_source in ('STATE_REGULAR', 'STATE_PROJECT', 'TUITION', 'FEES',
          'AID')),
        spending_group text not null check (spending_group in ('PERSONNEL', 'GOODS_SERVICES', 'ASSETS', 'OTHER')),
        estimate bigint not null,
        allocated bigint not null,
        adjusted bigint not null,
        spent bigint not null,
        primary key (school_id, fiscal_year, funding_source, spending_group)
      );
    `);
    for (const table of ['finance_total', 'finance_budget']) {
      await q.query(`
        alter table reporting.${table} enable row level security;
        alter table reporting.${table} force row level security;
        -- A school's facts are read and written only under a scope that includes the school (the refresher runs with
        -- the school's scope; the department's reports with the province's).
        create policy ${table}_scope on reporting.${table}
          using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
        grant select, insert, update, delete on reporting.${table} to emis_app;
      `);
    }
    await q.query(`
      alter table reporting.dirty drop constraint dirty_topic_check;
      alter table reporting.dirty add constraint dirty_topic_check
        check (topic in ('grades', 'people', 'classes', 'attendance', 'staff', 'assets', 'finance'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from reporting.dirty where topic = 'finance';
      alter table reporting.dirty drop constraint dirty_topic_check;
      alter table reporting.dirty add constraint dirty_topic_check
        check (topic in ('grades', 'people', 'classes', 'attendance', 'staff', 'assets'));
      drop table reporting.finance_budget;
      drop table reporting.finance_total;
    `);
  }
}

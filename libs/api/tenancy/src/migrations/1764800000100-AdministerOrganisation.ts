import { MigrationInterface, QueryRunner } from 'typeorm';

/** The kinds of import_job before this migration (last widened by finance). */
const KINDS_BEFORE = `'STUDENTS', 'STAFF', 'GRADEBOOK', 'ASSETS', 'ASSET_INVENTORY', 'FINANCE_FEE_SCHEDULES',
          'FINANCE_TUITION_LEVELS', 'FINANCE_PAYMENTS', 'FINANCE_BANK_STATEMENT'`;

/**
 * Organisation administration (docs/domain/organisation.md, docs/adr/org-administration.md): the department writes the
 * org-unit tree from the API, a unit is closed on a date and stays readable, and a closed school's rows refuse
 * writes under row-level security.
 */
export class AdministerOrganisation1764800000100 implements MigrationInterface {
  name = 'AdministerOrganisation1764800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The commune or ward whose People's Committee manages a preschool, primary or lower-secondary school since
      -- 1 July 2025 (Decree 142/2025/NĐ-CP); when and why a unit closed. A closed unit is active = false, as readers
      -- of tenancy_org_unit already understand it (a unit made inactive before this migration has no date).
      alter table org_unit add column commune text;
      alter table org_unit add column closed_on date;
      alter table org_unit add column closed_reason text;
      alter table org_unit add column closed_decision_no text;
      alter table org_unit add constraint org_unit_closed_check check (closed_on is null or not active);

      -- The tree is reference data without RLS: the application writes it, guarded by org.manage and audited
      -- (docs/adr/org-administration.md says why grants rather than security-definer functions). A pending move is
      -- replaced by deleting its period, hence delete on the history.
      grant insert, update on org_unit to emis_app;
      grant insert, update, delete on org_unit_parent_history to emis_app;

      -- The province's school list comes in through the import runner as its own job kind.
      alter table import_job drop constraint import_job_kind_check;
      alter table import_job add constraint import_job_kind_check
        check (kind in (${KINDS_BEFORE}, 'SCHOOL_LIST'));

      -- A closed school is read-only: a mutating request hands the closed org units in its scope to PostgreSQL
      -- (app.closed_ids, set by TenantDb) and no policy then admits their rows, for reading or writing, within it.
      create or replace function emis_in_scope(school uuid) returns boolean
        language sql stable parallel safe as $fn$
          select (coalesce(current_setting('app.all_schools', true), '') = 'on'
                  or school = any (string_to_array(nullif(current_setting('app.school_ids', true), ''), ',')::uuid[]))
             and not coalesce(
                   school = any (string_to_array(nullif(current_setting('app.closed_ids', true), ''), ',')::uuid[]),
                   false)
        $fn$;

      -- Readers see today's tree: the parent of the history period containing now() (a move decided for a later day
      -- is not yet in force), org_unit.parent_id where a unit has no such period. New columns come last.
      create or replace view tenancy_org_unit with (security_invoker = true) as
        select u.id,
               coalesce((select h.parent_id from org_unit_parent_history h
                          where h.org_unit_id = u.id and h.valid_from <= now()
                            and (h.valid_to is null or h.valid_to > now())
                          order by h.valid_from desc limit 1), u.parent_id) as parent_id,
               u.kind, u.code, u.name, u.active, u.levels, u.ownership, u.closed_on, u.commune
          from org_unit u;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop view tenancy_org_unit;
      create view tenancy_org_unit with (security_invoker = true) as
        select id, parent_id, kind, code, name, active, levels, ownership from org_unit;
      grant select on tenancy_org_unit to emis_app;
      create or replace function emis_in_scope(school uuid) returns boolean
        language sql stable parallel safe as $fn$
          select coalesce(current_setting('app.all_schools', true), '') = 'on'
              or school = any (string_to_array(nullif(current_setting('app.school_ids', true), ''), ',')::uuid[])
        $fn$;
      delete from import_job where kind = 'SCHOOL_LIST';
      alter table import_job drop constraint import_job_kind_check;
      alter table import_job add constraint import_job_kind_check check (kind in (${KINDS_BEFORE}));
      revoke insert, update, delete on org_unit_parent_history from emis_app;
      revoke insert, update on org_unit from emis_app;
      alter table org_unit drop constraint org_unit_closed_check;
      alter table org_unit drop column closed_decision_no;
      alter table org_unit drop column closed_reason;
      alter table org_unit drop column closed_on;
      alter table org_unit drop column commune;
    `);
  }
}

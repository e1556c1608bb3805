import { Injectable } from '@nestjs/common';
import type { StatisticalReportKind, StatisticalReportStatus } from '@emis/contracts';
import { FormCheck, FormSection, ManualFigures, StatisticalFacts } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** What a submission freezes: the sections, the typed-in figures and the checks as they stood. */
export interface StatisticalSnapshot {
  sections: FormSection[];
  manual: ManualFigures;
  checks: FormCheck[];
  generatedAt: string;
}

export interface StatisticalReportRow {
  schoolId: string;
  id: string;
  yearId: string;
  kind: StatisticalReportKind;
  status: Exclude<StatisticalReportStatus, 'NOT_STARTED'>;
  manual: ManualFigures;
  snapshot: StatisticalSnapshot | null;
  submittedAt: string | null;
  submittedBy: string | null;
  reopenedAt: string | null;
  reopenedBy: string | null;
  reopenReason: string | null;
  version: number;
}

export interface SchoolYear {
  id: string;
  code: string;
}

export interface ReminderRow {
  schoolId: string;
  yearId: string;
  yearCode: string;
  kind: StatisticalReportKind;
  message: string;
  sentAt: string;
  sentBy: string | null;
}

export interface StatusRow {
  schoolId: string;
  status: StatisticalReportStatus | null;
  submittedAt: Date | null;
  lastReminderAt: Date | null;
}

const REPORT_COLUMNS = `school_id as "schoolId", id, school_year_id as "yearId", kind, status, manual, snapshot,
  submitted_at as "submittedAt", submitted_by as "submittedBy", reopened_at as "reopenedAt",
  reopened_by as "reopenedBy", reopen_reason as "reopenReason", version`;

/** The forms' tables (reporting.statistical_report, …_reminder) and the facts a form is generated from. */
@Injectable()
export class StatisticalReportsRepository {
  async year(em: EntityManager, yearId: string): Promise<SchoolYear | undefined> {
    return sqlRow<SchoolYear>(em, `select id, code from academic_school_year where id = $1`, [yearId]);
  }

  /** The school's facts for the year; outcomes are the year's (CN) class summaries. */
  async facts(em: EntityManager, schoolId: string, yearId: string): Promise<Omit<StatisticalFacts, 'grades'>> {
    const args = [schoolId, yearId];
    type Facts = Omit<StatisticalFacts, 'grades'>;
    const classes = await sqlRows<Facts['classes'][number]>(
      em,
      `select grade, pupils, ceiling from reporting.class_size where school_id = $1 and school_year_id = $2`,
      args,
    );
    const headcount = await sqlRows<Facts['headcount'][number]>(
      em,
      `select grade, gender, ethnicity, disabled, sum(pupils)::int as pupils from reporting.headcount
        where school_id = $1 and school_year_id = $2 group by grade, gender, ethnicity, disabled`,
      args,
    );
    const policy = await sqlRows<Facts['policy'][number]>(
      em,
      `select policy_group as "policyGroup", gender, sum(pupils)::int as pupils from reporting.policy_count
        where school_id = $1 and school_year_id = $2 group by policy_group, gender`,
      args,
    );
    // Staff in post today: the staff facts carry no year.
    const staff = await sqlRows<Facts['staff'][number]>(
      em,
      `select position, qualification, contract_type as "contractType", gender, sum(staff)::int as staff
         from reporting.staff_count where school_id = $1 group by position, qualification, contract_type, gender`,
      [schoolId],
    );
    const movement = await sqlRows<Facts['movement'][number]>(
      em,
      `select grade, kind, gender, pupils from reporting.movement where school_id = $1 and school_year_id = $2`,
      args,
    );
    const outcomes = await sqlRows<Facts['outcomes'][number]>(
      em,
      `select grade, measure, code, sum(pupils)::int as pupils from reporting.class_outcome
        where school_id = $1 and school_year_id = $2 and period = 'CN' group by grade, measure, code`,
      args,
    );
    return { classes, headcount, policy, staff, movement, outcomes };
  }

  /** When the school's facts were last refreshed (null before the first refresh). */
  async refreshedAt(em: EntityManager, schoolId: string): Promise<string | null> {
    const row = await sqlRow<{ at: Date }>(
      em,
      `select refreshed_at as "at" from reporting.school_state where school_id = $1`,
      [schoolId],
    );
    return row ? new Date(row.at).toISOString() : null;
  }

  async find(
    em: EntityManager,
    schoolId: string,
    yearId: string,
    kind: StatisticalReportKind,
    forUpdate = false,
  ): Promise<StatisticalReportRow | undefined> {
    const row = await sqlRow<Record<string, unknown>>(
      em,
      `select ${REPORT_COLUMNS} from reporting.statistical_report
        where school_id = $1 and school_year_id = $2 and kind = $3 ${forUpdate ? 'for update' : ''}`,
      [schoolId, yearId, kind],
    );
    return row ? toRow(row) : undefined;
  }

  /** The first save of a form; undefined when another request created it meanwhile. */
  async insert(
    em: EntityManager,
    row: Pick<StatisticalReportRow, 'schoolId' | 'yearId' | 'kind' | 'status' | 'manual' | 'snapshot'>,
    userId: string | null,
    at: Date,
  ): Promise<StatisticalReportRow | undefined> {
    const submitted = row.status === 'SUBMITTED';
    const created = await sqlRow<Record<string, unknown>>(
      em,
      `insert into reporting.statistical_report
         (school_id, school_year_id, kind, status, manual, snapshot, submitted_at, submitted_by, version, updated_at, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10)
       on conflict (school_id, school_year_id, kind) do nothing
       returning ${REPORT_COLUMNS}`,
      [
        row.schoolId,
        row.yearId,
        row.kind,
        row.status,
        JSON.stringify(row.manual),
        row.snapshot ? JSON.stringify(row.snapshot) : null,
        submitted ? at : null,
        submitted ? userId : null,
        at,
        userId,
      ],
    );
    return created ? toRow(created) : undefined;
  }

  /** Writes the row's new state and bumps its version. */
  async update(
    em: EntityManager,
    row: StatisticalReportRow,
    userId: string | null,
    at: Date,
  ): Promise<StatisticalReportRow> {
    const updated = await sqlRow<Record<string, unknown>>(
      em,
      `update reporting.statistical_report
          set status = $3, manual = $4, snapshot = $5, submitted_at = $6, submitted_by = $7, reopened_at = $8,
              reopened_by = $9, reopen_reason = $10, version = version + 1, updated_at = $11, updated_by = $12
        where school_id = $1 and id = $2
        returning ${REPORT_COLUMNS}`,
      [
        row.schoolId,
        row.id,
        row.status,
        JSON.stringify(row.manual),
        row.snapshot ? JSON.stringify(row.snapshot) : null,
        row.submittedAt,
        row.submittedBy,
        row.reopenedAt,
        row.reopenedBy,
        row.reopenReason,
        at,
        userId,
      ],
    );
    if (!updated) throw new Error('statistical_report row vanished under its lock');
    return toRow(updated);
  }

  /** Full names of users (submitters, reminder senders), read through identity's view. */
  async userNames(em: EntityManager, userIds: (string | null)[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    if (!ids.length) return new Map();
    const rows = await sqlRows<{ id: string; name: string }>(
      em,
      `select user_id as id, full_name as name from identity_user where user_id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The reports of many schools for a year and kind, with each school's last reminder. */
  async statuses(
    em: EntityManager,
    schoolIds: string[],
    yearId: string,
    kind: StatisticalReportKind,
  ): Promise<StatusRow[]> {
    return sqlRows<StatusRow>(
      em,
      `select s.id as "schoolId", r.status, r.submitted_at as "submittedAt", m.last as "lastReminderAt"
         from unnest($1::uuid[]) as s (id)
         left join reporting.statistical_report r on r.school_id = s.id and r.school_year_id = $2 and r.kind = $3
         left join (select school_id, max(sent_at) as last from reporting.statistical_report_reminder
                     where school_id = any($1::uuid[]) and school_year_id = $2 and kind = $3 group by school_id) m
           on m.school_id = s.id`,
      [schoolIds, yearId, kind],
    );
  }

  async submittedSnapshots(
    em: EntityManager,
    schoolIds: string[],
    yearId: string,
    kind: StatisticalReportKind,
  ): Promise<StatisticalSnapshot[]> {
    const rows = await sqlRows<{ snapshot: StatisticalSnapshot }>(
      em,
      `select snapshot from reporting.statistical_report
        where school_id = any($1::uuid[]) and school_year_id = $2 and kind = $3 and status = 'SUBMITTED'`,
      [schoolIds, yearId, kind],
    );
    return rows.map((r) => r.snapshot);
  }

  async addReminders(
    em: EntityManager,
    schoolIds: string[],
    yearId: string,
    kind: StatisticalReportKind,
    message: string,
    userId: string | null,
    at: Date,
  ): Promise<void> {
    await sqlExec(
      em,
      `insert into reporting.statistical_report_reminder (school_id, school_year_id, kind, message, sent_at, sent_by)
       select s.id, $2, $3, $4, $5, $6 from unnest($1::uuid[]) as s (id)
       returning 1`,
      [schoolIds, yearId, kind, message, at, userId],
    );
  }

  /** The school's reminders for reports it has not submitted, newest first. */
  async openReminders(em: EntityManager, schoolId: string): Promise<ReminderRow[]> {
    const rows = await sqlRows<ReminderRow>(
      em,
      `select m.school_id as "schoolId", m.school_year_id as "yearId", y.code as "yearCode", m.kind, m.message,
              m.sent_at as "sentAt", m.sent_by as "sentBy"
         from reporting.statistical_report_reminder m
         join academic_school_year y on y.id = m.school_year_id
         left join reporting.statistical_report r
           on r.school_id = m.school_id and r.school_year_id = m.school_year_id and r.kind = m.kind
        where m.school_id = $1 and (r.status is null or r.status <> 'SUBMITTED')
        order by m.sent_at desc
        limit 20`,
      [schoolId],
    );
    return rows.map((r) => ({ ...r, sentAt: new Date(r.sentAt).toISOString() }));
  }
}

function iso(value: unknown): string | null {
  return value ? new Date(value as string).toISOString() : null;
}

function toRow(row: Record<string, unknown>): StatisticalReportRow {
  return {
    ...(row as unknown as StatisticalReportRow),
    submittedAt: iso(row['submittedAt']),
    reopenedAt: iso(row['reopenedAt']),
  };
}

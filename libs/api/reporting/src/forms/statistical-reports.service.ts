import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { StatisticalReport, StatisticalReportKind, SubmissionReminder } from '@emis/contracts';
import {
  buildStatisticalSections,
  checkStatisticalReport,
  FormCheck,
  gradesOfSchool,
  hasBlockingCheck,
  ManualFigures,
} from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  CTX,
  Principal,
  ProblemException,
  Scope,
  TenantDb,
  ValidationProblem,
} from '@emis/api/platform';
import { OrgTreeService, OrgUnit } from '@emis/api/tenancy';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import {
  SchoolYear,
  StatisticalReportRow,
  StatisticalReportsRepository,
  StatisticalSnapshot,
} from './statistical-reports.repository';

/** A form as generated now from the school's facts and typed-in figures. */
interface LiveForm {
  sections: StatisticalSnapshot['sections'];
  checks: FormCheck[];
  generatedAt: string;
}

/**
 * A school's official statistical reports: the live draft generated from the reporting facts, the typed-in figures,
 * the submission that freezes a snapshot, and the department's reopening. Every change is audited on the school's
 * chain with the row before and after (a reopened submission's snapshot stays there).
 */
@Injectable()
export class StatisticalReportsService {
  constructor(
    private readonly repo: StatisticalReportsRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly tree: OrgTreeService,
    private readonly cls: ClsService,
  ) {}

  async get(scope: Scope, schoolId: string, yearId: string, kind: StatisticalReportKind): Promise<StatisticalReport> {
    const school = await this.school(scope, schoolId);
    return this.db.run(async (em) => {
      const year = await this.year(em, yearId);
      const row = await this.repo.find(em, schoolId, yearId, kind);
      return this.present(em, school, year, kind, row);
    });
  }

  /** Saves the typed-in figures of a draft (or a reopened report); a submitted report must be reopened first. */
  async saveManual(
    scope: Scope,
    schoolId: string,
    yearId: string,
    kind: StatisticalReportKind,
    manual: ManualFigures,
    version: number,
  ): Promise<StatisticalReport> {
    const school = await this.school(scope, schoolId);
    return this.db.run(async (em) => {
      const year = await this.year(em, yearId);
      const before = await this.lockForChange(em, schoolId, yearId, kind, version);
      const at = new Date();
      const merged = { ...(before?.manual ?? {}), ...manual };
      const after = before
        ? await this.repo.update(em, { ...before, manual: merged }, this.userId(), at)
        : await this.created(em, { schoolId, yearId, kind, status: 'DRAFT', manual: merged, snapshot: null }, at);
      await this.audit.record(em, {
        schoolId,
        entity: 'statistical_report',
        entityId: after.id,
        action: before ? 'UPDATE' : 'CREATE',
        before: before ? { manual: before.manual, version: before.version } : undefined,
        after: { yearId, kind, manual: after.manual, version: after.version },
      });
      return this.present(em, school, year, kind, after);
    });
  }

  /**
   * The principal sends the report up: the figures as generated now are frozen with the typed-in ones. Refused with
   * field messages while a check is an ERROR.
   */
  async submit(
    scope: Scope,
    schoolId: string,
    yearId: string,
    kind: StatisticalReportKind,
    version: number,
  ): Promise<StatisticalReport> {
    const school = await this.school(scope, schoolId);
    return this.db.run(async (em) => {
      const year = await this.year(em, yearId);
      const before = await this.lockForChange(em, schoolId, yearId, kind, version);
      const manual = before?.manual ?? {};
      const live = await this.generate(em, school, yearId, kind, manual);
      if (hasBlockingCheck(live.checks))
        throw new ValidationProblem(
          live.checks
            .filter((c) => c.severity === 'ERROR')
            .map((c) => ({ field: c.field, rule: c.code, args: Object.values(c.params) })),
        );
      const snapshot: StatisticalSnapshot = { ...live, manual };
      const at = new Date();
      const userId = this.userId();
      const submitted = {
        status: 'SUBMITTED' as const,
        snapshot,
        submittedAt: at.toISOString(),
        submittedBy: userId,
      };
      const after = before
        ? await this.repo.update(em, { ...before, ...submitted }, userId, at)
        : await this.created(em, { schoolId, yearId, kind, manual, ...submitted }, at);
      await this.audit.record(em, {
        schoolId,
        entity: 'statistical_report',
        entityId: after.id,
        action: 'LOCK',
        before: before ?? undefined,
        after,
      });
      return this.present(em, school, year, kind, after);
    });
  }

  /** The department or a unit hands a submitted report back to the school, with a reason the school sees. */
  async reopen(
    scope: Scope,
    schoolId: string,
    yearId: string,
    kind: StatisticalReportKind,
    reason: string,
  ): Promise<StatisticalReport> {
    const school = await this.school(scope, schoolId);
    return this.db.run(async (em) => {
      const year = await this.year(em, yearId);
      const before = await this.repo.find(em, schoolId, yearId, kind, true);
      if (before?.status !== 'SUBMITTED')
        throw new ProblemException(HttpStatus.CONFLICT, 'statistical_report_not_submitted');
      const at = new Date();
      const userId = this.userId();
      const after = await this.repo.update(
        em,
        {
          ...before,
          status: 'REOPENED',
          snapshot: null,
          reopenedAt: at.toISOString(),
          reopenedBy: userId,
          reopenReason: reason.trim(),
        },
        userId,
        at,
      );
      await this.audit.record(em, {
        schoolId,
        entity: 'statistical_report',
        entityId: after.id,
        action: 'UNLOCK',
        before,
        after,
      });
      return this.present(em, school, year, kind, after);
    });
  }

  async reminders(scope: Scope, schoolId: string): Promise<SubmissionReminder[]> {
    await this.school(scope, schoolId);
    return this.db.run(async (em) => {
      const rows = await this.repo.openReminders(em, schoolId);
      const names = await this.repo.userNames(
        em,
        rows.map((r) => r.sentBy),
      );
      return rows.map((r) => ({
        kind: r.kind,
        yearId: r.yearId,
        yearCode: r.yearCode,
        message: r.message,
        sentAt: r.sentAt,
        sentBy: (r.sentBy && names.get(r.sentBy)) || '',
      }));
    });
  }

  /** The school as tenancy knows it; 404 outside the caller's scope or when the id is not a school. */
  async school(scope: Scope, schoolId: string): Promise<OrgUnit> {
    assertInScope(scope, schoolId);
    const school = await this.tree.get(schoolId);
    if (school?.kind !== 'SCHOOL') throw new NotFoundException();
    return school;
  }

  async year(em: EntityManager, yearId: string): Promise<SchoolYear> {
    const year = await this.repo.year(em, yearId);
    if (!year) throw new NotFoundException();
    return year;
  }

  /** The form generated now from the school's facts (the grades of its levels get a line even with no class). */
  async generate(
    em: EntityManager,
    school: OrgUnit,
    yearId: string,
    kind: StatisticalReportKind,
    manual: ManualFigures,
  ): Promise<LiveForm> {
    const facts = { grades: gradesOfSchool(school.levels), ...(await this.repo.facts(em, school.id, yearId)) };
    const sections = buildStatisticalSections(kind, facts, manual);
    const checks = checkStatisticalReport(kind, sections, manual);
    const generatedAt = (await this.repo.refreshedAt(em, school.id)) ?? new Date().toISOString();
    return { sections, checks, generatedAt };
  }

  /** The row to change, locked; 409 when someone saved since `version` or when it is already submitted. */
  private async lockForChange(
    em: EntityManager,
    schoolId: string,
    yearId: string,
    kind: StatisticalReportKind,
    version: number,
  ): Promise<StatisticalReportRow | undefined> {
    const row = await this.repo.find(em, schoolId, yearId, kind, true);
    if ((row?.version ?? 0) !== version) throw new ProblemException(HttpStatus.CONFLICT, 'version_conflict');
    if (row?.status === 'SUBMITTED') throw new ProblemException(HttpStatus.CONFLICT, 'statistical_report_submitted');
    return row;
  }

  private async created(
    em: EntityManager,
    row: Parameters<StatisticalReportsRepository['insert']>[1],
    at: Date,
  ): Promise<StatisticalReportRow> {
    const created = await this.repo.insert(em, row, this.userId(), at);
    // Another request created the form between our read and our insert: its version is no longer 0.
    if (!created) throw new ProblemException(HttpStatus.CONFLICT, 'version_conflict');
    return created;
  }

  private async present(
    em: EntityManager,
    school: OrgUnit,
    year: SchoolYear,
    kind: StatisticalReportKind,
    row: StatisticalReportRow | undefined,
  ): Promise<StatisticalReport> {
    const manual = row?.manual ?? {};
    const form = row?.snapshot ?? (await this.generate(em, school, year.id, kind, manual));
    const names = await this.repo.userNames(em, [row?.submittedBy ?? null]);
    return {
      schoolId: school.id,
      schoolCode: school.code,
      schoolName: school.name,
      yearId: year.id,
      yearCode: year.code,
      kind,
      status: row?.status ?? 'NOT_STARTED',
      sections: form.sections,
      manual: row?.snapshot?.manual ?? manual,
      checks: form.checks,
      generatedAt: form.generatedAt,
      submittedAt: row?.status === 'SUBMITTED' ? row.submittedAt : null,
      submittedBy: row?.status === 'SUBMITTED' && row.submittedBy ? (names.get(row.submittedBy) ?? null) : null,
      reopenedAt: row?.reopenedAt ?? null,
      reopenReason: row?.reopenReason ?? null,
      version: row?.version ?? 0,
    };
  }

  private userId(): string | null {
    return this.cls.get<Principal | undefined>(CTX.principal)?.userId ?? null;
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  StatisticalReminderInput,
  StatisticalReminderResult,
  StatisticalReport,
  StatisticalReportKind,
  StatisticalReportStatus,
  SubmissionStatusRow,
} from '@emis/contracts';
import { sumStatisticalSections } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { CTX, Principal, Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService, OrgUnit } from '@emis/api/tenancy';
import { ClsService } from 'nestjs-cls';
import { StatisticalReportsRepository } from './statistical-reports.repository';
import { StatisticalReportsService } from './statistical-reports.service';

export interface StatusFilter {
  yearId: string;
  kind: StatisticalReportKind;
  orgUnitId?: string;
  /** Part of a school's name or code. */
  q?: string;
  status?: StatisticalReportStatus;
}

/**
 * The department's and units' side of the statistical reports: who has submitted, reminders to those who have not,
 * and the unit's form summed from its schools' submitted snapshots only (a draft never reaches an aggregate).
 */
@Injectable()
export class StatisticalReviewService {
  constructor(
    private readonly repo: StatisticalReportsRepository,
    private readonly reports: StatisticalReportsService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly tree: OrgTreeService,
    private readonly cls: ClsService,
  ) {}

  /** Every school of the unit (about 1,000 for the province: one list, filtered here) with its report's status. */
  async status(scope: Scope, filter: StatusFilter): Promise<SubmissionStatusRow[]> {
    const { schools } = await this.schoolsOf(scope, filter.orgUnitId);
    const q = filter.q?.trim().toLocaleLowerCase('vi');
    const wanted = q
      ? schools.filter((s) => s.name.toLocaleLowerCase('vi').includes(q) || s.code.toLocaleLowerCase('vi').includes(q))
      : schools;
    return this.db.run(async (em) => {
      await this.reports.year(em, filter.yearId);
      const rows = wanted.length
        ? await this.repo.statuses(
            em,
            wanted.map((s) => s.id),
            filter.yearId,
            filter.kind,
          )
        : [];
      const byId = new Map(rows.map((r) => [r.schoolId, r]));
      const parents = await this.parentNames(wanted);
      return wanted
        .map((s): SubmissionStatusRow => {
          const r = byId.get(s.id);
          return {
            schoolId: s.id,
            schoolCode: s.code,
            schoolName: s.name,
            parentName: parents.get(s.id) ?? null,
            status: (r?.status as StatisticalReportStatus | null) ?? 'NOT_STARTED',
            submittedAt: r?.status === 'SUBMITTED' && r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
            lastReminderAt: r?.lastReminderAt ? new Date(r.lastReminderAt).toISOString() : null,
          };
        })
        .filter((row) => !filter.status || row.status === filter.status);
    });
  }

  /** A reminder to every school of the unit that has not submitted the report; audited on the unit's chain. */
  async remind(scope: Scope, input: StatisticalReminderInput): Promise<StatisticalReminderResult> {
    const { unit, schools } = await this.schoolsOf(scope, input.orgUnitId);
    return this.db.run(async (em) => {
      await this.reports.year(em, input.yearId);
      const statuses = schools.length
        ? await this.repo.statuses(
            em,
            schools.map((s) => s.id),
            input.yearId,
            input.kind,
          )
        : [];
      const due = statuses.filter((s) => s.status !== 'SUBMITTED').map((s) => s.schoolId);
      const message = input.message.trim();
      if (due.length)
        await this.repo.addReminders(em, due, input.yearId, input.kind, message, this.userId(), new Date());
      await this.audit.record(em, {
        schoolId: unit.id,
        entity: 'statistical_report_reminder',
        entityId: unit.id,
        action: 'CREATE',
        after: { yearId: input.yearId, kind: input.kind, message, schools: due.length },
      });
      return { sent: due.length };
    });
  }

  /** The unit's form: the sum of the submitted snapshots of its schools, with how many of them it covers. */
  async aggregate(
    scope: Scope,
    yearId: string,
    kind: StatisticalReportKind,
    orgUnitId?: string,
  ): Promise<StatisticalReport> {
    const { unit, schools } = await this.schoolsOf(scope, orgUnitId);
    return this.db.run(async (em) => {
      const year = await this.reports.year(em, yearId);
      const snapshots = schools.length
        ? await this.repo.submittedSnapshots(
            em,
            schools.map((s) => s.id),
            yearId,
            kind,
          )
        : [];
      const manual: Record<string, number | null> = {};
      for (const snapshot of snapshots)
        for (const [key, value] of Object.entries(snapshot.manual))
          if (typeof value === 'number') manual[key] = (manual[key] ?? 0) + value;
      return {
        schoolId: unit.id,
        schoolCode: unit.code,
        schoolName: unit.name,
        yearId: year.id,
        yearCode: year.code,
        kind,
        status: 'SUBMITTED',
        sections: sumStatisticalSections(
          kind,
          snapshots.map((s) => s.sections),
        ),
        manual,
        checks: [],
        generatedAt: new Date().toISOString(),
        submittedAt: null,
        submittedBy: null,
        reopenedAt: null,
        reopenReason: null,
        version: 0,
        coverage: { included: snapshots.length, schools: schools.length },
      };
    });
  }

  /** The unit (default: the caller's own) and its schools today; 404 outside the caller's subtree. */
  private async schoolsOf(scope: Scope, orgUnitId: string | undefined): Promise<{ unit: OrgUnit; schools: OrgUnit[] }> {
    const unitId = orgUnitId ?? scope.rootId;
    const narrowed = await this.tree.narrow(scope, unitId);
    const unit = await this.tree.get(unitId);
    if (!narrowed || !unit) throw new NotFoundException();
    const nodes = await this.tree.nodes(narrowed);
    const schools = await Promise.all(nodes.filter((n) => n.kind === 'SCHOOL').map((n) => this.tree.get(n.id)));
    return { unit, schools: schools.filter((s): s is OrgUnit => !!s) };
  }

  private async parentNames(schools: OrgUnit[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const school of schools) {
      const parent = school.parentId ? await this.tree.get(school.parentId) : undefined;
      if (parent) names.set(school.id, parent.name);
    }
    return names;
  }

  private userId(): string | null {
    return this.cls.get<Principal | undefined>(CTX.principal)?.userId ?? null;
  }
}

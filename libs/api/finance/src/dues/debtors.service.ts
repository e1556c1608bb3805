import { HttpStatus, Injectable } from '@nestjs/common';
import type { Debtor } from '@emis/contracts';
import { compareVietnameseNames } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { PupilRoster } from '@emis/api/people';
import { assertInScope, Principal, ProblemException, renderPdf, Scope, TenantDb } from '@emis/api/platform';
import { SchoolsService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { ChargesRepository } from './charges.repository';
import { debtorsDocument } from './debtors.document';
import { FeePeriodsRepository } from './fee-periods.repository';

/** Class names (6A, 10A1) in Vietnamese collation. */
const BY_CLASS = new Intl.Collator('vi', { numeric: true });

export interface DebtorsFilter {
  classId?: string;
  periodId?: string;
}

/**
 * The debtor list (finance.debtors): pupils who still owe, per class, for the school's administrator and accountant,
 * and for a teacher only the classes they are homeroom teacher of — a teacher names no other class.
 */
@Injectable()
export class DebtorsService {
  constructor(
    private readonly db: TenantDb,
    private readonly charges: ChargesRepository,
    private readonly periods: FeePeriodsRepository,
    private readonly roster: PupilRoster,
    private readonly audit: AuditService,
    private readonly schools: SchoolsService,
  ) {}

  list(scope: Scope, actor: Principal, schoolId: string, filter: DebtorsFilter): Promise<Debtor[]> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.debtors(em, actor, schoolId, filter));
  }

  /** The list for a file, audited as an export of pupils' debts. */
  async exportList(scope: Scope, actor: Principal, schoolId: string, filter: DebtorsFilter): Promise<Debtor[]> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const debtors = await this.debtors(em, actor, schoolId, filter);
      await this.audit.record(em, {
        schoolId,
        entity: 'finance_debtors',
        entityId: filter.classId ?? schoolId,
        action: 'EXPORT',
        after: { ...filter, pupils: debtors.length },
      });
      return debtors;
    });
  }

  async pdf(scope: Scope, actor: Principal, schoolId: string, filter: DebtorsFilter): Promise<Buffer> {
    const debtors = await this.exportList(scope, actor, schoolId, filter);
    // The issuer's lines as the debtors' Excel file has them (docs/domain/records.md, "Official papers").
    const heading = await this.schools.printedHeading(scope, schoolId, '');
    const period = filter.periodId
      ? await this.db.run((em) => this.periods.find(em, schoolId, filter.periodId as string))
      : undefined;
    const covers = period ? `${period.name} (${period.code})` : 'Tất cả các kỳ thu / All periods';
    return renderPdf(debtorsDocument(heading, covers, debtors));
  }

  private async debtors(em: EntityManager, actor: Principal, schoolId: string, filter: DebtorsFilter) {
    const classIds = await this.visibleClasses(em, actor, schoolId, filter.classId);
    const debts = await this.charges.debts(em, schoolId, filter.periodId, classIds);
    const pupils = await this.roster.byIds(
      em,
      schoolId,
      debts.map((d) => d.studentId),
    );
    const classes = await this.roster.classes(
      em,
      schoolId,
      debts.map((d) => d.classId),
    );
    const list: Debtor[] = debts.map((d) => {
      const pupil = pupils.get(d.studentId);
      return {
        studentId: d.studentId,
        studentCode: pupil?.code ?? '',
        studentName: pupil?.fullName ?? '',
        classId: d.classId,
        className: classes.get(d.classId)?.name ?? '',
        outstanding: d.outstanding,
        oldestPeriod: d.oldestPeriod,
        guardianPhone: pupil?.guardianPhone ?? null,
      };
    });
    return list.sort(
      (a, b) =>
        BY_CLASS.compare(a.className, b.className) ||
        compareVietnameseNames(a.studentName, b.studentName) ||
        a.studentId.localeCompare(b.studentId),
    );
  }

  /** null: every class. A teacher: their homeroom classes, or the one asked for if it is one of them (else 403). */
  private async visibleClasses(
    em: EntityManager,
    actor: Principal,
    schoolId: string,
    classId: string | undefined,
  ): Promise<string[] | null> {
    if (actor.role !== 'TEACHER') return classId ? [classId] : null;
    const homeroom = await this.roster.homeroomClassIds(em, schoolId, actor.userId);
    if (!classId) return homeroom;
    if (!homeroom.includes(classId)) throw new ProblemException(HttpStatus.FORBIDDEN, 'finance_not_homeroom');
    return [classId];
  }
}

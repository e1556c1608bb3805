import { HttpStatus, Injectable } from '@nestjs/common';
import type { ClassResults, ResultPeriod } from '@emis/contracts';
import { AuditService, PersonalDataGuard } from '@emis/api/audit';
import { assertInScope, Principal, ProblemException, Scope, TenantDb } from '@emis/api/platform';
import { SchoolsService } from '@emis/api/tenancy';
import type { Response } from 'express';
import { EntityManager } from 'typeorm';
import { GradingClass } from './gradebook.repository';
import { GradebookService, GradingAccess } from './gradebook.service';
import { ClassData } from './results.calculation';
import { ClassResultsLoader } from './results.loader';
import { streamResultsXlsx } from './results.excel';
import { ResultsRepository } from './results.repository';

export interface LoadedResults {
  cls: GradingClass;
  access: GradingAccess;
  data: ClassData;
  results: ClassResults;
}

/**
 * A class's results per period (học kì I, học kì II, cả năm), computed on demand from the gradebooks, the conduct
 * ratings and the attendance of the period; stored for the department's reports on request. Readers are those of
 * the gradebook (a teacher only for the classes they teach or lead).
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly gradebook: GradebookService,
    private readonly loader: ClassResultsLoader,
    private readonly results: ResultsRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly guard: PersonalDataGuard,
    private readonly schools: SchoolsService,
  ) {}

  async classResults(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    period: ResultPeriod,
  ): Promise<ClassResults> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const { results } = await this.load(em, actor, schoolId, classId, period);
      // A class's results and summary: charged to the read budget and audited as a read naming the pupils shown
      // (docs/security/guard.md, docs/domain/personal-data.md).
      await this.guard.releaseList(
        em,
        {
          kind: 'STUDENT',
          schoolId,
          entity: 'term_result',
          entityId: `${classId}:${period}`,
          ids: results.rows.map((r) => r.studentId),
          filter: { classId, period },
        },
        actor,
      );
      return results;
    });
  }

  /**
   * Stores the computed rows into term_result (school admin, or the class's homeroom teacher), replacing the
   * period's earlier rows, audited. The promotion proposal is stored as computed: the school council decides.
   */
  async store(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    period: ResultPeriod,
  ): Promise<ClassResults> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const { cls, access, results } = await this.load(em, actor, schoolId, classId, period);
      if (actor.role === 'TEACHER' && !access.homeroom) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
      if (!access.yearWritable) throw new ProblemException(HttpStatus.CONFLICT, 'year_closed', cls.schoolYearCode);
      const at = new Date();
      const before = await this.results.store(
        em,
        schoolId,
        classId,
        period,
        results.scheme,
        results.rows,
        actor.userId,
        at,
      );
      await this.audit.record(
        em,
        {
          schoolId,
          entity: 'term_result',
          entityId: `${classId}:${period}`,
          action: before ? 'UPDATE' : 'CREATE',
          after: { period, scheme: results.scheme, students: results.rows.length, summary: results.summary },
        },
        actor,
      );
      return { ...results, storedAt: at.toISOString() };
    });
  }

  /**
   * The summary workbook. An export of pupils' personal data (docs/domain/personal-data.md): audited in the transaction that reads
   * the rows, before the first byte leaves, so a failed download is logged as attempted and no sent file unlogged.
   */
  async exportSummary(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    period: ResultPeriod,
    res: Response,
  ): Promise<void> {
    assertInScope(scope, schoolId);
    await this.db.run(async (em) => {
      const { results } = await this.load(em, actor, schoolId, classId, period);
      // The class's pupils leave in a file: charged to the read budget like the screen (docs/security/guard.md).
      await this.guard.charge(
        'STUDENT',
        results.rows.map((r) => r.studentId),
        schoolId,
      );
      await this.audit.record(
        em,
        {
          schoolId,
          entity: 'term_result',
          entityId: `${classId}:${period}`,
          action: 'EXPORT',
          after: { format: 'xlsx', period, students: results.rows.length },
        },
        actor,
      );
      await streamResultsXlsx(res, await this.schools.letterhead(em, schoolId), results);
    });
  }

  /** The class, the caller's access (403 for a teacher of other classes) and the results, in the caller's transaction. */
  async load(
    em: EntityManager,
    actor: Principal,
    schoolId: string,
    classId: string,
    period: ResultPeriod,
  ): Promise<LoadedResults> {
    const { cls, access } = await this.gradebook.openClass(em, actor, schoolId, classId, period === 'HK1' ? 1 : 2);
    // openClass answered 404 for a grade without a scheme, so the loader computes.
    const { data, rows, summary } = (await this.loader.compute(em, schoolId, cls, [period]))!.get(period)!;
    const results: ClassResults = {
      classId,
      className: cls.name,
      grade: cls.grade,
      schoolYearCode: cls.schoolYearCode,
      period,
      scheme: data.scheme,
      subjects: data.subjects.map((s) => ({ code: s.code, name: s.name, assessment: s.assessment })),
      rows,
      summary,
      storedAt: await this.results.storedAt(em, schoolId, classId, period),
    };
    return { cls, access, data, results };
  }
}

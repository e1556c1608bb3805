import { HttpStatus, Injectable } from '@nestjs/common';
import type { ClassResults, ResultPeriod } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { SchoolYearsService } from '@emis/api/academic';
import { assertInScope, Principal, ProblemException, Scope, TenantDb } from '@emis/api/platform';
import { schemeFor } from '@emis/domain';
import type { Response } from 'express';
import { EntityManager } from 'typeorm';
import { ConductRepository } from './conduct.repository';
import { GradebookRepository, GradingClass } from './gradebook.repository';
import { GradebookService, GradingAccess } from './gradebook.service';
import { ClassData, studentResult, summaryOf } from './results.calculation';
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
    private readonly repo: GradebookRepository,
    private readonly conduct: ConductRepository,
    private readonly results: ResultsRepository,
    private readonly years: SchoolYearsService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async classResults(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    period: ResultPeriod,
  ): Promise<ClassResults> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => (await this.load(em, actor, schoolId, classId, period)).results);
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
      await streamResultsXlsx(res, await this.results.schoolName(em, schoolId), results);
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
    const data = await this.classData(em, schoolId, cls, period);
    const rows = data.roster.map((s, i) => studentResult(data, period, s, i + 1));
    const results: ClassResults = {
      classId,
      className: cls.name,
      grade: cls.grade,
      schoolYearCode: cls.schoolYearCode,
      period,
      scheme: data.scheme,
      subjects: data.subjects.map((s) => ({ code: s.code, name: s.name, assessment: s.assessment })),
      rows,
      summary: summaryOf(data.scheme, period, rows),
      storedAt: await this.results.storedAt(em, schoolId, classId, period),
    };
    return { cls, access, data, results };
  }

  private async classData(
    em: EntityManager,
    schoolId: string,
    cls: GradingClass,
    period: ResultPeriod,
  ): Promise<ClassData> {
    const roster = await this.repo.roster(em, schoolId, cls.id);
    const calendar = await this.years.calendarIn(em, schoolId, cls.schoolYearId);
    const from = period === 'HK2' ? calendar.semester2Start : calendar.semester1Start;
    const to = period === 'HK1' ? calendar.semester1End : calendar.semester2End;
    return {
      cls,
      roster,
      scheme: schemeFor(cls.schoolYearCode, cls.grade)!,
      subjects: await this.repo.curriculum(em, cls.grade),
      books: await this.repo.gradebooksOfClass(em, schoolId, cls.id),
      entries: await this.repo.entriesOfClass(em, schoolId, cls.id),
      conduct: await this.conduct.ofClass(em, schoolId, cls.id),
      absences: await this.results.absences(
        em,
        schoolId,
        roster.map((s) => s.studentId),
        from,
        to,
      ),
    };
  }
}

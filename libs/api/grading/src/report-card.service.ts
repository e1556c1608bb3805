import { Injectable, NotFoundException } from '@nestjs/common';
import type { ResultPeriod } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Principal, renderPdf, Scope, sendPdf, TenantDb } from '@emis/api/platform';
import { SchoolsService } from '@emis/api/tenancy';
import type { Response } from 'express';
import { ReportCardExtras, reportCardDocument, reportCardFileName } from './report-card.document';
import { ClassData, entryOfPeriod } from './results.calculation';
import { ResultsRepository } from './results.repository';
import { ResultsService } from './results.service';

/** Report cards as PDF: the same computed results as the API and the Excel summary, one page per pupil. */
@Injectable()
export class ReportCardService {
  constructor(
    private readonly results: ResultsService,
    private readonly repo: ResultsRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly schools: SchoolsService,
  ) {}

  /**
   * The whole class, or one pupil. An export of pupils' data (docs/domain/personal-data.md), audited in the transaction that reads
   * it; the document is laid out after the transaction ends (a class of 45 is a few hundred kilobytes, buffered).
   */
  async pdf(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    query: { period: ResultPeriod; studentId?: string },
    res: Response,
  ): Promise<void> {
    assertInScope(scope, schoolId);
    const { doc, name } = await this.db.run(async (em) => {
      const { cls, data, results } = await this.results.load(em, actor, schoolId, classId, query.period);
      const rows = results.rows.filter((r) => !query.studentId || r.studentId === query.studentId);
      if (!rows.length && query.studentId) throw new NotFoundException();
      await this.audit.record(
        em,
        {
          schoolId,
          entity: 'term_result',
          entityId: `${classId}:${query.period}`,
          action: 'EXPORT',
          after: { format: 'pdf', period: query.period, students: rows.length, studentId: query.studentId ?? null },
        },
        actor,
      );
      const letterhead = await this.schools.letterhead(em, schoolId);
      const head = { ...letterhead, homeroomName: await this.repo.staffName(em, schoolId, cls.homeroomStaffId) };
      const doc = reportCardDocument(
        head,
        results,
        rows.map((row) => ({ row, extras: extrasOf(data, query.period, row.studentId) })),
      );
      const subject = query.studentId ? rows[0].fullName : results.className;
      return { doc, name: reportCardFileName(subject, results.schoolYearCode, query.period) };
    });
    sendPdf(res, name, await renderPdf(doc));
  }
}

function extrasOf(data: ClassData, period: ResultPeriod, studentId: string): ReportCardExtras {
  // A Circular 58 year has its own conduct row (semester 0, entered by the homeroom teacher) and its comment.
  const semester = period === 'HK1' ? 1 : period === 'CN' && data.scheme === 'C58' ? 0 : 2;
  const conduct = data.conduct.find((c) => c.studentId === studentId && c.semester === semester);
  return {
    comments: Object.fromEntries(
      data.subjects.map((s) => [s.code, entryOfPeriod(data, period, s.code, studentId)?.comment ?? null]),
    ),
    homeroomComment: conduct?.comment ?? null,
    qualities: conduct?.qualities ?? {},
  };
}

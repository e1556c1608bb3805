import { Injectable } from '@nestjs/common';
import { completionIsCertified } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Principal, renderPdf, Scope, sendPdf, TenantDb } from '@emis/api/platform';
import type { Response } from 'express';
import { ResultsRepository } from '../results.repository';
import { councilDocument } from './completion.document';
import { CompletionService } from './completion.service';

/** The council's decision list as PDF, as report cards are printed (pdfmake, laid out after the transaction). */
@Injectable()
export class CompletionPdfService {
  constructor(
    private readonly completion: CompletionService,
    private readonly results: ResultsRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** An export of pupils' data (docs/domain/personal-data.md): audited in the transaction that reads it. */
  async councilPdf(scope: Scope, actor: Principal, schoolId: string, councilId: string, res: Response): Promise<void> {
    assertInScope(scope, schoolId);
    const doc = await this.db.run(async (em) => {
      const { council, decisions } = await this.completion.councilWithDecisions(em, schoolId, councilId);
      await this.audit.record(
        em,
        {
          schoolId,
          entity: 'completion_council',
          entityId: councilId,
          action: 'EXPORT',
          after: { format: 'pdf', sitting: council.sitting, students: decisions.length },
        },
        actor,
      );
      const schoolName = await this.results.schoolName(em, schoolId);
      return councilDocument(schoolName, council, decisions, completionIsCertified(council.schoolYearCode));
    });
    sendPdf(res, `hoan-thanh-thcs-${doc.info?.title ?? councilId}.pdf`, await renderPdf(doc));
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { bookDocument, bookWorkbook } from '@emis/api/assets';
import { PupilRoster } from '@emis/api/people';
import { assertInScope, renderPdf, Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService, SchoolsService } from '@emis/api/tenancy';
import type { CollectionSummary } from '@emis/contracts';
import { EntityManager } from 'typeorm';
import type { BookFileFormat } from '../ledger/books.service';
import { ClassLabel, summarise, SummaryBy } from './collection-summary';
import { printedSummary } from './collection-summary.print';
import { CollectionSummaryRepository, PupilPeriodSums } from './collection-summary.repository';

export interface SummaryQuery {
  schoolYearId: string;
  periodId: string | null;
  by: SummaryBy;
}

/** The collection summary of a school year or period, by class, grade or period; on screen, in Excel and PDF. */
@Injectable()
export class CollectionSummaryService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: CollectionSummaryRepository,
    private readonly roster: PupilRoster,
    private readonly tree: OrgTreeService,
    private readonly schools: SchoolsService,
  ) {}

  async summary(scope: Scope, schoolId: string, q: SummaryQuery): Promise<CollectionSummary> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => (await this.compose(em, schoolId, q)).summary);
  }

  async summaryFile(
    scope: Scope,
    schoolId: string,
    q: SummaryQuery,
    format: BookFileFormat,
  ): Promise<{ fileName: string; file: Buffer }> {
    assertInScope(scope, schoolId);
    const { summary, year, periodName } = await this.db.run((em) => this.compose(em, schoolId, q));
    const { governingBody } = await this.schools.printedHeading(scope, schoolId, '');
    const printed = {
      ...printedSummary((await this.tree.get(schoolId))?.name ?? '', year, periodName, summary),
      governingBody,
    };
    const file = format === 'xlsx' ? await bookWorkbook(printed) : await renderPdf(bookDocument(printed));
    return { fileName: `${printed.fileName}.${format}`, file };
  }

  private async compose(em: EntityManager, schoolId: string, q: SummaryQuery) {
    const year = await this.repo.schoolYearCode(em, q.schoolYearId);
    if (!year) throw new NotFoundException();
    const sums = await this.repo.sums(em, schoolId, q.schoolYearId, q.periodId);
    const classes = q.by === 'period' ? new Map<string, ClassLabel>() : await this.classesOf(em, schoolId, sums);
    const periodName = q.periodId ? (sums[0]?.periodName ?? null) : null;
    return { summary: summarise(q.by, sums, classes), year, periodName };
  }

  /** The names and grades of the classes charged, from the roster of the periods' span (finance keeps class ids). */
  private async classesOf(
    em: EntityManager,
    schoolId: string,
    sums: PupilPeriodSums[],
  ): Promise<Map<string, ClassLabel>> {
    if (!sums.length) return new Map();
    const from = sums.reduce((d, s) => (s.periodStartsOn < d ? s.periodStartsOn : d), sums[0].periodStartsOn);
    const to = sums.reduce((d, s) => (s.periodEndsOn > d ? s.periodEndsOn : d), sums[0].periodEndsOn);
    const pupils = await this.roster.enrolled(em, schoolId, from, to);
    return new Map(pupils.map((p) => [p.classId, { name: p.className, grade: p.grade }]));
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { assertInScope, renderPdf, Scope, TenantDb } from '@emis/api/platform';
import { Download } from '@emis/api/spreadsheets';
import { OrgTreeService, SchoolsService } from '@emis/api/tenancy';
import { InventoryRepository } from './inventory.repository';
import { checklistDocument, checklistWorkbook, reportDocument, reportWorkbook } from './inventory-papers';
import { InventoryPaper } from './inventory-report';

export type PaperFormat = 'xlsx' | 'pdf';

/** The inventory's downloads: the checklist (whole school or one room) and the report, as Excel or PDF. */
@Injectable()
export class InventoryPapersService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: InventoryRepository,
    private readonly tree: OrgTreeService,
    private readonly schools: SchoolsService,
  ) {}

  async checklist(
    scope: Scope,
    schoolId: string,
    id: string,
    format: PaperFormat,
    locationId?: string,
  ): Promise<Download> {
    const paper = await this.paper(scope, schoolId, id, locationId);
    const room = paper.room ? `-${paper.room}` : '';
    const fileName = `phieu-kiem-ke-${paper.inventory.year}${room}.${format}`;
    if (format === 'xlsx') return { fileName, file: await checklistWorkbook(paper) };
    return { fileName, file: await renderPdf(checklistDocument(paper)) };
  }

  async report(scope: Scope, schoolId: string, id: string, format: PaperFormat): Promise<Download> {
    const paper = await this.paper(scope, schoolId, id);
    const fileName = `bien-ban-kiem-ke-${paper.inventory.year}.${format}`;
    if (format === 'xlsx') return { fileName, file: await reportWorkbook(paper) };
    return { fileName, file: await renderPdf(reportDocument(paper)) };
  }

  private async paper(scope: Scope, schoolId: string, id: string, locationId?: string): Promise<InventoryPaper> {
    assertInScope(scope, schoolId);
    const school = await this.tree.get(schoolId);
    return this.db.run(async (em) => {
      const inventory = await this.repo.summary(em, schoolId, id);
      if (!inventory) throw new NotFoundException();
      const lines = await this.repo.countingLines(em, schoolId, id, locationId);
      const room = locationId ? (lines[0]?.room ?? '') : null;
      return {
        schoolName: school?.name ?? '',
        governingBody: (await this.schools.letterhead(em, schoolId)).governingBody,
        inventory,
        room,
        lines,
      };
    });
  }
}

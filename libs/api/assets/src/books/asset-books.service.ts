import { Injectable } from '@nestjs/common';
import { assertInScope, renderPdf, Scope, TenantDb } from '@emis/api/platform';
import { SchoolsService } from '@emis/api/tenancy';
import { AssetBooksRepository } from './asset-books.repository';
import { fixedAssetBook } from './fixed-asset-book';
import { PrintedBook } from './printed-book';
import { bookDocument } from './printed-book.document';
import { bookWorkbook } from './printed-book.workbook';
import { toolsBook } from './tools-book';

export type AssetBookKind = 'fixed-assets' | 'tools';
export type BookFileFormat = 'xlsx' | 'pdf';

/** The school's books of a year — the fixed-asset book and the tools book — as Excel or PDF, from the register. */
@Injectable()
export class AssetBooksService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: AssetBooksRepository,
    private readonly schools: SchoolsService,
  ) {}

  async book(
    scope: Scope,
    schoolId: string,
    kind: AssetBookKind,
    year: number,
    format: BookFileFormat,
  ): Promise<{ fileName: string; file: Buffer }> {
    const book = await this.compose(scope, schoolId, kind, year);
    const file = format === 'xlsx' ? await bookWorkbook(book) : await renderPdf(bookDocument(book));
    return { fileName: `${book.fileName}.${format}`, file };
  }

  private async compose(scope: Scope, schoolId: string, kind: AssetBookKind, year: number): Promise<PrintedBook> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const unitName = await this.repo.schoolName(em, schoolId);
      const book =
        kind === 'fixed-assets'
          ? fixedAssetBook(unitName, year, await this.repo.records(em, schoolId, 'FIXED', year))
          : toolsBook(unitName, year, await this.repo.records(em, schoolId, 'TOOL', year));
      // The governing body above the unit (docs/domain/records.md, "Official papers").
      return { ...book, governingBody: (await this.schools.letterhead(em, schoolId)).governingBody };
    });
  }
}

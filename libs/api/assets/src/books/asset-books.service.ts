import { Injectable } from '@nestjs/common';
import { assertInScope, renderPdf, Scope, TenantDb } from '@emis/api/platform';
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
      return kind === 'fixed-assets'
        ? fixedAssetBook(unitName, year, await this.repo.records(em, schoolId, 'FIXED', year))
        : toolsBook(unitName, year, await this.repo.records(em, schoolId, 'TOOL', year));
    });
  }
}

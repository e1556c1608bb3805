import { Injectable } from '@nestjs/common';
import { bookDocument, bookWorkbook, PrintedBook } from '@emis/api/assets';
import { renderPdf, Scope } from '@emis/api/platform';
import { OrgTreeService, SchoolsService } from '@emis/api/tenancy';
import { BudgetService } from './budget.service';
import { budgetExecutionBook } from './budget-execution.book';

export type PrintFormat = 'xlsx' | 'pdf';

/** A printed book as a file of either format: both are drawn from the one model, so they carry the same figures. */
export async function printedFile(book: PrintedBook, format: PrintFormat): Promise<{ fileName: string; file: Buffer }> {
  const file = format === 'xlsx' ? await bookWorkbook(book) : await renderPdf(bookDocument(book));
  return { fileName: `${book.fileName}.${format}`, file };
}

/** The budget's execution report of a fiscal year, as Excel or PDF. */
@Injectable()
export class BudgetPrintsService {
  constructor(
    private readonly budget: BudgetService,
    private readonly tree: OrgTreeService,
    private readonly schools: SchoolsService,
  ) {}

  async execution(scope: Scope, schoolId: string, fiscalYear: number, format: PrintFormat) {
    const budget = await this.budget.view(scope, schoolId, fiscalYear);
    const unitName = (await this.tree.get(schoolId))?.name ?? '';
    const { governingBody } = await this.schools.printedHeading(scope, schoolId, '');
    return printedFile({ ...budgetExecutionBook(unitName, budget), governingBody }, format);
  }
}

import { HttpResponse } from '@angular/common/http';
import { saveDownload, showPdf } from '@emis/web/ui';
import { Observable, tap } from 'rxjs';
import { FileFormat } from '../data-access/money.api';

/**
 * A book, a summary or a claim as a file: the PDF opens in a new tab to print (the tab is opened at once, inside the
 * click), the workbook is saved. Call inside the click handler and subscribe for errors.
 */
export function openMoneyFile(
  file: Observable<HttpResponse<Blob>>,
  format: FileFormat,
  name: string,
): Observable<unknown> {
  return format === 'pdf' ? showPdf(file, name) : file.pipe(tap((response) => saveDownload(response, name)));
}

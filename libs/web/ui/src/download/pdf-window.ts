import { HttpResponse } from '@angular/common/http';
import { saveDownload } from './file-download';
import { map, Observable, tap } from 'rxjs';

/**
 * Shows a PDF the API made (a label, a sheet of labels) in a new tab. The tab is opened at once, while the click
 * still counts as the user's gesture (a tab opened after the download would be blocked as a pop-up), and given the
 * file when it arrives; the PDF comes through HttpClient so the token never sits in a URL. Without a tab (pop-ups
 * refused) the file is saved instead. Call inside the click handler.
 */
export function showPdf(download: Observable<HttpResponse<Blob>>, fallbackName: string): Observable<'shown' | 'saved'> {
  const tab = window.open('', '_blank');
  return download.pipe(
    tap({ error: () => tab?.close() }),
    map((response) => {
      if (!tab || !response.body) {
        saveDownload(response, fallbackName);
        return 'saved' as const;
      }
      const url = URL.createObjectURL(new Blob([response.body], { type: 'application/pdf' }));
      tab.location.href = url;
      // The tab keeps its own copy once loaded; a minute covers a slow viewer.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return 'shown' as const;
    }),
  );
}

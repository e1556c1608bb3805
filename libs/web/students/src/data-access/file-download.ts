import { HttpResponse } from '@angular/common/http';

/**
 * Saves a downloaded Blob under the server's file name (Content-Disposition) or the fallback. Files are fetched
 * through HttpClient rather than a plain link so the Authorization header goes along (the token never sits in a URL).
 */
export function saveDownload(response: HttpResponse<Blob>, fallbackName: string): void {
  const body = response.body;
  if (!body) return;
  const url = URL.createObjectURL(body);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

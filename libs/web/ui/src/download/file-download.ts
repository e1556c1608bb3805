import { HttpResponse } from '@angular/common/http';

/**
 * Saves a file fetched with HttpClient through a temporary object URL. Files are fetched through HttpClient rather
 * than a plain link so the Authorization header goes along (the token never sits in a URL).
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves a downloaded response under the server's file name (Content-Disposition) or the fallback. */
export function saveDownload(response: HttpResponse<Blob>, fallbackName: string): void {
  const body = response.body;
  if (!body) return;
  saveBlob(body, fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName);
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

import { StreamableFile } from '@nestjs/common';

/**
 * A file answered as a download: its type as stored, and a Content-Disposition that cannot be broken out of — an
 * ASCII fallback name (accents dropped, anything else replaced) and the exact name percent-encoded (RFC 6266, 5987).
 * `attachment`, never `inline`, so a browser saves an uploaded file instead of rendering it on the API's origin.
 */
export function fileDownload(content: Buffer, fileName: string, contentType: string): StreamableFile {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\w.-]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 does not allow them in the encoded value.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return new StreamableFile(content, {
    type: contentType,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`,
    length: content.length,
  });
}

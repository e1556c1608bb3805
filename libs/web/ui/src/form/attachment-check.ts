import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '@emis/domain';

export const ATTACHMENT_MAX_MEGABYTES = ATTACHMENT_MAX_BYTES / (1024 * 1024);

/** The file input's accept list: the same types the API takes. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.join(',');

/**
 * Why a chosen file cannot be attached, checked before it is sent (the API checks the same limits): a type other than
 * PDF or a JPEG, PNG or WebP image, or more than the size limit. null when the file may go.
 */
export function attachmentRefusal(file: Pick<File, 'type' | 'size'>): 'type' | 'size' | null {
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'size';
  return null;
}

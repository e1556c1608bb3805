import { CallHandler, ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '@emis/domain';
import { RawFieldError, ValidationProblem } from '@emis/api/platform';
import { Observable } from 'rxjs';

export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The part of multer's file an attachment needs (multer's own type is a global the API's tsconfig does not load). */
export interface UploadedAttachment {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** The OpenAPI body of an upload: the file and its kind. */
export const ATTACHMENT_UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file', 'kind'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'PDF, JPEG, PNG or WebP, at most 5 MB' },
      kind: { type: 'string', enum: ['INVOICE', 'PHOTO', 'DECISION', 'OTHER'] },
    },
  },
};

const MAX_MB = ATTACHMENT_MAX_BYTES / 1048576;

const MulterUpload = FileInterceptor('file', {
  limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 4, parts: 5 },
  // Browsers send a file name in UTF-8; multer's default (latin1) would garble Vietnamese names.
  defParamCharset: 'utf8',
} as Parameters<typeof FileInterceptor>[1]);

/** Multipart field "file", kept in memory up to 5 MB; a bigger file is a field error of `file`, in the caller's language. */
@Injectable()
export class AttachmentUpload extends MulterUpload {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException)
        throw new ValidationProblem([{ field: 'file', rule: 'attachmentTooLarge', args: [MAX_MB] }]);
      throw error;
    }
  }
}

/**
 * The type of a file read from its first bytes, or null when it is none of the accepted ones. The declared type and
 * the name's extension are the sender's word only: a script renamed photo.png must not be served back as an image.
 */
export function detectAttachmentType(bytes: Buffer): AttachmentType | null {
  const starts = (signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'; // RIFF….WEBP
  return null;
}

/**
 * What is wrong with an upload, as field errors of `file`: missing, empty, too large, not one of the accepted types
 * by its content, or declared as another type than its content is.
 */
export function attachmentFileErrors(file: UploadedAttachment | undefined): RawFieldError[] {
  if (!file || file.size === 0) return [{ field: 'file', rule: 'attachmentRequired', args: [] }];
  if (file.size > ATTACHMENT_MAX_BYTES) return [{ field: 'file', rule: 'attachmentTooLarge', args: [MAX_MB] }];
  const detected = detectAttachmentType(file.buffer);
  const declared = file.mimetype.toLowerCase();
  const declaredOk = declared === detected || declared === 'application/octet-stream';
  return detected && declaredOk ? [] : [{ field: 'file', rule: 'attachmentType', args: [] }];
}

/** The name to keep: the last path segment, NFC, without control characters, at most 200 characters. */
export function storedFileName(originalName: string, type: AttachmentType): string {
  const base = originalName.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c >= ' ' && c !== '\u007f')
    .join('')
    .trim()
    .slice(-200);
  return clean || `tep-dinh-kem.${type.split('/')[1]}`;
}

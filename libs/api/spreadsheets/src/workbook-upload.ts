import { CallHandler, ExecutionContext, HttpStatus, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { IMPORT_MAX_BYTES } from '@emis/contracts';
import { ProblemException } from '@emis/api/platform';
import { Observable } from 'rxjs';

/** The part of multer's file the import needs (multer's own type is a global the API's tsconfig does not load). */
export interface UploadedWorkbook {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const XLSX_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  'application/zip',
];

/**
 * The multipart field "file", kept in memory up to `maxBytes`; a bigger file answers 413 with the limit. Each kind
 * takes WorkbookUpload (IMPORT_MAX_BYTES) but the student list, which takes a bigger file (STUDENT_IMPORT_MAX_BYTES).
 */
export function WorkbookUploadOf(maxBytes: number) {
  const MulterUpload = FileInterceptor('file', {
    limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 },
    // Browsers send a file name in UTF-8; multer's default (latin1) would garble Vietnamese names.
    defParamCharset: 'utf8',
  } as Parameters<typeof FileInterceptor>[1]);

  @Injectable()
  class SizedWorkbookUpload extends MulterUpload {
    override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await super.intercept(context, next);
      } catch (error) {
        if (error instanceof PayloadTooLargeException) {
          throw new ProblemException(
            HttpStatus.PAYLOAD_TOO_LARGE,
            'file_too_large',
            `Tệp quá lớn: tối đa ${maxBytes / 1048576} MB mỗi lần nhập; hãy chia danh sách thành nhiều tệp`,
          );
        }
        throw error;
      }
    }
  }
  return SizedWorkbookUpload;
}

/** Multipart field "file", kept in memory up to IMPORT_MAX_BYTES; a bigger file answers 413 with the limit. */
export const WorkbookUpload = WorkbookUploadOf(IMPORT_MAX_BYTES);

/** Refuses at once what cannot be an .xlsx upload; the content itself is checked by the job. */
export function assertWorkbookUpload(file: UploadedWorkbook | undefined): asserts file is UploadedWorkbook {
  if (!file)
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'file_required', 'Chọn tệp Excel (.xlsx) trong trường "file"');
  if (!/\.xlsx$/i.test(file.originalname) || !XLSX_TYPES.includes(file.mimetype) || file.size === 0) {
    throw new ProblemException(
      HttpStatus.BAD_REQUEST,
      'invalid_workbook',
      'Chỉ nhận tệp Excel .xlsx (hãy dùng mẫu tải về từ hệ thống)',
    );
  }
}

export * from './assets.module';
export { ASSETS_MESSAGES } from './messages';
/** The event other contexts may subscribe to (the reporting read model's asset totals). */
export { ASSETS_CHANGED } from './assets-events';
/** For reporting: the school's asset totals (the read model's port). */
export { AssetsFacts } from './assets-facts';
/**
 * Shared with the finance context, which prints and files the same way: the printed book (one model written to Excel
 * and PDF, the forms of Circular 107/2017/TT-BTC) and the checks of an uploaded attachment (its type by magic bytes,
 * 5 MB at most).
 */
export type { BookCell, BookColumn, BookFormat, BookLine, PrintedBook } from './books/printed-book';
export { BOOK_SIGNATURES, FORM_NOTE, formatCell, viDate } from './books/printed-book';
export { bookDocument } from './books/printed-book.document';
export { bookWorkbook } from './books/printed-book.workbook';
export type { UploadedAttachment } from './register/attachment-file';
export {
  AttachmentUpload,
  attachmentFileErrors,
  detectAttachmentType,
  storedFileName,
} from './register/attachment-file';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateAssets1764600000000 } from './migrations/1764600000000-CreateAssets';
export { AllowAssetImports1764600000300 } from './migrations/1764600000300-AllowAssetImports';
export { AddInventorySurplusAndImport1764600000400 } from './migrations/1764600000400-AddInventorySurplusAndImport';

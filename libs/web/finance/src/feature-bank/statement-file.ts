import { BankStatementImport, IMPORT_MAX_BYTES } from '@emis/contracts';

export const STATEMENT_ACCEPT = '.xlsx,.csv';
export const STATEMENT_MAX_MEGABYTES = IMPORT_MAX_BYTES / (1024 * 1024);

/**
 * Why a chosen bank statement cannot be sent (the API checks the same): the banks' exports the import reads are
 * Excel workbooks and CSV files, within the size every import takes. null when the file may go.
 */
export function statementRefusal(file: Pick<File, 'name' | 'size'>): 'extension' | 'size' | null {
  if (!/\.(xlsx|csv)$/i.test(file.name)) return 'extension';
  if (file.size > IMPORT_MAX_BYTES) return 'size';
  return null;
}

/** How an import ended: refused with errors by row and column (nothing written), or written. */
export function importOutcome(result: BankStatementImport): 'errors' | 'nothing-new' | 'imported' {
  if (result.errors.length > 0) return 'errors';
  return result.statement === null || result.statement.lineCount === 0 ? 'nothing-new' : 'imported';
}

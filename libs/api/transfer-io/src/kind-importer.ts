import { Principal } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { CellErrors } from './workbook/cell-errors';
import { FieldReader } from './workbook/field-reader';
import { ImportLayout } from './workbook/layout';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A row once typed: every kind of list is keyed by the personal id (re-imports update by it). */
export interface KeyedRow {
  row: number;
  personalId: string;
}

/**
 * What differs between importing students and importing staff. The runner owns the file, the job and the
 * transactions; a kind importer owns its columns, its row rules and its writes.
 */
export interface KindImporter<R extends KeyedRow, C> {
  readonly layout: ImportLayout;
  /** Audit entity of one record ('student', 'staff'). */
  readonly entity: string;
  /** Reference data the rows are checked against, loaded once per import with one query each. */
  loadContext(em: EntityManager, schoolId: string): Promise<C>;
  readRow(reader: FieldReader, context: C): R | null;
  /** Checks against the school's records (unknown classes, read-only records); duplicates are the runner's. */
  checkRows(em: EntityManager, schoolId: string, rows: R[], context: C, errors: CellErrors): Promise<void>;
  /** Writes everything in the caller's transaction and audits each created or updated record. */
  commit(em: EntityManager, schoolId: string, rows: R[], context: C, actor: Principal | undefined): Promise<ImportCounts>;
}

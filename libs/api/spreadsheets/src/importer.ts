import type { ImportJobKind } from '@emis/contracts';
import { Principal } from '@emis/api/platform';
import { Permission } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { CellErrors } from './workbook/cell-errors';
import { ImportLayout } from './workbook/layout';
import { SheetRow } from './workbook/sheet-reader';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A data row once typed by its importer: at least the worksheet row it came from (errors and duplicates name it). */
export interface ImportedRow {
  row: number;
}

/**
 * A row as read, before the checks against the file and the school: a field whose cell was bad is null (its error is
 * already recorded). An importer that sets `checkEveryRow` answers drafts from readRow and takes them in checkRows.
 */
export type RowDraft<Row extends ImportedRow> = { [K in keyof Row]: K extends 'row' ? Row[K] : Row[K] | null };

/** The job an importer works for: its school, the uploaded file's name, what the upload named besides the file. */
export interface ImportJobContext {
  schoolId: string;
  jobId: string;
  kind: ImportJobKind;
  fileName: string;
  /** What the upload named besides the file (a gradebook: its class, semester and subject). */
  params: Record<string, unknown>;
  /** The user who uploaded the file, access re-checked when the job runs: the job's writes are theirs (audited as them). */
  actor: Principal;
}

/**
 * Where the column headers are: a fixed row (the lists: row 1), or the first of the top rows holding the `anchor`
 * header (a sổ điểm has a title block above, and a user may add a line), failing the file with `notFound` otherwise.
 */
export type HeaderRow = number | { anchor: string; notFound: string };

/** What an importer's identity check sees of the uploaded file (read in the workbook worker: plain data only). */
export interface UploadedSheetView {
  /** The texts of the header row, without the "Lỗi" column an earlier error workbook added. */
  headers: string[];
  /**
   * The text of a cell of another sheet than the data sheet (rows 1–20, columns 1–10: an export's hidden identity
   * sheet); undefined when the workbook has no sheet of that name.
   */
  cellText(sheet: string, row: number, col: number): string | undefined;
}

/**
 * One kind of import, owned by the context whose tables it writes. The runner (ImportRunner) owns everything else:
 * the job and its progress, the file's safety checks, the header row, reading every row before anything is
 * written, the annotated error workbook, the transactions and the audit row of the job.
 *
 * Register it once at module init: `registry.register(this)` from `onModuleInit` (ImportRegistry).
 */
export interface Importer<Target = unknown, Row extends ImportedRow = ImportedRow> {
  readonly kind: ImportJobKind;
  /** The permission the uploader must still hold when the job runs (the upload's route checked it too). */
  readonly permission: Permission;
  /**
   * Other permissions a job of this kind may be started with (a unit's list spanning many schools), so that their
   * holders may follow their own jobs; `permissionFor` names the one a job needs, from its upload's parameters.
   */
  readonly otherPermissions?: readonly Permission[];
  /** The permission a job needs, by what its upload named besides the file (default: `permission`). */
  permissionFor?(params: Record<string, unknown>): Permission;
  /** Data rows one file may hold: more fail the file before any row is read. */
  readonly maxRows: number;
  readonly headerRow: HeaderRow;
  /** Whole-file messages naming what this kind imports (defaults: the lists' wording). */
  readonly messages?: { noRows?: string; tooManyRows?: string };
  /** A column whose value a file may hold once (re-imports update by it): later rows are marked, naming the first. */
  readonly uniqueColumn?: { key: keyof Row & string; label: string };
  /**
   * Rows with cell errors go through the duplicate check and checkRows too (as drafts, their bad fields null), so a
   * clerk gets every error of every row in one pass. Without it, only rows read cleanly are checked against the file
   * and the school.
   */
  readonly checkEveryRow?: boolean;
  /**
   * The per-kind access re-check, when the job runs (an assignment, a lock or the year may have changed since the
   * upload), and the reference data the rows are checked against. Throw ImportFailure to fail the file with a message.
   */
  open(em: EntityManager, job: ImportJobContext): Promise<Target>;
  /** The columns the file must have (all but those marked mayBeMissing). */
  layout(target: Target): ImportLayout;
  /** Refuses, with ImportFailure, a file that is the right layout for another record (another class's sổ điểm). */
  checkIdentity?(file: UploadedSheetView, target: Target): void;
  /**
   * Types one row, recording each bad cell in `errors`; null when the row cannot be written (with `checkEveryRow`, a
   * draft whose bad fields are null: only a row without errors is ever committed).
   */
  readRow(source: SheetRow, errors: CellErrors, target: Target): Row | RowDraft<Row> | null;
  /**
   * Checks of the rows against the school's records (unknown classes, read-only records), once all are read. With
   * `checkEveryRow` the rows are drafts, rows with cell errors among them.
   */
  checkRows?(
    em: EntityManager,
    job: ImportJobContext,
    rows: RowDraft<Row>[],
    target: Target,
    errors: CellErrors,
  ): Promise<void>;
  /**
   * Writes every row in the runner's one transaction (the audit of each record is the importer's). An importer with
   * `staging` commits from its staging table instead and has no commit of its own.
   */
  commit?(em: EntityManager, job: ImportJobContext, rows: Row[], target: Target): Promise<ImportCounts>;
  /**
   * The staged path (docs/adr/province-scale-imports.md, decision 4): the runner keeps no row; each chunk the worker
   * streams is typed (readRow) and written to the importer's staging table, the checks against the file and the school
   * run set-wise in SQL over the whole file, and the commit writes from staging, all in one transaction. Implies
   * `checkEveryRow`; `uniqueColumn` and `checkRows` are then the staging's (`check`).
   */
  readonly staging?: ImportStaging<Target, Row>;
}

/** A draft as staged: `clean` when its row has no cell error (only a file of clean rows is ever committed). */
export interface StagedDraft<Row extends ImportedRow> {
  draft: RowDraft<Row>;
  clean: boolean;
}

/** A chunk of rows encoded for its staging table (outside the JavaScript heap). */
export type StagedChunk = Buffer;

/**
 * Encodes one chunk's rows as each is typed: a row handed to `add` is encoded at once and not kept, so that no row of
 * the chunk is alive when the next is typed (docs/benchmarks.md, "The import's memory": rows kept until their chunk
 * was encoded were alive at every collection of the young generation, and V8 then allocated them straight into the
 * old one).
 */
export interface StagedChunkEncoder<Row extends ImportedRow> {
  add(row: StagedDraft<Row>): void;
  /** The chunk's bytes, or undefined when no row was added. */
  finish(): StagedChunk | undefined;
}

/** Rows written as a JSON array into a growing buffer, each row's text dropped once its bytes are written. */
export class JsonRowsEncoder<T> {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  private used = 0;
  private rows = 0;

  add(row: T): void {
    const json = JSON.stringify(row);
    const needed = this.used + 1 + Buffer.byteLength(json) + 1;
    if (needed > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.bytes[this.used++] = this.rows++ ? 0x2c : 0x5b; // , or [
    this.used += this.bytes.write(json, this.used);
  }

  finish(): Buffer | undefined {
    if (!this.rows) return undefined;
    if (this.used === this.bytes.length) this.bytes = Buffer.concat([this.bytes, Buffer.alloc(1)]);
    this.bytes[this.used++] = 0x5d; // ]
    return this.bytes.subarray(0, this.used);
  }
}

/**
 * An importer's staging table, living in the job's one transaction (a temporary table dropped at its end, private to
 * the session: no other job or school sees it, nothing is left behind by a crash).
 */
export interface ImportStaging<Target, Row extends ImportedRow> {
  /** Creates the job's staging table(s) and stages the reference data the checks need (the open year's classes). */
  create(em: EntityManager, job: ImportJobContext, target: Target): Promise<void>;
  /**
   * The encoder of one streamed chunk, to which the runner adds every draft of it (rows with cell errors too) as it
   * types them, in the form `write` sends: the runner keeps only the bytes while earlier chunks are written, and the
   * rows' objects die young (docs/benchmarks.md, "The import's memory").
   */
  encoder(target: Target): StagedChunkEncoder<Row>;
  /** Writes one encoded chunk to the staging table. */
  write(em: EntityManager, chunk: StagedChunk): Promise<void>;
  /**
   * The checks against the whole file and the school's records, set-wise over the staged rows (duplicates of the
   * unique column, classes, kept records), recording every error of every row in `errors`.
   */
  check(em: EntityManager, job: ImportJobContext, target: Target, errors: CellErrors): Promise<void>;
  /** Writes the staged rows (every row clean by then) and their audit entries; the runner adds the job's own. */
  commit(em: EntityManager, job: ImportJobContext, target: Target): Promise<ImportCounts>;
}

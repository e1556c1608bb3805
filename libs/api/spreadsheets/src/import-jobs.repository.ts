import { Injectable } from '@nestjs/common';
import type { ImportCellError, ImportJob, ImportJobKind } from '@emis/contracts';
import { Principal, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { Role } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { ImportCounts } from './importer';

const JOB_COLUMNS = `id, kind, status, file_name, total_rows, processed_rows, created_count, updated_count, unchanged_count,
  error_count, message, created_at, finished_at`;

export interface QueuedFile {
  kind: ImportJobKind;
  status: ImportJob['status'];
  /** null once the job has finished (the upload is dropped with the result). */
  file: Buffer | null;
  createdBy: string | null;
  fileName: string;
  /** What the upload named besides the file (the gradebook: class, semester, subject). */
  params: Record<string, unknown>;
}

/** Records a job's progress: its phase, and the rows counted and read so far. */
export type ImportProgress = (p: {
  status?: Extract<ImportJob['status'], 'VALIDATING' | 'COMMITTING'>;
  totalRows?: number;
  processedRows?: number;
}) => Promise<void>;

export interface JobOutcome {
  status: 'DONE' | 'FAILED';
  counts?: ImportCounts;
  errorCount?: number;
  errors?: ImportCellError[];
  /** Values read after a correction the clerk should see (an id's lost leading zero), on a DONE or FAILED job. */
  notices?: ImportCellError[];
  errorFile?: Buffer | null;
  message?: string | null;
}

/** A job as JOB_COLUMNS reads it, with its per-cell errors (an empty list where a list leaves them out). */
interface ImportJobRow {
  id: string;
  kind: ImportJobKind;
  status: ImportJob['status'];
  file_name: string;
  total_rows: number | null;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  error_count: number;
  message: string | null;
  created_at: Date;
  finished_at: Date | null;
  errors: ImportCellError[];
  notices: ImportCellError[];
}

/** The piece of an uploaded file read per statement (queuedFile). */
const FILE_PIECE_BYTES = 1 << 20;

/** A waiting job's upload, as the runner picks it up. */
interface QueuedFileRow {
  kind: ImportJobKind;
  status: ImportJob['status'];
  /** The upload's length in bytes; null once the job has ended (the file is dropped then). */
  size: number | null;
  created_by: string | null;
  file_name: string;
  params: Record<string, unknown> | null;
}

/** The signed-in identity of an uploader (app_user). */
interface UploaderRow {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  org_unit_id: string;
}

/** import_job rows: the uploaded file while the job waits, its progress, and its result. */
@Injectable()
export class ImportJobsRepository {
  async create(
    em: EntityManager,
    schoolId: string,
    job: {
      kind: ImportJobKind;
      fileName: string;
      file: Buffer;
      createdBy: string;
      at: Date;
      params?: Record<string, unknown>;
    },
  ): Promise<ImportJob> {
    const row = await sqlRow<ImportJobRow>(
      em,
      `insert into import_job (school_id, kind, file_name, file, created_by, created_at, params) values ($1, $2, $3, $4, $5, $6, $7::jsonb)
       returning ${JOB_COLUMNS}, '[]'::jsonb as errors, '[]'::jsonb as notices`,
      [schoolId, job.kind, job.fileName, job.file, job.createdBy, job.at, JSON.stringify(job.params ?? {})],
    );
    if (!row) throw new Error(`create: no job returned for ${job.fileName}`);
    return toJob(row);
  }

  async find(em: EntityManager, schoolId: string, id: string): Promise<ImportJob | undefined> {
    const row = await sqlRow<ImportJobRow>(
      em,
      `select ${JOB_COLUMNS}, errors, notices from import_job where school_id = $1 and id = $2`,
      [schoolId, id],
    );
    return row ? toJob(row) : undefined;
  }

  /** Recent jobs, newest first; the per-cell errors are left out of the list (the job itself has them). */
  async list(
    em: EntityManager,
    schoolId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: ImportJob[]; total: number }> {
    const counted = await sqlRow<{ total: number }>(
      em,
      `select count(*)::int as total from import_job where school_id = $1`,
      [schoolId],
    );
    const rows = await sqlRows<ImportJobRow>(
      em,
      `select ${JOB_COLUMNS}, '[]'::jsonb as errors, '[]'::jsonb as notices from import_job where school_id = $1 order by created_at desc, id limit $2 offset $3`,
      [schoolId, limit, offset],
    );
    return { total: counted?.total ?? 0, items: rows.map(toJob) };
  }

  async queuedFile(em: EntityManager, schoolId: string, id: string): Promise<QueuedFile | undefined> {
    const row = await sqlRow<QueuedFileRow>(
      em,
      `select kind, status, octet_length(file) as size, created_by, file_name, params
         from import_job where school_id = $1 and id = $2`,
      [schoolId, id],
    );
    return row
      ? {
          kind: row.kind,
          status: row.status,
          file: row.size === null ? null : await this.fileInPieces(em, schoolId, id, row.size),
          createdBy: row.created_by,
          fileName: row.file_name,
          params: row.params ?? {},
        }
      : undefined;
  }

  /**
   * The uploaded file, read a piece at a time into memory the workbook's worker thread shares (no copy of the file is
   * handed over). node-postgres reads a bytea as hex text twice its size before decoding it: a 14 MB workbook read
   * whole was a 28 MB string on the API's heap, a piece is 2 MB (docs/benchmarks.md, "The import's memory").
   */
  private async fileInPieces(em: EntityManager, schoolId: string, id: string, size: number): Promise<Buffer> {
    const file = Buffer.from(new SharedArrayBuffer(size));
    for (let at = 0; at < size; at += FILE_PIECE_BYTES) {
      const piece = await sqlRow<{ bytes: Buffer }>(
        em,
        `select substring(file from $3 for $4) as bytes from import_job where school_id = $1 and id = $2`,
        [schoolId, id, at + 1, FILE_PIECE_BYTES],
      );
      // A file changed or dropped meanwhile (never, while the job runs) would leave a hole: refuse it rather.
      if (!piece?.bytes || piece.bytes.length !== Math.min(FILE_PIECE_BYTES, size - at))
        throw new Error(`import_job ${id}: the uploaded file changed while it was read`);
      piece.bytes.copy(file, at);
    }
    return file;
  }

  /** Who may see a job: its kind and its uploader (a teacher sees only their own gradebook imports). */
  async ownership(
    em: EntityManager,
    schoolId: string,
    id: string,
  ): Promise<{ kind: ImportJobKind; createdBy: string | null; params: Record<string, unknown> } | undefined> {
    const row = await sqlRow<Pick<QueuedFileRow, 'kind' | 'created_by' | 'params'>>(
      em,
      `select kind, created_by, params from import_job where school_id = $1 and id = $2`,
      [schoolId, id],
    );
    return row ? { kind: row.kind, createdBy: row.created_by, params: row.params ?? {} } : undefined;
  }

  async progress(
    em: EntityManager,
    schoolId: string,
    id: string,
    p: { status?: ImportJob['status']; totalRows?: number; processedRows?: number },
  ): Promise<void> {
    await sqlExec(
      em,
      `update import_job set status = coalesce($3, status), total_rows = coalesce($4, total_rows), processed_rows = coalesce($5, processed_rows)
        where school_id = $1 and id = $2`,
      [schoolId, id, p.status ?? null, p.totalRows ?? null, p.processedRows ?? null],
    );
  }

  /** Records the result and drops the uploaded file: personal data is kept no longer than the job needs it. */
  async finish(em: EntityManager, schoolId: string, id: string, o: JobOutcome, at: Date): Promise<void> {
    await sqlExec(
      em,
      `update import_job
          set status = $3, created_count = $4, updated_count = $5, unchanged_count = $6, error_count = $7, errors = $8::jsonb,
              error_file = $9, message = $10, finished_at = $11, file = null, notices = $12::jsonb,
              processed_rows = case when $3 = 'DONE' then coalesce(total_rows, processed_rows) else processed_rows end
        where school_id = $1 and id = $2`,
      [
        schoolId,
        id,
        o.status,
        o.counts?.created ?? 0,
        o.counts?.updated ?? 0,
        o.counts?.unchanged ?? 0,
        o.errorCount ?? 0,
        JSON.stringify(o.errors ?? []),
        o.errorFile ?? null,
        o.message ?? null,
        at,
        JSON.stringify(o.notices ?? []),
      ],
    );
  }

  /** undefined: no such job in scope; null: the job has no error workbook. */
  async errorFile(
    em: EntityManager,
    schoolId: string,
    id: string,
  ): Promise<{ file: Buffer | null; fileName: string } | undefined> {
    const row = await sqlRow<{ error_file: Buffer | null; file_name: string }>(
      em,
      `select error_file, file_name from import_job where school_id = $1 and id = $2`,
      [schoolId, id],
    );
    return row ? { file: row.error_file, fileName: row.file_name } : undefined;
  }

  /** The uploader, as the audit trail names the actor of the job's writes. */
  async uploader(em: EntityManager, userId: string | null): Promise<Principal | undefined> {
    if (!userId) return undefined;
    const row = await sqlRow<UploaderRow>(
      em,
      `select user_id as id, username, full_name, role, org_unit_id from identity_user where user_id = $1`,
      [userId],
    );
    return row
      ? { userId: row.id, username: row.username, fullName: row.full_name, role: row.role, orgUnitId: row.org_unit_id }
      : undefined;
  }
}

function toJob(r: ImportJobRow): ImportJob {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    fileName: r.file_name,
    totalRows: r.total_rows ?? null,
    processedRows: r.processed_rows,
    created: r.created_count,
    updated: r.updated_count,
    unchanged: r.unchanged_count,
    errorCount: r.error_count,
    errors: r.errors ?? [],
    notices: r.notices ?? [],
    message: r.message ?? null,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}

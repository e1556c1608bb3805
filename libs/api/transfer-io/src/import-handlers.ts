import { Injectable } from '@nestjs/common';
import type { ImportJob, ImportJobKind } from '@emis/contracts';
import { Principal, Scope } from '@emis/api/platform';
import { JobOutcome } from './import-jobs.repository';

export type ImportProgress = (p: { status?: Extract<ImportJob['status'], 'VALIDATING' | 'COMMITTING'>; totalRows?: number; processedRows?: number }) => Promise<void>;

/** One queued job as a handler of another context receives it: the file, the parameters of the upload, its user. */
export interface ImportJobContext {
  scope: Scope;
  schoolId: string;
  jobId: string;
  kind: ImportJobKind;
  fileName: string;
  file: Buffer;
  params: Record<string, unknown>;
  /** The user who uploaded the file: the job's writes are theirs (access re-checked, audited as them). */
  actor: Principal | undefined;
  progress: ImportProgress;
}

/**
 * Imports a whole file of one kind. Throwing ImportFailure fails the job with its message; any other error fails it
 * with a generic message. The runner owns the job row (status, result, dropping the file).
 */
export interface ImportHandler {
  importFile(job: ImportJobContext): Promise<JobOutcome>;
}

/**
 * Import kinds owned by other contexts (the gradebook sheet, in libs/api/grading), registered at start-up. The
 * dependency points from those contexts to this one, so transfer-io never imports them; the queue's worker starts
 * only once every module has registered (ImportQueue.onApplicationBootstrap).
 */
@Injectable()
export class ImportHandlers {
  private readonly handlers = new Map<ImportJobKind, ImportHandler>();

  register(kind: Exclude<ImportJobKind, 'STUDENTS' | 'STAFF'>, handler: ImportHandler): void {
    if (this.handlers.has(kind)) throw new Error(`an import handler for ${kind} is already registered`);
    this.handlers.set(kind, handler);
  }

  get(kind: ImportJobKind): ImportHandler | undefined {
    return this.handlers.get(kind);
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { SecurityEvents } from '@emis/api/audit';
import { IMPORT_MAX_ROWS } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import type { ImportJob, ImportJobKind, Page } from '@emis/contracts';
import {
  assertInScope,
  PageQueryDto,
  Principal,
  ProblemException,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
} from '@emis/api/platform';
import { can } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportQueue } from './import-queue';
import { ImportRegistry } from './import-registry';
import { assertWorkbookUpload, UploadedWorkbook } from './workbook-upload';
import { HostileWorkbook, inspectXlsx } from './workbook/zip-guard';

export interface Download {
  fileName: string;
  file: Buffer;
}

@Injectable()
export class ImportsService {
  constructor(
    private readonly db: TenantDb,
    private readonly jobs: ImportJobsRepository,
    private readonly queue: ImportQueue,
    private readonly registry: ImportRegistry,
    private readonly securityEvents: SecurityEvents,
    private readonly audit: AuditService,
  ) {}

  /**
   * Stores the file as a queued job and hands it to the background worker. `params` carries what the upload named
   * besides the file (a gradebook import: its class, semester and subject; the caller checked access to them).
   */
  async upload(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    kind: ImportJobKind,
    file: UploadedWorkbook | undefined,
    params?: Record<string, unknown>,
  ): Promise<ImportJob> {
    assertInScope(scope, schoolId);
    assertWorkbookUpload(file);
    await this.refuseHostile(file, kind, schoolId);
    const job = await this.db.run((em) =>
      this.jobs.create(em, schoolId, {
        kind,
        fileName: fileNameOf(file.originalname),
        file: file.buffer,
        createdBy: actor.userId,
        at: new Date(),
        params,
      }),
    );
    await this.queue.enqueue({ schoolId, jobId: job.id });
    return job;
  }

  /**
   * The pre-scan (inspectXlsx) at the door: a file shaped to exhaust the server is refused with 400 and a security
   * event before it is stored. A file that is merely not a workbook is stored and its job fails with the message,
   * as before; the runner scans again before parsing (a job queued before a limit changed).
   */
  private async refuseHostile(file: UploadedWorkbook, kind: ImportJobKind, schoolId: string): Promise<void> {
    const maxRows = this.registry.get(kind)?.maxRows ?? IMPORT_MAX_ROWS;
    try {
      await inspectXlsx(file.buffer, maxRows);
    } catch (error) {
      if (!(error instanceof HostileWorkbook)) return;
      await this.securityEvents.record({
        kind: 'HOSTILE_UPLOAD',
        schoolId,
        detail: { ...error.detail, importKind: kind, fileName: fileNameOf(file.originalname), bytes: file.size },
      });
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'hostile_workbook', error.message);
    }
  }

  async job(scope: Scope, actor: Principal, schoolId: string, jobId: string): Promise<ImportJob> {
    this.assertMayFollowJobs(actor);
    assertInScope(scope, schoolId);
    const job = await this.db.run(async (em) =>
      (await this.visible(em, actor, schoolId, jobId)) ? this.jobs.find(em, schoolId, jobId) : undefined,
    );
    if (!job) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found');
    return job;
  }

  async list(scope: Scope, schoolId: string, query: PageQueryDto): Promise<Page<ImportJob>> {
    assertInScope(scope, schoolId);
    const paging = toSqlPaging(query, { createdAt: 'created_at' }, '-createdAt');
    const { items, total } = await this.db.run((em) => this.jobs.list(em, schoolId, paging.limit, paging.offset));
    return toPage(items, total, paging);
  }

  /** The annotated workbook of a failed job; 404 when the job had no cell errors. */
  async errorWorkbook(scope: Scope, actor: Principal, schoolId: string, jobId: string): Promise<Download> {
    this.assertMayFollowJobs(actor);
    assertInScope(scope, schoolId);
    const found = await this.db.run(async (em) => {
      const file = (await this.visible(em, actor, schoolId, jobId))
        ? await this.jobs.errorFile(em, schoolId, jobId)
        : undefined;
      // The error workbook is the uploaded file with its rows marked: every pupil or staff member in it. Its download
      // is audited in the transaction that read it, before a byte leaves (docs/domain/personal-data.md).
      if (file?.file)
        await this.audit.recordRead(
          em,
          { schoolId, entity: 'import_job', entityId: jobId, ids: [jobId], filter: { file: 'errors.xlsx' } },
          actor,
        );
      return file;
    });
    if (!found?.file) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found');
    return { fileName: found.fileName.replace(/\.xlsx$/i, '') + ' - lỗi.xlsx', file: found.file };
  }

  /**
   * A list importer (people.import) follows every job of the school; another user only the jobs they uploaded of a
   * kind whose permission they hold (a teacher: their gradebook imports) — a job of someone else answers 404, as if
   * it did not exist.
   */
  private async visible(em: EntityManager, actor: Principal, schoolId: string, jobId: string): Promise<boolean> {
    if (can(actor.role, 'people.import')) return true;
    const owner = await this.jobs.ownership(em, schoolId, jobId);
    const importer = owner && this.registry.get(owner.kind);
    return (
      !!importer &&
      owner.createdBy === actor.userId &&
      can(actor.role, importer.permissionFor?.(owner.params) ?? importer.permission)
    );
  }

  /** Following a job (progress, error workbook) needs one of the permissions that can start one. */
  private assertMayFollowJobs(actor: Principal): void {
    if (!this.registry.permissions().some((permission) => can(actor.role, permission)))
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
  }
}

function fileNameOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.normalize('NFC').slice(-200);
}

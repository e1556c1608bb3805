import { Injectable } from '@nestjs/common';
import type { ReportFilter, ReportJob } from '@emis/contracts';
import { sqlExec, sqlRow } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

const JOB_COLUMNS = `id, kind, status, progress, file_name, error, created_at, finished_at`;

interface ReportJobRow {
  id: string;
  kind: string;
  status: ReportJob['status'];
  progress: number;
  file_name: string | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** A job as its worker picks it up. */
export interface QueuedReportJob {
  status: ReportJob['status'];
  filter: ReportFilter;
  /** The root of the requester's scope. */
  scopeRoot: string;
}

/** reporting.report_job, written through TenantDb (the primary), never through the reporting connection. */
@Injectable()
export class ReportJobsRepository {
  async create(
    em: EntityManager,
    job: { orgUnitId: string; kind: string; filter: ReportFilter; scopeRoot: string; userId: string },
  ): Promise<ReportJob> {
    const row = await sqlRow<ReportJobRow>(
      em,
      `insert into reporting.report_job (school_id, kind, filter, scope_root, created_by) values ($1, $2, $3, $4, $5)
       returning ${JOB_COLUMNS}`,
      [job.orgUnitId, job.kind, JSON.stringify(job.filter), job.scopeRoot, job.userId],
    );
    return toJob(row!);
  }

  /** A job in the transaction's scope (RLS: the org unit it was asked for is in scope). */
  async find(em: EntityManager, jobId: string): Promise<(ReportJob & { orgUnitId: string }) | undefined> {
    const row = await sqlRow<ReportJobRow & { school_id: string }>(
      em,
      `select school_id, ${JOB_COLUMNS} from reporting.report_job where id = $1`,
      [jobId],
    );
    return row && { ...toJob(row), orgUnitId: row.school_id };
  }

  async queued(em: EntityManager, orgUnitId: string, jobId: string): Promise<QueuedReportJob | undefined> {
    return sqlRow<QueuedReportJob>(
      em,
      `select status, filter, scope_root as "scopeRoot" from reporting.report_job where school_id = $1 and id = $2`,
      [orgUnitId, jobId],
    );
  }

  async file(em: EntityManager, jobId: string): Promise<{ fileName: string; file: Buffer } | undefined> {
    const row = await sqlRow<{ file_name: string; file: Buffer }>(
      em,
      `select file_name, file from reporting.report_job where id = $1 and status = 'DONE'`,
      [jobId],
    );
    return row && { fileName: row.file_name, file: row.file };
  }

  async progress(em: EntityManager, orgUnitId: string, jobId: string, progress: number): Promise<void> {
    await sqlExec(
      em,
      `update reporting.report_job set status = 'RUNNING', progress = $3 where school_id = $1 and id = $2`,
      [orgUnitId, jobId, progress],
    );
  }

  async done(em: EntityManager, orgUnitId: string, jobId: string, fileName: string, file: Buffer): Promise<void> {
    await sqlExec(
      em,
      `update reporting.report_job set status = 'DONE', progress = 100, file_name = $3, file = $4, finished_at = now()
        where school_id = $1 and id = $2`,
      [orgUnitId, jobId, fileName, file],
    );
  }

  async failed(em: EntityManager, orgUnitId: string, jobId: string, error: string): Promise<void> {
    await sqlExec(
      em,
      `update reporting.report_job set status = 'FAILED', error = $3, finished_at = now() where school_id = $1 and id = $2`,
      [orgUnitId, jobId, error],
    );
  }
}

function toJob(r: ReportJobRow): ReportJob {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    progress: r.progress,
    fileName: r.file_name,
    error: r.error,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}

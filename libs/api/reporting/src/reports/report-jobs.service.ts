import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { ReportJob } from '@emis/contracts';
import { Principal, ProblemException, Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import ExcelJS from 'exceljs';
import { publishMeasures, publishSubject } from './report-measures';
import { appendSheet, build, Cell, measureColumns, subjectColumns } from './report-workbook';
import { ReportJobsRepository } from './report-jobs.repository';
import { CreateReportJobDto } from './reports.dto';
import { ReportsService, SchoolFigures } from './reports.service';
import { ReportingDb } from './reporting-db';

/** Schools read per step of the every-school workbook; the job's progress moves after each. */
const CHUNK = 50;

export interface Download {
  fileName: string;
  file: Buffer;
}

/**
 * Reports too large to answer at once, built in the background: the every-school workbook of a unit or the
 * province (one row per school with every measure, and each school's subjects), with its progress in the job row.
 * The job row lives on the primary (TenantDb); the figures are read through the reporting connection.
 */
@Injectable()
export class ReportJobsService {
  private readonly logger = new Logger(ReportJobsService.name);

  constructor(
    private readonly tenant: TenantDb,
    private readonly db: ReportingDb,
    private readonly jobs: ReportJobsRepository,
    private readonly reports: ReportsService,
    private readonly tree: OrgTreeService,
  ) {}

  /** Records the job (the filter resolved now, so the workbook shows what was asked); the caller queues it. */
  async create(scope: Scope, actor: Principal, input: CreateReportJobDto): Promise<ReportJob & { orgUnitId: string }> {
    const unitId = input.filter.orgUnitId ?? scope.rootId;
    await this.reports.unitInScope(scope, unitId);
    const filter = await this.reports.resolveFilter(scope, unitId, input.filter);
    const job = await this.tenant.run((em) =>
      this.jobs.create(em, { orgUnitId: unitId, kind: input.kind, filter, scopeRoot: scope.rootId, userId: actor.userId }),
    );
    return { ...job, orgUnitId: unitId };
  }

  async job(jobId: string): Promise<ReportJob> {
    const job = await this.tenant.run((em) => this.jobs.find(em, jobId));
    if (!job) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found');
    const { orgUnitId: _unit, ...rest } = job;
    void _unit;
    return rest;
  }

  async file(jobId: string): Promise<Download> {
    const job = await this.job(jobId);
    if (job.status !== 'DONE') throw new ProblemException(HttpStatus.CONFLICT, 'report_job_not_done');
    const file = await this.tenant.run((em) => this.jobs.file(em, jobId));
    if (!file) throw new ProblemException(HttpStatus.NOT_FOUND, 'not_found');
    return file;
  }

  /**
   * The worker's side: builds the workbook under the requester's scope (the subtree of the unit they worked in when
   * they asked), so it holds exactly the schools their own report of the unit shows.
   */
  async run(orgUnitId: string, jobId: string): Promise<void> {
    const own = await this.tree.scopeFor(orgUnitId);
    const queued = await this.tenant.runWithScope(own, (em) => this.jobs.queued(em, orgUnitId, jobId));
    // A job already finished (a redelivered message) or gone is left alone.
    if (!queued || queued.status === 'DONE' || queued.status === 'FAILED') return;
    const scope = await this.tree.scopeFor(queued.scopeRoot);
    const progress = (p: number) => this.tenant.runWithScope(scope, (em) => this.jobs.progress(em, orgUnitId, jobId, p));
    try {
      await progress(1);
      const unit = await this.reports.unitInScope(scope, orgUnitId);
      const filter = queued.filter;
      const placed = await this.db.runWithScope(scope, (em) => this.reports.placed(em, scope, orgUnitId, filter));
      const above = unit.kind !== 'SCHOOL';
      const workbook = new ExcelJS.Workbook();
      const addSchools = appendSheet(workbook, build({ title: 'Trường', columns: schoolColumns(above), rows: [] }));
      const addSubjects = appendSheet(workbook, build({ title: 'Môn học', columns: schoolSubjectColumns(), rows: [] }));
      for (let i = 0; i < placed.length; i += CHUNK) {
        const figures = await this.db.runWithScope(scope, (em) =>
          this.reports.schoolFigures(em, placed.slice(i, i + CHUNK), filter),
        );
        addSchools(build({ title: '', columns: schoolColumns(above), rows: figures }).rows);
        addSubjects(build({ title: '', columns: schoolSubjectColumns(), rows: subjectRows(figures, above) }).rows);
        await progress(Math.min(95, Math.round(5 + (90 * (i + CHUNK)) / placed.length)));
      }
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const fileName = `bao-cao-tung-truong-${unit.code}-${filter.yearCode}-${filter.period}.xlsx`;
      await this.tenant.runWithScope(scope, (em) => this.jobs.done(em, orgUnitId, jobId, fileName, file));
    } catch (error) {
      this.logger.error({ err: error, jobId }, 'report job failed');
      const message = error instanceof Error ? error.message : String(error);
      await this.tenant.runWithScope(scope, (em) => this.jobs.failed(em, orgUnitId, jobId, message.slice(0, 500)));
    }
  }
}

function schoolColumns(above: boolean) {
  return [
    { header: 'Mã trường', en: 'School code', width: 14, value: (f: SchoolFigures): Cell => f.placement.code },
    { header: 'Tên trường', en: 'School', width: 34, value: (f: SchoolFigures): Cell => f.placement.name },
    { header: 'Trực thuộc', en: 'Under', width: 24, value: (f: SchoolFigures): Cell => f.placement.parentName },
    ...measureColumns<SchoolFigures>((f) => publishMeasures(f.raw, above)),
  ];
}

type SchoolSubject = { figures: SchoolFigures; subject: ReturnType<typeof publishSubject> };

function schoolSubjectColumns() {
  return [
    { header: 'Mã trường', en: 'School code', width: 14, value: (r: SchoolSubject): Cell => r.figures.placement.code },
    { header: 'Tên trường', en: 'School', width: 34, value: (r: SchoolSubject): Cell => r.figures.placement.name },
    ...subjectColumns().map((c) => ({ ...c, value: (r: SchoolSubject) => c.value(r.subject) })),
  ];
}

function subjectRows(figures: SchoolFigures[], above: boolean): SchoolSubject[] {
  return figures.flatMap((f) => f.subjects.map((s) => ({ figures: f, subject: publishSubject(s, above) })));
}

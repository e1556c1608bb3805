import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ClassReport, CompareReport, ReportJob, SchoolReport, UnitReport } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { ReportJobQueue } from './report-job.queue';
import { Download, ReportJobsService } from './report-jobs.service';
import { compareWorkbook, schoolWorkbook, unitWorkbook, workbookBuffer } from './report-workbook';
import { CompareQueryDto, CreateReportJobDto, ReportFilterQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The department's, units' and schools' reports, their workbooks and the background report jobs. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly jobs: ReportJobsService,
    private readonly queue: ReportJobQueue,
  ) {}

  @Get('units/:orgUnitId')
  @RequirePermission('reports.read')
  unit(
    @CurrentScope() scope: Scope,
    @Param('orgUnitId', ParseUUIDPipe) orgUnitId: string,
    @Query() query: ReportFilterQueryDto,
  ): Promise<UnitReport> {
    return this.reports.unitReport(scope, orgUnitId, query);
  }

  @Get('units/:orgUnitId/export.xlsx')
  @RequirePermission('reports.read')
  @ApiProduces(XLSX)
  async unitXlsx(
    @CurrentScope() scope: Scope,
    @Param('orgUnitId', ParseUUIDPipe) orgUnitId: string,
    @Query() query: ReportFilterQueryDto,
  ): Promise<StreamableFile> {
    const report = await this.reports.unitReport(scope, orgUnitId, query);
    return xlsxFile({
      fileName: `bao-cao-${report.unit.code}-${report.filter.yearCode}-${report.filter.period}.xlsx`,
      file: await workbookBuffer(unitWorkbook(report)),
    });
  }

  @Get('schools/:schoolId')
  @RequirePermission('reports.read')
  school(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: ReportFilterQueryDto,
  ): Promise<SchoolReport> {
    return this.reports.schoolReport(scope, schoolId, query);
  }

  @Get('schools/:schoolId/export.xlsx')
  @RequirePermission('reports.read')
  @ApiProduces(XLSX)
  async schoolXlsx(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: ReportFilterQueryDto,
  ): Promise<StreamableFile> {
    const report = await this.reports.schoolReport(scope, schoolId, query);
    return xlsxFile({
      fileName: `bao-cao-${report.school.code}-${report.filter.yearCode}-${report.filter.period}.xlsx`,
      file: await workbookBuffer(schoolWorkbook(report)),
    });
  }

  @Get('schools/:schoolId/classes/:classId')
  @RequirePermission('reports.read')
  classReport(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Query() query: ReportFilterQueryDto,
  ): Promise<ClassReport> {
    return this.reports.classReport(scope, schoolId, classId, query);
  }

  @Get('compare')
  @RequirePermission('reports.read')
  compare(@CurrentScope() scope: Scope, @Query() query: CompareQueryDto): Promise<CompareReport> {
    return this.reports.compare(scope, query);
  }

  @Get('compare/export.xlsx')
  @RequirePermission('reports.read')
  @ApiProduces(XLSX)
  async compareXlsx(@CurrentScope() scope: Scope, @Query() query: CompareQueryDto): Promise<StreamableFile> {
    const report = await this.reports.compare(scope, query);
    return xlsxFile({
      fileName: `so-sanh-${report.measure}-${report.filter.yearCode}-${report.filter.period}.xlsx`,
      file: await workbookBuffer(compareWorkbook(report)),
    });
  }

  /** The every-school workbook of a unit (or the province), built in the background: 202 with the job to poll. */
  @Post('jobs')
  @HttpCode(202)
  @RequirePermission('reports.read')
  async createJob(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Body() body: CreateReportJobDto,
  ): Promise<ReportJob> {
    const { orgUnitId, ...job } = await this.jobs.create(scope, actor, body);
    await this.queue.enqueue({ orgUnitId, jobId: job.id });
    return job;
  }

  @Get('jobs/:jobId')
  @RequirePermission('reports.read')
  job(@Param('jobId', ParseUUIDPipe) jobId: string): Promise<ReportJob> {
    return this.jobs.job(jobId);
  }

  @Get('jobs/:jobId/file')
  @RequirePermission('reports.read')
  @ApiProduces(XLSX)
  async jobFile(@Param('jobId', ParseUUIDPipe) jobId: string): Promise<StreamableFile> {
    return xlsxFile(await this.jobs.file(jobId));
  }
}

/** A workbook as an attachment; the file name travels in ASCII and, exactly, in RFC 5987 form. */
export function xlsxFile(download: Download): StreamableFile {
  const ascii = download.fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\w.-]/g, '_');
  return new StreamableFile(download.file, {
    type: XLSX,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
    length: download.file.length,
  });
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  StatisticalReminderResult,
  StatisticalReport,
  StatisticalReportKind,
  SubmissionReminder,
  SubmissionStatusRow,
} from '@emis/contracts';
import { CurrentScope, RequirePermission, Scope } from '@emis/api/platform';
import type { Response } from 'express';
import {
  StatisticalFormQueryDto,
  StatisticalKindPipe,
  StatisticalManualDto,
  StatisticalReminderDto,
  StatisticalReopenDto,
  StatisticalStatusQueryDto,
  StatisticalSubmitDto,
} from './statistical-reports.dto';
import { StatisticalReportsService } from './statistical-reports.service';
import { StatisticalReviewService } from './statistical-review.service';
import { sendStatisticalWorkbook } from './statistical-report.workbook';

/** A school's official statistical report of a year: the start-of-year or the end-of-year form. */
@ApiTags('statistical-reports')
@Controller('schools/:schoolId')
export class SchoolStatisticalReportsController {
  constructor(private readonly reports: StatisticalReportsService) {}

  @Get('statistical-reports/:yearId/:kind')
  @RequirePermission('reports.read')
  get(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Param('kind', StatisticalKindPipe) kind: StatisticalReportKind,
  ): Promise<StatisticalReport> {
    return this.reports.get(scope, schoolId, yearId, kind);
  }

  @Put('statistical-reports/:yearId/:kind/manual')
  @RequirePermission('reports.submit')
  saveManual(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Param('kind', StatisticalKindPipe) kind: StatisticalReportKind,
    @Body() body: StatisticalManualDto,
  ): Promise<StatisticalReport> {
    return this.reports.saveManual(scope, schoolId, yearId, kind, { ...body.manual }, body.version);
  }

  @Post('statistical-reports/:yearId/:kind/submit')
  @HttpCode(200)
  @RequirePermission('reports.submit')
  submit(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Param('kind', StatisticalKindPipe) kind: StatisticalReportKind,
    @Body() body: StatisticalSubmitDto,
  ): Promise<StatisticalReport> {
    return this.reports.submit(scope, schoolId, yearId, kind, body.version);
  }

  @Post('statistical-reports/:yearId/:kind/reopen')
  @HttpCode(200)
  @RequirePermission('reports.review')
  reopen(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Param('kind', StatisticalKindPipe) kind: StatisticalReportKind,
    @Body() body: StatisticalReopenDto,
  ): Promise<StatisticalReport> {
    return this.reports.reopen(scope, schoolId, yearId, kind, body.reason);
  }

  /** The form in the official layout: one sheet per section, title and signature blocks. */
  @Get('statistical-reports/:yearId/:kind/export.xlsx')
  @RequirePermission('reports.read')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Param('kind', StatisticalKindPipe) kind: StatisticalReportKind,
    @Res() res: Response,
  ): Promise<void> {
    await sendStatisticalWorkbook(res, await this.reports.get(scope, schoolId, yearId, kind));
  }

  @Get('statistical-reminders')
  @RequirePermission('reports.read')
  reminders(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
  ): Promise<SubmissionReminder[]> {
    return this.reports.reminders(scope, schoolId);
  }
}

/** The department's and units' view of their schools' statistical reports. */
@ApiTags('statistical-reports')
@Controller('statistical-reports')
export class StatisticalReviewController {
  constructor(private readonly review: StatisticalReviewService) {}

  @Get('status')
  @RequirePermission('reports.review')
  status(@CurrentScope() scope: Scope, @Query() query: StatisticalStatusQueryDto): Promise<SubmissionStatusRow[]> {
    return this.review.status(scope, query);
  }

  @Post('reminders')
  @HttpCode(200)
  @RequirePermission('reports.review')
  remind(@CurrentScope() scope: Scope, @Body() body: StatisticalReminderDto): Promise<StatisticalReminderResult> {
    return this.review.remind(scope, body);
  }

  @Get('aggregate')
  @RequirePermission('reports.review')
  aggregate(@CurrentScope() scope: Scope, @Query() query: StatisticalFormQueryDto): Promise<StatisticalReport> {
    return this.review.aggregate(scope, query.yearId, query.kind, query.orgUnitId);
  }

  @Get('aggregate/export.xlsx')
  @RequirePermission('reports.review')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async aggregateExport(
    @CurrentScope() scope: Scope,
    @Query() query: StatisticalFormQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    await sendStatisticalWorkbook(res, await this.review.aggregate(scope, query.yearId, query.kind, query.orgUnitId));
  }
}

import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ClassResults, ResultPeriod } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import type { Response } from 'express';
import { ReportCardService } from './report-card.service';
import { PeriodPipe, PeriodQueryDto, ReportCardQueryDto } from './results.dto';
import { ResultsService } from './results.service';

/** A class's results per period, the summary workbook and the report cards. */
@ApiTags('gradebook')
@Controller('schools/:schoolId/classes/:classId')
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly reportCards: ReportCardService,
  ) {}

  @Get('results')
  @RequirePermission('grades.read')
  classResults(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Query() query: PeriodQueryDto,
  ): Promise<ClassResults> {
    return this.results.classResults(scope, actor, schoolId, classId, query.period);
  }

  /** The summary sheet (tổng hợp kết quả) as Excel; an export of pupils' data, audited. */
  @Get('results/export.xlsx')
  @RequirePermission('grades.read')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  exportResults(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Query() query: PeriodQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.results.exportSummary(scope, actor, schoolId, classId, query.period, res);
  }

  /** School admin, or the class's homeroom teacher (checked by the service). */
  @Post('results/:period')
  @HttpCode(200)
  @RequirePermission('results.store')
  store(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('period', PeriodPipe) period: ResultPeriod,
  ): Promise<ClassResults> {
    return this.results.store(scope, actor, schoolId, classId, period);
  }

  /** One page per pupil (the whole class, or `studentId`); audited as an export. */
  @Get('report-cards.pdf')
  @RequirePermission('grades.read')
  @ApiProduces('application/pdf')
  reportCardsPdf(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Query() query: ReportCardQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.reportCards.pdf(scope, actor, schoolId, classId, query, res);
  }
}

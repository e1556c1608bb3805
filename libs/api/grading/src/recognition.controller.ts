import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { SchoolRecognitionOverview, YearRecognitionSheet } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import type { Response } from 'express';
import { RecognitionYearQueryDto, YearRecognitionSaveDto } from './recognition.dto';
import { RecognitionService } from './recognition.service';

/** The year-end proposals of a class (awards, titles, primary programme completion) and the school's decisions. */
@ApiTags('gradebook')
@Controller('schools/:schoolId/classes/:classId/recognitions')
export class RecognitionController {
  constructor(private readonly recognitions: RecognitionService) {}

  @Get()
  @RequirePermission('grades.read')
  sheet(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
  ): Promise<YearRecognitionSheet> {
    return this.recognitions.sheet(scope, actor, schoolId, classId);
  }

  /** The school decides, as it decides the year-end promotion: the same permission. */
  @Put()
  @RequirePermission('students.promote')
  decide(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Body() body: YearRecognitionSaveDto,
  ): Promise<YearRecognitionSheet> {
    return this.recognitions.decide(scope, actor, schoolId, classId, body);
  }
}

/** The school's award decisions of a year, class by class, and the list of awards granted (docs/domain/gradebook.md). */
@ApiTags('gradebook')
@Controller('schools/:schoolId/recognitions')
export class SchoolRecognitionController {
  constructor(private readonly recognitions: RecognitionService) {}

  @Get()
  @RequirePermission('grades.read')
  overview(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: RecognitionYearQueryDto,
  ): Promise<SchoolRecognitionOverview> {
    return this.recognitions.overview(scope, schoolId, query.yearId);
  }

  /** The awards granted, as Excel (official page set-up); pupils' data leaves: the school decides, so it exports. */
  @Get('export.xlsx')
  @RequirePermission('students.promote')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  exportGranted(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: RecognitionYearQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.recognitions.exportGranted(scope, actor, schoolId, query.yearId, res);
  }
}

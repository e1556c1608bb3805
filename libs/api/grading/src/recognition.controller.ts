import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { YearRecognitionSheet } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { YearRecognitionSaveDto } from './recognition.dto';
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

import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ConductSheet } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { ConductSheetSaveDto } from './conduct.dto';
import { ConductService } from './conduct.service';
import { YEAR_CONDUCT } from './conduct.repository';
import { SemesterPipe } from './gradebook.dto';

@ApiTags('gradebook')
@Controller('schools/:schoolId/classes/:classId/conduct')
export class ConductController {
  constructor(private readonly conduct: ConductService) {}

  /**
   * The year conduct of a Circular 58 class (Art. 3.2), entered by the homeroom teacher, with the semester ratings
   * as a hint; 400 for a class of another scheme. Declared before `:semester` so that CN is not read as a semester.
   */
  @Get('CN')
  @RequirePermission('grades.read')
  yearSheet(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
  ): Promise<ConductSheet> {
    return this.conduct.sheet(scope, actor, schoolId, classId, YEAR_CONDUCT);
  }

  /** The homeroom teacher only (403 otherwise). */
  @Put('CN')
  @RequirePermission('conduct.record')
  saveYear(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Body() body: ConductSheetSaveDto,
  ): Promise<ConductSheet> {
    return this.conduct.save(scope, actor, schoolId, classId, YEAR_CONDUCT, body);
  }

  @Get(':semester')
  @RequirePermission('grades.read')
  sheet(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('semester', SemesterPipe) semester: 1 | 2,
  ): Promise<ConductSheet> {
    return this.conduct.sheet(scope, actor, schoolId, classId, semester);
  }

  /** The class's homeroom teacher only (checked by the service: 403 otherwise). */
  @Put(':semester')
  @RequirePermission('conduct.record')
  save(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('semester', SemesterPipe) semester: 1 | 2,
    @Body() body: ConductSheetSaveDto,
  ): Promise<ConductSheet> {
    return this.conduct.save(scope, actor, schoolId, classId, semester, body);
  }
}

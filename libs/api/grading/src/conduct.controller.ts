import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ConductSheet } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { ConductSheetSaveDto } from './conduct.dto';
import { ConductService } from './conduct.service';
import { ConductPeriodPipe } from './gradebook.dto';

@ApiTags('gradebook')
@Controller('schools/:schoolId/classes/:classId/conduct')
export class ConductController {
  constructor(private readonly conduct: ConductService) {}

  @Get(':semester')
  @RequirePermission('grades.read')
  sheet(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('semester', ConductPeriodPipe) semester: 0 | 1 | 2,
  ): Promise<ConductSheet> {
    return this.conduct.sheet(scope, actor, schoolId, classId, semester);
  }

  /**
   * The class's homeroom teacher only (checked by the service: 403 otherwise). `CN` enters a Circular 58 class's year
   * conduct (Art. 3.2).
   */
  @Put(':semester')
  @RequirePermission('conduct.record')
  save(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('semester', ConductPeriodPipe) semester: 0 | 1 | 2,
    @Body() body: ConductSheetSaveDto,
  ): Promise<ConductSheet> {
    return this.conduct.save(scope, actor, schoolId, classId, semester, body);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AttendanceSheet, MonthlyAttendance } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { AttendanceSheetUpdateDto, MonthQueryDto } from './attendance.dto';
import { AttendanceService } from './attendance.service';

@ApiTags('attendance')
@Controller('schools/:schoolId/classes/:classId/attendance')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get()
  @RequirePermission('attendance.read')
  monthly(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Query() query: MonthQueryDto,
  ): Promise<MonthlyAttendance> {
    return this.attendance.monthly(scope, actor, schoolId, classId, query.month);
  }

  @Get(':date')
  @RequirePermission('attendance.read')
  sheet(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('date') date: string,
  ): Promise<AttendanceSheet> {
    return this.attendance.sheet(scope, actor, schoolId, classId, date);
  }

  /** Teachers may record only the class they are homeroom teacher of (checked by the service: 403 otherwise). */
  @Put(':date')
  @RequirePermission('attendance.record')
  record(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Param('date') date: string,
    @Body() body: AttendanceSheetUpdateDto,
  ): Promise<AttendanceSheet> {
    return this.attendance.record(scope, actor, schoolId, classId, date, body);
  }
}

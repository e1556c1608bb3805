import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SchoolCalendar, SchoolYear, Subject } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { SchoolYearInputDto, SchoolYearUpdateDto, SemesterDatesDto, SubjectQueryDto } from './calendar.dto';
import { SchoolYearsService } from './school-years.service';

@ApiTags('calendar')
@Controller('school-years')
export class SchoolYearsController {
  constructor(private readonly years: SchoolYearsService) {}

  @Get()
  @RequirePermission('calendar.read')
  list(): Promise<SchoolYear[]> {
    return this.years.list();
  }

  @Post()
  @RequirePermission('calendar.manage')
  create(@CurrentPrincipal() actor: Principal, @Body() body: SchoolYearInputDto): Promise<SchoolYear> {
    return this.years.create(actor, body);
  }

  @Patch(':yearId')
  @RequirePermission('calendar.manage')
  update(
    @CurrentPrincipal() actor: Principal,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Body() body: SchoolYearUpdateDto,
  ): Promise<SchoolYear> {
    return this.years.update(actor, yearId, body);
  }

  @Post(':yearId/open')
  @HttpCode(200)
  @RequirePermission('calendar.manage')
  open(@CurrentPrincipal() actor: Principal, @Param('yearId', ParseUUIDPipe) yearId: string): Promise<SchoolYear> {
    return this.years.open(actor, yearId);
  }

  @Post(':yearId/close')
  @HttpCode(200)
  @RequirePermission('calendar.manage')
  close(@CurrentPrincipal() actor: Principal, @Param('yearId', ParseUUIDPipe) yearId: string): Promise<SchoolYear> {
    return this.years.close(actor, yearId);
  }
}

@ApiTags('calendar')
@Controller('subjects')
export class SubjectsController {
  constructor(private readonly years: SchoolYearsService) {}

  @Get()
  @RequirePermission('calendar.read')
  list(@Query() query: SubjectQueryDto): Promise<Subject[]> {
    return this.years.subjects(query.level);
  }
}

@ApiTags('calendar')
@Controller('schools/:schoolId/calendar/:yearId')
export class SchoolCalendarController {
  constructor(private readonly years: SchoolYearsService) {}

  @Get()
  @RequirePermission('calendar.read')
  get(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('yearId', ParseUUIDPipe) yearId: string,
  ): Promise<SchoolCalendar> {
    return this.years.calendar(scope, schoolId, yearId);
  }

  @Put()
  @RequirePermission('calendar.override')
  save(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Body() body: SemesterDatesDto,
  ): Promise<SchoolCalendar> {
    return this.years.saveOverride(scope, schoolId, yearId, body);
  }

  @Delete()
  @RequirePermission('calendar.override')
  drop(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('yearId', ParseUUIDPipe) yearId: string,
  ): Promise<SchoolCalendar> {
    return this.years.dropOverride(scope, schoolId, yearId);
  }
}

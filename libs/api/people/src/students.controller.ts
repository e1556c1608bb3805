import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { BulkResult, Page, StudentDetail, StudentSummary } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import type { Response } from 'express';
import { EnrolmentService } from './enrolment.service';
import { StudentExportService } from './student-export.service';
import {
  BulkEnrolmentDto,
  DropOutDto,
  EnrolmentRequestDto,
  StudentExportQueryDto,
  StudentInputDto,
  StudentListQueryDto,
  StudentUpdateDto,
} from './students.dto';
import { StudentsService } from './students.service';

@ApiTags('students')
@Controller('schools/:schoolId/students')
export class StudentsController {
  constructor(
    private readonly students: StudentsService,
    private readonly exporter: StudentExportService,
    private readonly enrolment: EnrolmentService,
  ) {}

  @Get()
  @RequirePermission('students.read')
  list(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: StudentListQueryDto,
  ): Promise<Page<StudentSummary>> {
    return this.students.list(actor, scope, schoolId, query);
  }

  /** Declared before ':studentId' so the literal segment wins. */
  @Get('export.xlsx')
  @RequirePermission('people.export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  export(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: StudentExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.exporter.export(scope, schoolId, query, res);
  }

  @Post()
  @RequirePermission('students.manage')
  create(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: StudentInputDto,
  ): Promise<StudentDetail> {
    return this.students.create(scope, schoolId, body);
  }

  @Post('bulk/enrol')
  @HttpCode(200)
  @RequirePermission('students.manage')
  bulkEnrol(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: BulkEnrolmentDto,
  ): Promise<BulkResult> {
    return this.enrolment.bulkEnrol(scope, schoolId, body);
  }

  @Get(':studentId')
  @RequirePermission('students.read')
  detail(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('studentId', ParseUUIDPipe) studentId: string,
  ): Promise<StudentDetail> {
    return this.students.detail(actor, scope, schoolId, studentId);
  }

  @Patch(':studentId')
  @RequirePermission('students.manage')
  update(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('studentId', ParseUUIDPipe) studentId: string,
    @Body() body: StudentUpdateDto,
  ): Promise<StudentDetail> {
    return this.students.update(scope, schoolId, studentId, body);
  }

  @Post(':studentId/enrolment')
  @HttpCode(200)
  @RequirePermission('students.manage')
  enrol(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('studentId', ParseUUIDPipe) studentId: string,
    @Body() body: EnrolmentRequestDto,
  ): Promise<StudentDetail> {
    return this.enrolment.enrol(scope, schoolId, studentId, body);
  }

  @Post(':studentId/drop-out')
  @HttpCode(200)
  @RequirePermission('students.manage')
  dropOut(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('studentId', ParseUUIDPipe) studentId: string,
    @Body() body: DropOutDto,
  ): Promise<StudentDetail> {
    return this.enrolment.dropOut(scope, schoolId, studentId, body);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ClassDetail, ClassSummary, Page, TeachingAssignment } from '@emis/contracts';
import {
  CurrentPrincipal,
  CurrentScope,
  ExportColumn,
  Principal,
  RequirePermission,
  Scope,
  streamXlsx,
} from '@emis/api/platform';
import { SchoolsService } from '@emis/api/tenancy';
import type { Response } from 'express';
import { AssignmentListQueryDto, ClassAssignmentsUpdateDto } from './assignments.dto';
import { AssignmentsService } from './assignments.service';
import { ClassInputDto, ClassListQueryDto, ClassUpdateDto } from './classes.dto';
import { ClassesService, rosterShownTo } from './classes.service';

const EXPORT_COLUMNS: ExportColumn<ClassSummary>[] = [
  { header: 'Năm học', width: 12, value: (c) => c.schoolYearCode },
  { header: 'Tên lớp', width: 10, value: (c) => c.name },
  { header: 'Khối', width: 8, value: (c) => c.grade },
  { header: 'Giáo viên chủ nhiệm', width: 28, value: (c) => c.homeroomName },
  { header: 'Phòng học', width: 12, value: (c) => c.room },
  { header: 'Chương trình', width: 24, value: (c) => c.programme },
  { header: 'Sĩ số', width: 8, value: (c) => c.size },
  {
    header: 'Vượt sĩ số tối đa',
    width: 16,
    value: (c) => (c.sizeWarning ? `+${c.sizeWarning.over} (tối đa ${c.sizeWarning.ceiling})` : null),
  },
];

@ApiTags('classes')
@Controller('schools/:schoolId')
export class ClassesController {
  constructor(
    private readonly classes: ClassesService,
    private readonly assignments: AssignmentsService,
    private readonly schools: SchoolsService,
  ) {}

  @Get('classes')
  @RequirePermission('classes.read')
  list(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: ClassListQueryDto,
  ): Promise<Page<ClassSummary>> {
    return this.classes.list(scope, schoolId, query);
  }

  /** Declared before `classes/:classId` so the path is not read as an id. */
  @Get('classes/export.xlsx')
  @RequirePermission('classes.read')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: ClassListQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const rows = await this.classes.exportRows(scope, schoolId, query);
    const heading = await this.schools.printedHeading(scope, schoolId, 'DANH SÁCH LỚP HỌC');
    await streamXlsx(res, 'danh-sach-lop.xlsx', 'Lớp học', EXPORT_COLUMNS, rows, { heading });
  }

  @Post('classes')
  @RequirePermission('classes.manage')
  async create(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: ClassInputDto,
  ): Promise<ClassDetail> {
    return rosterShownTo(actor.role, await this.classes.create(scope, schoolId, body));
  }

  @Get('classes/:classId')
  @RequirePermission('classes.read')
  detail(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
  ): Promise<ClassDetail> {
    return this.classes.detail(scope, actor.role, schoolId, classId);
  }

  @Patch('classes/:classId')
  @RequirePermission('classes.manage')
  async update(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Body() body: ClassUpdateDto,
  ): Promise<ClassDetail> {
    return rosterShownTo(actor.role, await this.classes.update(scope, schoolId, classId, body));
  }

  @Get('assignments')
  @RequirePermission('assignments.read')
  assignmentsOf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: AssignmentListQueryDto,
  ): Promise<TeachingAssignment[]> {
    return this.assignments.list(scope, schoolId, query);
  }

  @Put('classes/:classId/assignments')
  @RequirePermission('assignments.manage')
  replaceAssignments(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('classId', ParseUUIDPipe) classId: string,
    @Body() body: ClassAssignmentsUpdateDto,
  ): Promise<TeachingAssignment[]> {
    return this.assignments.replaceForClass(scope, schoolId, classId, body);
  }
}

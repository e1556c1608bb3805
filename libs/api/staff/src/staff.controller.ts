import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Page, StaffDetail, StaffSummary } from '@emis/contracts';
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
import { StaffExportQueryDto, StaffInputDto, StaffListQueryDto, StaffTransferDto, StaffUpdateDto } from './staff.dto';
import { StaffRecord } from './staff.repository';
import { StaffService } from './staff.service';
import { StaffTransferService } from './staff-transfer.service';

const POSITION_VI: Record<string, string> = {
  PRINCIPAL: 'Hiệu trưởng',
  VICE_PRINCIPAL: 'Phó hiệu trưởng',
  TEACHER: 'Giáo viên',
  STAFF: 'Nhân viên',
};
const CONTRACT_VI: Record<string, string> = { CIVIL_SERVANT: 'Biên chế', CONTRACT: 'Hợp đồng' };
const STATUS_VI: Record<string, string> = {
  ACTIVE: 'Đang làm việc',
  LEAVE: 'Nghỉ phép',
  RETIRED: 'Nghỉ hưu',
  TRANSFERRED: 'Đã chuyển công tác',
};

const EXPORT_COLUMNS: ExportColumn<StaffRecord>[] = [
  { header: 'Họ và tên', width: 28, value: (r) => r.fullName },
  { header: 'Mã định danh', width: 16, value: (r) => r.personalId },
  {
    header: 'Ngày sinh',
    width: 12,
    value: (r) => `${r.dateOfBirth.slice(8, 10)}/${r.dateOfBirth.slice(5, 7)}/${r.dateOfBirth.slice(0, 4)}`,
  },
  { header: 'Giới tính', width: 10, value: (r) => (r.gender === 'MALE' ? 'Nam' : 'Nữ') },
  { header: 'Chức vụ', width: 16, value: (r) => POSITION_VI[r.position] },
  { header: 'Loại hợp đồng', width: 14, value: (r) => CONTRACT_VI[r.contractType] },
  { header: 'Môn dạy', width: 24, value: (r) => r.subjects.join(', ') },
  { header: 'Điện thoại', width: 14, value: (r) => r.phone },
  { header: 'Email', width: 24, value: (r) => r.email },
  { header: 'Mã ngạch', width: 12, value: (r) => r.rankCode },
  { header: 'Hệ số lương', width: 10, value: (r) => r.salaryCoefficient },
  { header: 'Trạng thái', width: 16, value: (r) => STATUS_VI[r.status] },
];

@ApiTags('staff')
@Controller('schools/:schoolId/staff')
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly transfers: StaffTransferService,
    private readonly schools: SchoolsService,
  ) {}

  @Get()
  @RequirePermission('staff.read')
  list(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: StaffListQueryDto,
  ): Promise<Page<StaffSummary>> {
    return this.staff.list(actor, scope, schoolId, query);
  }

  /** Declared before `:staffId` so the path is not read as an id. */
  @Get('export.xlsx')
  @RequirePermission('people.export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: StaffExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { rows, watermark } = await this.staff.exportRows(scope, schoolId, query);
    const heading = await this.schools.printedHeading(scope, schoolId, 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN');
    await streamXlsx(res, 'danh-sach-can-bo.xlsx', 'Cán bộ', EXPORT_COLUMNS, rows, { watermark, heading });
  }

  @Post()
  @RequirePermission('staff.manage')
  create(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: StaffInputDto,
  ): Promise<StaffDetail> {
    return this.staff.create(scope, schoolId, body);
  }

  @Get(':staffId')
  @RequirePermission('staff.read')
  detail(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('staffId', ParseUUIDPipe) staffId: string,
  ): Promise<StaffDetail> {
    return this.staff.detail(actor, scope, schoolId, staffId);
  }

  @Patch(':staffId')
  @RequirePermission('staff.manage')
  update(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('staffId', ParseUUIDPipe) staffId: string,
    @Body() body: StaffUpdateDto,
  ): Promise<StaffDetail> {
    return this.staff.update(scope, schoolId, staffId, body);
  }

  /** A personnel decision of the department: answers the record as the receiving school now holds it. */
  @Post(':staffId/transfer')
  @RequirePermission('staff.transfer')
  transfer(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('staffId', ParseUUIDPipe) staffId: string,
    @Body() body: StaffTransferDto,
  ): Promise<StaffDetail> {
    return this.transfers.transfer(scope, schoolId, staffId, body);
  }
}

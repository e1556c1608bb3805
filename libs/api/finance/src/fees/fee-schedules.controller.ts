import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FeeSchedule, ImportJob } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope, streamXlsx } from '@emis/api/platform';
import {
  ImportJobDto,
  UploadedWorkbook,
  WORKBOOK_UPLOAD_BODY,
  WorkbookUpload,
  XLSX_CONTENT_TYPE,
} from '@emis/api/spreadsheets';
import { SchoolsService } from '@emis/api/tenancy';
import type { Response } from 'express';
import { SchoolYearQueryDto } from '../config/finance-config.dto';
import { AdoptProvinceDto, FeeScheduleAdoptionDto, FeeScheduleDto, FeeScheduleUpdateDto } from './fee-schedules.dto';
import { FeeSchedulesService } from './fee-schedules.service';
import { FEE_SCHEDULE_EXPORT_COLUMNS, feeSchedulesFileName } from './fee-schedules.workbook';

/** A school's fee schedules of a year (docs/domain/finance.md, "Who sets what"). */
@ApiTags('finance')
@Controller('schools/:schoolId/fee-schedules')
export class FeeSchedulesController {
  constructor(
    private readonly schedules: FeeSchedulesService,
    private readonly schools: SchoolsService,
  ) {}

  @Get()
  @RequirePermission('finance.read')
  list(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: SchoolYearQueryDto,
  ): Promise<FeeSchedule[]> {
    return this.schedules.list(scope, schoolId, query.schoolYearId);
  }

  @Post()
  @RequirePermission('finance.manage')
  create(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: FeeScheduleDto,
  ): Promise<FeeSchedule> {
    return this.schedules.create(scope, actor, schoolId, body);
  }

  /** Drafts of the province's tuition level and ranges the school does not have yet; the year's lines after. */
  @Post('adopt-province')
  @HttpCode(200)
  @RequirePermission('finance.manage')
  adoptProvince(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: AdoptProvinceDto,
  ): Promise<FeeSchedule[]> {
    return this.schedules.adoptProvince(scope, actor, schoolId, body.schoolYearId);
  }

  /** The year's lines not withdrawn, as a workbook that imports back. */
  @Get('export.xlsx')
  @RequirePermission('finance.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async export(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: SchoolYearQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { yearCode, lines } = await this.schedules.exportOfYear(scope, schoolId, query.schoolYearId);
    // The issuer lines go in the printed page's header only: a signature block under the rows would not import back.
    const heading = await this.schools.printedHeading(scope, schoolId, `CÁC KHOẢN THU NĂM HỌC ${yearCode}`);
    await streamXlsx(res, feeSchedulesFileName(yearCode), 'Khoản thu', FEE_SCHEDULE_EXPORT_COLUMNS, lines, {
      heading,
    });
  }

  /** Queues the import of the year's lines (followed at /api/schools/{schoolId}/imports/{jobId}). */
  @Post('import')
  @HttpCode(202)
  @RequirePermission('finance.manage')
  @UseInterceptors(WorkbookUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(WORKBOOK_UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ImportJobDto })
  import(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: SchoolYearQueryDto,
    @UploadedFile() file?: UploadedWorkbook,
  ): Promise<ImportJob> {
    return this.schedules.importYear(scope, actor, schoolId, query.schoolYearId, file);
  }

  @Patch(':id')
  @RequirePermission('finance.manage')
  update(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FeeScheduleUpdateDto,
  ): Promise<FeeSchedule> {
    return this.schedules.update(scope, actor, schoolId, id, body);
  }

  @Post(':id/adopt')
  @HttpCode(200)
  @RequirePermission('finance.manage')
  adopt(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FeeScheduleAdoptionDto,
  ): Promise<FeeSchedule> {
    return this.schedules.adopt(scope, actor, schoolId, id, body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission('finance.manage')
  withdraw(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FeeSchedule> {
    return this.schedules.withdraw(scope, actor, schoolId, id);
  }
}

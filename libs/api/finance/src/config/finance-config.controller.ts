import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FeeRange, ImportJob, Page, SchoolFinanceSetting, TuitionLevel } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope, streamXlsx } from '@emis/api/platform';
import {
  ImportJobDto,
  UploadedWorkbook,
  WORKBOOK_UPLOAD_BODY,
  WorkbookUpload,
  XLSX_CONTENT_TYPE,
} from '@emis/api/spreadsheets';
import type { Response } from 'express';
import {
  BankAccountDto,
  FeeRangeDto,
  SchoolAreaDto,
  SchoolSettingsQueryDto,
  SchoolYearQueryDto,
  TuitionLevelsDto,
} from './finance-config.dto';
import { FinanceConfigService } from './finance-config.service';
import { TUITION_LEVEL_EXPORT_COLUMNS, tuitionLevelsFileName } from './tuition-levels.workbook';

/**
 * The province's finance settings (docs/domain/finance.md, "Who sets what"): tuition levels, fee ranges, schools'
 * areas. Everyone who reads finance reads them; the department's administrator sets them.
 */
@ApiTags('finance')
@Controller('finance-config')
export class FinanceConfigController {
  constructor(private readonly config: FinanceConfigService) {}

  @Get('tuition-levels')
  @RequirePermission('finance.read')
  tuitionLevels(@Query() query: SchoolYearQueryDto): Promise<TuitionLevel[]> {
    return this.config.tuitionLevels(query.schoolYearId);
  }

  @Put('tuition-levels')
  @RequirePermission('finance.configure')
  replaceTuitionLevels(@CurrentPrincipal() actor: Principal, @Body() body: TuitionLevelsDto): Promise<TuitionLevel[]> {
    return this.config.replaceTuitionLevels(actor, body);
  }

  /** The year's table as a workbook that imports back unchanged. */
  @Get('tuition-levels/export.xlsx')
  @RequirePermission('finance.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async exportTuitionLevels(@Query() query: SchoolYearQueryDto, @Res() res: Response): Promise<void> {
    const { year, levels } = await this.config.tuitionLevelsOfYear(query.schoolYearId);
    await streamXlsx(res, tuitionLevelsFileName(year.code), 'Mức học phí', TUITION_LEVEL_EXPORT_COLUMNS, levels);
  }

  /** Queues the import of a table (followed at /api/schools/{the department's id}/imports/{jobId}). */
  @Post('tuition-levels/import')
  @HttpCode(202)
  @RequirePermission('finance.configure')
  @UseInterceptors(WorkbookUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(WORKBOOK_UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ImportJobDto })
  importTuitionLevels(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Query() query: SchoolYearQueryDto,
    @UploadedFile() file?: UploadedWorkbook,
  ): Promise<ImportJob> {
    return this.config.importTuitionLevels(scope, actor, query.schoolYearId, file);
  }

  @Get('fee-ranges')
  @RequirePermission('finance.read')
  feeRanges(@Query() query: SchoolYearQueryDto): Promise<FeeRange[]> {
    return this.config.feeRanges(query.schoolYearId);
  }

  @Post('fee-ranges')
  @RequirePermission('finance.configure')
  createFeeRange(@CurrentPrincipal() actor: Principal, @Body() body: FeeRangeDto): Promise<FeeRange> {
    return this.config.createFeeRange(actor, body);
  }

  @Patch('fee-ranges/:id')
  @RequirePermission('finance.configure')
  updateFeeRange(
    @CurrentPrincipal() actor: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FeeRangeDto,
  ): Promise<FeeRange> {
    return this.config.updateFeeRange(actor, id, body);
  }

  @Delete('fee-ranges/:id')
  @HttpCode(204)
  @RequirePermission('finance.configure')
  deleteFeeRange(@CurrentPrincipal() actor: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.config.deleteFeeRange(actor, id);
  }

  @Get('schools')
  @RequirePermission('finance.read')
  schools(@CurrentScope() scope: Scope, @Query() query: SchoolSettingsQueryDto): Promise<Page<SchoolFinanceSetting>> {
    return this.config.schoolSettings(scope, query);
  }

  @Put('schools/:schoolId')
  @RequirePermission('finance.configure')
  setArea(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: SchoolAreaDto,
  ): Promise<SchoolFinanceSetting> {
    return this.config.setArea(scope, actor, schoolId, body.area);
  }
}

/** A school's own finance settings: the account families pay into (its area is the department's). */
@ApiTags('finance')
@Controller('schools/:schoolId/finance-setting')
export class SchoolFinanceSettingController {
  constructor(private readonly config: FinanceConfigService) {}

  @Get()
  @RequirePermission('finance.read')
  setting(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
  ): Promise<SchoolFinanceSetting> {
    return this.config.setting(scope, schoolId);
  }

  @Put()
  @RequirePermission('finance.manage')
  setBankAccount(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: BankAccountDto,
  ): Promise<SchoolFinanceSetting> {
    return this.config.setBankAccount(scope, actor, schoolId, body);
  }
}

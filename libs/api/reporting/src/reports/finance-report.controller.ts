import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FinanceReport } from '@emis/contracts';
import { CurrentScope, RequirePermission, Scope } from '@emis/api/platform';
import { financeWorkbook } from './finance-report.workbook';
import { FinanceReportService } from './finance-report.service';
import { workbookBuffer } from './report-workbook';
import { XLSX, xlsxFile } from './reports.controller';
import { FinanceReportQueryDto } from './reports.dto';

/**
 * The finance of the department, a unit or a school (the caller's scope), and its workbook. finance.read, not
 * reports.read: the school's accountant reads it too, and a department report reader without finance does not.
 */
@ApiTags('reports')
@Controller('reports/finance')
export class FinanceReportController {
  constructor(private readonly finance: FinanceReportService) {}

  @Get(':orgUnitId')
  @RequirePermission('finance.read')
  report(
    @CurrentScope() scope: Scope,
    @Param('orgUnitId', ParseUUIDPipe) orgUnitId: string,
    @Query() query: FinanceReportQueryDto,
  ): Promise<FinanceReport> {
    return this.finance.report(scope, orgUnitId, query);
  }

  @Get(':orgUnitId/export.xlsx')
  @RequirePermission('finance.read')
  @ApiProduces(XLSX)
  async reportXlsx(
    @CurrentScope() scope: Scope,
    @Param('orgUnitId', ParseUUIDPipe) orgUnitId: string,
    @Query() query: FinanceReportQueryDto,
  ): Promise<StreamableFile> {
    const report = await this.finance.report(scope, orgUnitId, query);
    return xlsxFile({
      fileName: `tai-chinh-${report.unit.code}-${report.filter.yearCode}.xlsx`,
      file: await workbookBuffer(financeWorkbook(report)),
    });
  }
}

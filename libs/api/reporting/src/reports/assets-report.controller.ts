import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AssetsReport } from '@emis/contracts';
import { CurrentScope, RequirePermission, Scope } from '@emis/api/platform';
import { assetsWorkbook } from './assets-report.workbook';
import { AssetsReportService } from './assets-report.service';
import { workbookBuffer } from './report-workbook';
import { XLSX, xlsxFile } from './reports.controller';
import { AssetsReportQueryDto } from './reports.dto';

/** The public assets of the department, a unit or a school (the caller's scope), and their workbook. */
@ApiTags('reports')
@Controller('reports/assets')
export class AssetsReportController {
  constructor(private readonly assets: AssetsReportService) {}

  @Get(':orgUnitId')
  @RequirePermission('reports.read')
  report(
    @CurrentScope() scope: Scope,
    @Param('orgUnitId', ParseUUIDPipe) orgUnitId: string,
    @Query() query: AssetsReportQueryDto,
  ): Promise<AssetsReport> {
    return this.assets.report(scope, orgUnitId, query);
  }

  @Get(':orgUnitId/export.xlsx')
  @RequirePermission('reports.read')
  @ApiProduces(XLSX)
  async reportXlsx(
    @CurrentScope() scope: Scope,
    @Param('orgUnitId', ParseUUIDPipe) orgUnitId: string,
    @Query() query: AssetsReportQueryDto,
  ): Promise<StreamableFile> {
    const report = await this.assets.report(scope, orgUnitId, query);
    return xlsxFile({
      fileName: `tai-san-${report.unit.code}-${report.filter.asOf}.xlsx`,
      file: await workbookBuffer(assetsWorkbook(report)),
    });
  }
}

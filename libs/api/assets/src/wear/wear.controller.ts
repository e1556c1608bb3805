import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { WearRun, WearTable } from '@emis/contracts';
import {
  CurrentPrincipal,
  CurrentScope,
  Principal,
  RequirePermission,
  Scope,
  sendPdf,
  streamXlsx,
} from '@emis/api/platform';
import { SchoolsService } from '@emis/api/tenancy';
import type { Response } from 'express';
import { WEAR_TABLE_COLUMNS, wearTableLines } from './wear-table.document';
import { WearRunInputDto, WearYearPipe, WearYearQueryDto } from './wear.dto';
import { WearService } from './wear.service';

/** The xlsx headers carry both languages: "Nguyên giá (Cost)". */
const XLSX_COLUMNS = WEAR_TABLE_COLUMNS.map((c) => ({ ...c, header: `${c.header} (${c.en})` }));

/** A school's wear (hao mòn): the year's table or preview, its runs, and the table as Excel and PDF. */
@ApiTags('assets')
@Controller('schools/:schoolId/asset-wear')
export class SchoolWearController {
  constructor(
    private readonly wear: WearService,
    private readonly schools: SchoolsService,
  ) {}

  @Get()
  @RequirePermission('assets.read')
  table(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: WearYearQueryDto,
  ): Promise<WearTable> {
    return this.wear.table(scope, schoolId, query.year);
  }

  /** Queues the year's run: 202 with the run to poll (Art. 12.1.a: from 1 December of the year on). */
  @Post('runs')
  @HttpCode(202)
  @RequirePermission('assets.wear')
  startRun(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: WearRunInputDto,
  ): Promise<WearRun> {
    return this.wear.startSchoolRun(scope, actor, schoolId, body.year);
  }

  @Get('runs/:runId')
  @RequirePermission('assets.read')
  run(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('runId', ParseUUIDPipe) runId: string,
  ): Promise<WearRun> {
    return this.wear.schoolRun(scope, schoolId, runId);
  }

  @Get(':year/export.xlsx')
  @RequirePermission('assets.read')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async exportXlsx(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('year', WearYearPipe) year: number,
    @Res() res: Response,
  ): Promise<void> {
    const table = await this.wear.exportTable(scope, schoolId, year);
    const heading = await this.schools.printedHeading(scope, schoolId, `BẢNG TÍNH HAO MÒN TÀI SẢN CỐ ĐỊNH NĂM ${year}`);
    await streamXlsx(res, `bang-tinh-hao-mon-${year}.xlsx`, `Hao mòn ${year}`, XLSX_COLUMNS, wearTableLines(table), {
      heading,
      signatures: true,
    });
  }

  @Get(':year/export.pdf')
  @RequirePermission('assets.read')
  @ApiProduces('application/pdf')
  async exportPdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('year', WearYearPipe) year: number,
    @Res() res: Response,
  ): Promise<void> {
    sendPdf(res, `bang-tinh-hao-mon-${year}.pdf`, await this.wear.tablePdf(scope, schoolId, year));
  }
}

/** The department's run over every school of the province. */
@ApiTags('assets')
@Controller('asset-wear')
export class ProvinceWearController {
  constructor(private readonly wear: WearService) {}

  @Post('runs')
  @HttpCode(202)
  @RequirePermission('assets.configure')
  startRun(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Body() body: WearRunInputDto,
  ): Promise<WearRun> {
    return this.wear.startProvinceRun(scope, actor, body.year);
  }

  @Get('runs/:runId')
  @RequirePermission('assets.configure')
  run(@Param('runId', ParseUUIDPipe) runId: string): Promise<WearRun> {
    return this.wear.provinceRun(runId);
  }
}

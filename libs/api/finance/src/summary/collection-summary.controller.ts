import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CollectionSummary } from '@emis/contracts';
import { CurrentScope, fileDownload, RequirePermission, Scope } from '@emis/api/platform';
import { XLSX_CONTENT_TYPE } from '@emis/api/spreadsheets';
import { CollectionSummaryQueryDto } from './collection-summary.dto';
import { CollectionSummaryService, SummaryQuery } from './collection-summary.service';

/** The collection summary (tổng hợp thu) by class, grade or period. */
@ApiTags('finance')
@Controller('schools/:schoolId')
export class CollectionSummaryController {
  constructor(private readonly summaries: CollectionSummaryService) {}

  @Get('collection-summary')
  @RequirePermission('finance.read')
  summary(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() q: CollectionSummaryQueryDto,
  ): Promise<CollectionSummary> {
    return this.summaries.summary(scope, schoolId, queryOf(q));
  }

  @Get('collection-summary.xlsx')
  @RequirePermission('finance.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async xlsx(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() q: CollectionSummaryQueryDto,
  ): Promise<StreamableFile> {
    const { fileName, file } = await this.summaries.summaryFile(scope, schoolId, queryOf(q), 'xlsx');
    return fileDownload(file, fileName, XLSX_CONTENT_TYPE);
  }

  @Get('collection-summary.pdf')
  @RequirePermission('finance.read')
  @ApiProduces('application/pdf')
  async pdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() q: CollectionSummaryQueryDto,
  ): Promise<StreamableFile> {
    const { fileName, file } = await this.summaries.summaryFile(scope, schoolId, queryOf(q), 'pdf');
    return fileDownload(file, fileName, 'application/pdf');
  }
}

function queryOf(q: CollectionSummaryQueryDto): SummaryQuery {
  return { schoolYearId: q.schoolYearId, periodId: q.periodId ?? null, by: q.by ?? 'class' };
}

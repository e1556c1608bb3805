import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ImportJob, Page } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, PageQueryDto, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { ImportJobDto, ImportJobPageDto } from './imports.dto';
import { Download, ImportsService } from './imports.service';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Following import jobs, of every kind. Each upload route (and template) belongs to the context that owns the kind:
 * students in people, staff in staff, the sổ điểm in grading; they queue the file with ImportsService.upload.
 */
@ApiTags('imports')
@Controller('schools/:schoolId/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get()
  @RequirePermission('people.import')
  @ApiOkResponse({ type: ImportJobPageDto })
  list(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ImportJob>> {
    return this.imports.list(scope, schoolId, query);
  }

  /** people.import (any job of the school) or grades.enter (the caller's own gradebook imports): checked by the service. */
  @Get(':jobId')
  @ApiOkResponse({ type: ImportJobDto })
  job(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('jobId', ParseUUIDPipe) jobId: string,
  ): Promise<ImportJob> {
    return this.imports.job(scope, actor, schoolId, jobId);
  }

  /** As the job itself: people.import, or grades.enter for the caller's own gradebook imports. */
  @Get(':jobId/errors.xlsx')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async errors(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('jobId', ParseUUIDPipe) jobId: string,
  ): Promise<StreamableFile> {
    return attachment(await this.imports.errorWorkbook(scope, actor, schoolId, jobId));
  }
}

export function attachment(download: Download): StreamableFile {
  const ascii = download.fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]/g, '_');
  return new StreamableFile(download.file, {
    type: XLSX_CONTENT_TYPE,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
    length: download.file.length,
  });
}

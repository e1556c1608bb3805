import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ImportJob, ImportKind, Page } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, PageQueryDto, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { ImportJobDto, ImportJobPageDto, WORKBOOK_UPLOAD_BODY } from './imports.dto';
import { Download, ImportsService } from './imports.service';
import { UploadedWorkbook, WorkbookUpload } from './workbook-upload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('imports')
@Controller('schools/:schoolId/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('templates/students.xlsx')
  @RequirePermission('people.import')
  @ApiProduces(XLSX)
  async studentTemplate(@CurrentScope() scope: Scope, @Param('schoolId', ParseUUIDPipe) schoolId: string): Promise<StreamableFile> {
    return attachment(await this.imports.template(scope, schoolId, 'STUDENTS'));
  }

  @Get('templates/staff.xlsx')
  @RequirePermission('people.import')
  @ApiProduces(XLSX)
  async staffTemplate(@CurrentScope() scope: Scope, @Param('schoolId', ParseUUIDPipe) schoolId: string): Promise<StreamableFile> {
    return attachment(await this.imports.template(scope, schoolId, 'STAFF'));
  }

  @Post('students')
  @HttpCode(202)
  @RequirePermission('people.import')
  @UseInterceptors(WorkbookUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(WORKBOOK_UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ImportJobDto })
  importStudents(@CurrentScope() scope: Scope, @CurrentPrincipal() actor: Principal, @Param('schoolId', ParseUUIDPipe) schoolId: string, @UploadedFile() file?: UploadedWorkbook): Promise<ImportJob> {
    return this.upload(scope, actor, schoolId, 'STUDENTS', file);
  }

  @Post('staff')
  @HttpCode(202)
  @RequirePermission('people.import')
  @UseInterceptors(WorkbookUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(WORKBOOK_UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ImportJobDto })
  importStaff(@CurrentScope() scope: Scope, @CurrentPrincipal() actor: Principal, @Param('schoolId', ParseUUIDPipe) schoolId: string, @UploadedFile() file?: UploadedWorkbook): Promise<ImportJob> {
    return this.upload(scope, actor, schoolId, 'STAFF', file);
  }

  @Get()
  @RequirePermission('people.import')
  @ApiOkResponse({ type: ImportJobPageDto })
  list(@CurrentScope() scope: Scope, @Param('schoolId', ParseUUIDPipe) schoolId: string, @Query() query: PageQueryDto): Promise<Page<ImportJob>> {
    return this.imports.list(scope, schoolId, query);
  }

  /** people.import (any job of the school) or grades.enter (the caller's own gradebook imports): checked by the service. */
  @Get(':jobId')
  @ApiOkResponse({ type: ImportJobDto })
  job(@CurrentScope() scope: Scope, @CurrentPrincipal() actor: Principal, @Param('schoolId', ParseUUIDPipe) schoolId: string, @Param('jobId', ParseUUIDPipe) jobId: string): Promise<ImportJob> {
    return this.imports.job(scope, actor, schoolId, jobId);
  }

  /** As the job itself: people.import, or grades.enter for the caller's own gradebook imports. */
  @Get(':jobId/errors.xlsx')
  @ApiProduces(XLSX)
  async errors(@CurrentScope() scope: Scope, @CurrentPrincipal() actor: Principal, @Param('schoolId', ParseUUIDPipe) schoolId: string, @Param('jobId', ParseUUIDPipe) jobId: string): Promise<StreamableFile> {
    return attachment(await this.imports.errorWorkbook(scope, actor, schoolId, jobId));
  }

  private upload(scope: Scope, actor: Principal, schoolId: string, kind: ImportKind, file: UploadedWorkbook | undefined): Promise<ImportJob> {
    return this.imports.upload(scope, actor, schoolId, kind, file);
  }
}

export function attachment(download: Download): StreamableFile {
  const ascii = download.fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\w.-]/g, '_');
  return new StreamableFile(download.file, {
    type: XLSX,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
    length: download.file.length,
  });
}

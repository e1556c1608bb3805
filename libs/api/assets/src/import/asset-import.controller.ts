import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ImportJob } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import {
  attachment,
  ImportJobDto,
  ImportsService,
  UploadedWorkbook,
  WORKBOOK_UPLOAD_BODY,
  WorkbookUpload,
  XLSX_CONTENT_TYPE,
} from '@emis/api/spreadsheets';
import { AssetImporter } from './asset-importer';

/** The asset list in Excel: its template, and the upload that queues an import job (followed at …/imports/:jobId). */
@ApiTags('imports')
@Controller('schools/:schoolId/imports')
export class AssetImportController {
  constructor(
    private readonly importer: AssetImporter,
    private readonly imports: ImportsService,
  ) {}

  @Get('templates/assets.xlsx')
  @RequirePermission('assets.manage')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async assetTemplate(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
  ): Promise<StreamableFile> {
    return attachment(await this.importer.template(scope, schoolId));
  }

  @Post('assets')
  @HttpCode(202)
  @RequirePermission('assets.manage')
  @UseInterceptors(WorkbookUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(WORKBOOK_UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ImportJobDto })
  importAssets(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @UploadedFile() file?: UploadedWorkbook,
  ): Promise<ImportJob> {
    return this.imports.upload(scope, actor, schoolId, 'ASSETS', file);
  }
}

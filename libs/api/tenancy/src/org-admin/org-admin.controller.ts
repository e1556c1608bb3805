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
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ImportJob, OrgUnitAdminDetail, OrgUnitAdminItem, Page } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope, streamXlsx } from '@emis/api/platform';
import {
  attachment,
  buildTemplate,
  ImportJobDto,
  ImportsService,
  UploadedWorkbook,
  WORKBOOK_UPLOAD_BODY,
  WorkbookUpload,
  XLSX_CONTENT_TYPE,
} from '@emis/api/spreadsheets';
import type { Response } from 'express';
import {
  OrgUnitAdminQueryDto,
  OrgUnitCloseDto,
  OrgUnitCreateDto,
  OrgUnitMoveDto,
  OrgUnitReopenDto,
  OrgUnitUpdateDto,
} from './org-admin.dto';
import { OrgAdminService } from './org-admin.service';
import { ORG_UNIT_EXPORT_COLUMNS, SCHOOL_LIST_LAYOUT } from './school-list.workbook';
import { UnitLifecycleService } from './unit-lifecycle.service';

/**
 * Organisation administration (libs/contracts organisation.ts): department and unit staff read the tree they see
 * (org.read); the department's administrator changes it (org.manage).
 */
@ApiTags('org-admin')
@Controller('org-admin/units')
export class OrgAdminController {
  constructor(
    private readonly units: OrgAdminService,
    private readonly lifecycle: UnitLifecycleService,
    private readonly imports: ImportsService,
  ) {}

  @Get()
  @RequirePermission('org.read')
  list(@CurrentScope() scope: Scope, @Query() query: OrgUnitAdminQueryDto): Promise<Page<OrgUnitAdminItem>> {
    return this.units.list(scope, query);
  }

  /** The list (same filters) as a workbook whose first columns are the school list's import layout. */
  @Get('export')
  @RequirePermission('org.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async export(@CurrentScope() scope: Scope, @Query() query: OrgUnitAdminQueryDto, @Res() res: Response) {
    const rows = await this.units.listAll(scope, query);
    await streamXlsx(res, 'don-vi-truong.xlsx', 'Đơn vị và trường', ORG_UNIT_EXPORT_COLUMNS, rows);
  }

  @Get('import/template')
  @RequirePermission('org.manage')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async template(): Promise<StreamableFile> {
    return attachment({
      fileName: SCHOOL_LIST_LAYOUT.templateFileName,
      file: await buildTemplate(SCHOOL_LIST_LAYOUT, []),
    });
  }

  /** Queues the import (followed at /api/schools/{the department's id}/imports/{jobId}). */
  @Post('import')
  @HttpCode(202)
  @RequirePermission('org.manage')
  @UseInterceptors(WorkbookUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(WORKBOOK_UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ImportJobDto })
  import(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @UploadedFile() file?: UploadedWorkbook,
  ): Promise<ImportJob> {
    return this.imports.upload(scope, actor, actor.orgUnitId, 'SCHOOL_LIST', file);
  }

  @Get(':unitId')
  @RequirePermission('org.read')
  detail(@CurrentScope() scope: Scope, @Param('unitId', ParseUUIDPipe) id: string): Promise<OrgUnitAdminDetail> {
    return this.units.detail(scope, id);
  }

  @Post()
  @RequirePermission('org.manage')
  create(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Body() body: OrgUnitCreateDto,
  ): Promise<OrgUnitAdminDetail> {
    return this.units.create(scope, actor, body);
  }

  @Patch(':unitId')
  @RequirePermission('org.manage')
  correct(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('unitId', ParseUUIDPipe) id: string,
    @Body() body: OrgUnitUpdateDto,
  ): Promise<OrgUnitAdminDetail> {
    return this.units.correct(scope, actor, id, body);
  }

  @Post(':unitId/move')
  @HttpCode(200)
  @RequirePermission('org.manage')
  move(
    @CurrentScope() scope: Scope,
    @Param('unitId', ParseUUIDPipe) id: string,
    @Body() body: OrgUnitMoveDto,
  ): Promise<OrgUnitAdminDetail> {
    return this.lifecycle.move(scope, id, body);
  }

  @Post(':unitId/close')
  @HttpCode(200)
  @RequirePermission('org.manage')
  close(
    @CurrentScope() scope: Scope,
    @Param('unitId', ParseUUIDPipe) id: string,
    @Body() body: OrgUnitCloseDto,
  ): Promise<OrgUnitAdminDetail> {
    return this.lifecycle.close(scope, id, body);
  }

  @Post(':unitId/reopen')
  @HttpCode(200)
  @RequirePermission('org.manage')
  reopen(
    @CurrentScope() scope: Scope,
    @Param('unitId', ParseUUIDPipe) id: string,
    @Body() body: OrgUnitReopenDto,
  ): Promise<OrgUnitAdminDetail> {
    return this.lifecycle.reopen(scope, id, body);
  }
}

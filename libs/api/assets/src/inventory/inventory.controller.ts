import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AssetInventory, ImportJob, InventoryLine } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, fileDownload, Principal, RequirePermission, Scope } from '@emis/api/platform';
import {
  attachment,
  ImportJobDto,
  UploadedWorkbook,
  WORKBOOK_UPLOAD_BODY,
  WorkbookUpload,
  XLSX_CONTENT_TYPE,
} from '@emis/api/spreadsheets';
import type { Download } from '@emis/api/spreadsheets';
import {
  InventoryApproveDto,
  InventoryCloseDto,
  InventoryLineDto,
  InventoryLocationQueryDto,
  InventoryOpenDto,
  InventoryScanDto,
  InventorySurplusDto,
} from './inventory.dto';
import { InventoryApprovalService } from './inventory-approval.service';
import { InventoryPapersService } from './inventory-papers.service';
import { InventoryService } from './inventory.service';

const PDF = 'application/pdf';

/**
 * The annual inventory (kiểm kê): open, count (on screen, by scanning labels, or from the filled-in checklist), close
 * with the committee, approve (the head: assets.approve), and its papers.
 */
@ApiTags('assets')
@Controller('schools/:schoolId/asset-inventories')
export class InventoryController {
  constructor(
    private readonly inventories: InventoryService,
    private readonly approval: InventoryApprovalService,
    private readonly papers: InventoryPapersService,
  ) {}

  @Post()
  @RequirePermission('assets.manage')
  open(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: InventoryOpenDto,
  ): Promise<AssetInventory> {
    return this.inventories.open(scope, schoolId, body);
  }

  @Get()
  @RequirePermission('assets.read')
  list(@CurrentScope() scope: Scope, @Param('schoolId', ParseUUIDPipe) schoolId: string): Promise<AssetInventory[]> {
    return this.inventories.list(scope, schoolId);
  }

  @Get(':inventoryId')
  @RequirePermission('assets.read')
  detail(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('inventoryId', ParseUUIDPipe) inventoryId: string,
    @Query() query: InventoryLocationQueryDto,
  ): Promise<AssetInventory> {
    return this.inventories.detail(scope, schoolId, inventoryId, query.locationId);
  }

  @Get(':inventoryId/checklist.xlsx')
  @RequirePermission('assets.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async checklistXlsx(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('inventoryId', ParseUUIDPipe) inventoryId: string,
    @Query() query: InventoryLocationQueryDto,
  ): Promise<StreamableFile> {
    return attachment(await this.papers.checklist(scope, schoolId, inventoryId, 'xlsx', query.locationId));
  }

  @Get(':inventoryId/checklist.pdf')
  @RequirePermission('assets.read')
  @ApiProduces(PDF)
  async checklistPdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('inventoryId', ParseUUIDPipe) inventoryId: string,
    @Query() query: InventoryLocationQueryDto,
  ): Promise<StreamableFile> {
    return pdf(await this.papers.checklist(scope, schoolId, inventoryId, 'pdf', query.locationId));
  }

  @Put(':inventoryId/lines/:lineId')
  @RequirePermission('assets.manage')
  countLine(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('inventoryId', ParseUUIDPipe) inventoryId: string,
    @Param('lineId', ParseUUIDPipe) lineId: string,
    @Body() body: InventoryLineDto,
  ): Promise<InventoryLine> {
    return this.inventories.countLine(scope, actor, schoolId, inventoryId, lineId, body);
  }

  @Post(':inventoryId/scan')
  @HttpCode(200)
  @RequirePermission('assets.manage')
  scan(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('inventoryId', ParseUUIDPipe) inventoryId: string,
    @Body() body: InventoryScanDto,
  ): Promise<InventoryLine> {
    return this.inventories.scan(scope, actor, schoolId, inventoryId, body.code);
  }

  @Post(':inventoryId/surplus')
  @RequirePermission('assets.manage')
  addSurplus(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('inventoryId', ParseUUIDPipe) inventoryId: string,
    @Body() body: InventorySurplusDto,
  ): Promise<InventoryLine> {
    return this.inventories.addSurplus(scope, actor, schoolId, inventoryId, body);
  }

  /** The filled-in checklist back: 202 with an import job, followed at GET …/imports/:jobId (and …/errors.xlsx). */
  @Post(':inventoryId/import')
  @HttpCode(202)
  @RequirePermission('assets.manage')
  @UseInterceptors(WorkbookUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(WORKBOOK_UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ImportJobDto })
  importChecklist(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('inventoryId', ParseUUIDPipe) inventoryId: string,
    @UploadedFile() file?: UploadedWorkbook,
  ): Promise<ImportJob> {
    return this.inventories.uploadChecklist(scope, actor, schoolId, inventoryId, file);
  }

  @Post(':inventoryId/close')
  @HttpCode(200)
  @RequirePermission('assets.manage')
  close(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('inventoryId', ParseUUIDPipe) inventoryId: string,
    @Body() body: InventoryCloseDto,
  ): Promise<AssetInventory> {
    return this.inventories.close(scope, schoolId, inventoryId, body.committee);
  }

  @Post(':inventoryId/approve')
  @HttpCode(200)
  @RequirePermission('assets.approve')
  approve(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('inventoryId', ParseUUIDPipe) inventoryId: string,
    @Body() body: InventoryApproveDto,
  ): Promise<AssetInventory> {
    return this.approval.approve(scope, schoolId, inventoryId, body.decisionNumber);
  }

  @Get(':inventoryId/report.xlsx')
  @RequirePermission('assets.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async reportXlsx(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('inventoryId', ParseUUIDPipe) inventoryId: string,
  ): Promise<StreamableFile> {
    return attachment(await this.papers.report(scope, schoolId, inventoryId, 'xlsx'));
  }

  @Get(':inventoryId/report.pdf')
  @RequirePermission('assets.read')
  @ApiProduces(PDF)
  async reportPdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('inventoryId', ParseUUIDPipe) inventoryId: string,
  ): Promise<StreamableFile> {
    return pdf(await this.papers.report(scope, schoolId, inventoryId, 'pdf'));
  }
}

function pdf(download: Download): StreamableFile {
  return fileDownload(download.file, download.fileName, PDF);
}

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
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AssetAttachment, AssetDetail, AssetSummary, Page } from '@emis/contracts';
import { CurrentScope, ExportColumn, fileDownload, RequirePermission, Scope, streamXlsx } from '@emis/api/platform';
import { SchoolsService } from '@emis/api/tenancy';
import type { Response } from 'express';
import { AssetRecord } from '../assets.repository';
import { ASSET_CLASS_VI, ASSET_CONDITION_VI, ASSET_KIND_VI, ASSET_STATUS_VI, FUNDING_SOURCE_VI } from '../asset-words';
import { AssetAttachmentsService } from './asset-attachments.service';
import { ATTACHMENT_UPLOAD_BODY, AttachmentUpload, UploadedAttachment } from './attachment-file';
import { CostChangeService } from './cost-change.service';
import { AssetInputDto, AssetListQueryDto, AssetUpdateDto, AttachmentUploadDto, CostChangeDto } from './register.dto';
import { RegisterService } from './register.service';

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null);

/** The register as schools list it in Excel: money in whole đồng, dates dd/MM/yyyy, codes in Vietnamese. */
const EXPORT_COLUMNS: ExportColumn<AssetRecord>[] = [
  { header: 'Mã tài sản', width: 14, value: (r) => r.code },
  { header: 'Tên tài sản', width: 36, value: (r) => r.name },
  { header: 'Loại', width: 18, value: (r) => ASSET_KIND_VI[r.kind] },
  { header: 'Nhóm', width: 26, value: (r) => ASSET_CLASS_VI[r.assetClass] },
  { header: 'Số lượng', width: 10, value: (r) => r.quantity },
  { header: 'Đơn vị tính', width: 10, value: (r) => r.unit },
  { header: 'Đơn giá (đ)', width: 16, value: (r) => r.unitCost },
  { header: 'Nguyên giá (đ)', width: 18, value: (r) => r.cost },
  { header: 'Hao mòn lũy kế (đ)', width: 18, value: (r) => r.accumulatedWear },
  { header: 'Giá trị còn lại (đ)', width: 18, value: (r) => r.remainingValue },
  { header: 'Nguồn hình thành', width: 20, value: (r) => FUNDING_SOURCE_VI[r.fundingSource] },
  { header: 'Ngày đưa vào sử dụng', width: 14, value: (r) => dmy(r.inUseOn) },
  { header: 'Chứng từ', width: 18, value: (r) => r.documentNumber },
  { header: 'Vị trí', width: 24, value: (r) => (r.location ? `${r.location.building} – ${r.location.room}` : null) },
  { header: 'Người sử dụng, quản lý', width: 22, value: (r) => r.responsible },
  { header: 'Tình trạng', width: 10, value: (r) => ASSET_CONDITION_VI[r.condition] },
  { header: 'Trạng thái', width: 16, value: (r) => ASSET_STATUS_VI[r.status] },
];

@ApiTags('assets')
@Controller('schools/:schoolId/assets')
export class RegisterController {
  constructor(
    private readonly register: RegisterService,
    private readonly costChanges: CostChangeService,
    private readonly attachments: AssetAttachmentsService,
    private readonly schools: SchoolsService,
  ) {}

  @Get()
  @RequirePermission('assets.read')
  list(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: AssetListQueryDto,
  ): Promise<Page<AssetSummary>> {
    return this.register.list(scope, schoolId, query);
  }

  /** Declared before `:assetId` so the path is not read as an id. */
  @Get('export.xlsx')
  @RequirePermission('assets.read')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: AssetListQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const rows = await this.register.exportRows(scope, schoolId, query);
    // An official list: the governing body, school and title on every printed page, the signatures under the rows.
    const heading = await this.schools.printedHeading(scope, schoolId, 'DANH SÁCH TÀI SẢN');
    await streamXlsx(res, 'so-tai-san.xlsx', 'Tài sản', EXPORT_COLUMNS, rows, { heading, signatures: true });
  }

  @Post()
  @RequirePermission('assets.manage')
  create(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: AssetInputDto,
  ): Promise<AssetDetail> {
    return this.register.create(scope, schoolId, body);
  }

  @Get(':assetId')
  @RequirePermission('assets.read')
  detail(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
  ): Promise<AssetDetail> {
    return this.register.detail(scope, schoolId, assetId);
  }

  @Patch(':assetId')
  @RequirePermission('assets.manage')
  update(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Body() body: AssetUpdateDto,
  ): Promise<AssetDetail> {
    return this.register.update(scope, schoolId, assetId, body);
  }

  @Post(':assetId/cost-changes')
  @RequirePermission('assets.manage')
  changeCost(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Body() body: CostChangeDto,
  ): Promise<AssetDetail> {
    return this.costChanges.changeCost(scope, schoolId, assetId, body);
  }

  @Post(':assetId/attachments')
  @RequirePermission('assets.manage')
  @UseInterceptors(AttachmentUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(ATTACHMENT_UPLOAD_BODY)
  attach(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Body() body: AttachmentUploadDto,
    @UploadedFile() file?: UploadedAttachment,
  ): Promise<AssetAttachment> {
    return this.attachments.upload(scope, schoolId, assetId, body.kind, file);
  }

  @Get(':assetId/attachments/:attachmentId')
  @RequirePermission('assets.read')
  async download(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(scope, schoolId, assetId, attachmentId);
    return fileDownload(file.content, file.fileName, file.contentType);
  }

  @Delete(':assetId/attachments/:attachmentId')
  @HttpCode(204)
  @RequirePermission('assets.manage')
  async removeAttachment(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<void> {
    await this.attachments.remove(scope, schoolId, assetId, attachmentId);
  }
}

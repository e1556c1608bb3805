import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { AppConfig, CurrentScope, RequirePermission, Scope, sendPdf } from '@emis/api/platform';
import { attachment, XLSX_CONTENT_TYPE } from '@emis/api/spreadsheets';
import type { Request, Response } from 'express';
import { AssetBookQueryDto } from './books/asset-books.dto';
import { AssetBookKind, AssetBooksService } from './books/asset-books.service';
import { AssetLabelsQueryDto } from './labels/asset-labels.dto';
import { AssetLabelsService } from './labels/asset-labels.service';

/**
 * What a school prints of its register: the labels stuck on the assets and the books of a year. Registered before
 * the register's routes, so `assets/labels.pdf` is this route and never an asset id.
 */
@ApiTags('assets')
@Controller('schools/:schoolId')
export class AssetPrintsController {
  constructor(
    private readonly labels: AssetLabelsService,
    private readonly books: AssetBooksService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get('assets/labels.pdf')
  @RequirePermission('assets.read')
  @ApiProduces('application/pdf')
  async labelSheet(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: AssetLabelsQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    sendPdf(res, 'nhan-tai-san.pdf', await this.labels.sheet(scope, schoolId, query.ids, this.origin(req)));
  }

  @Get('assets/:assetId/label.pdf')
  @RequirePermission('assets.read')
  @ApiProduces('application/pdf')
  async label(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    sendPdf(res, 'nhan-tai-san.pdf', await this.labels.label(scope, schoolId, assetId, this.origin(req)));
  }

  @Get('asset-books/fixed-assets.xlsx')
  @RequirePermission('assets.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  fixedAssetsXlsx(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() { year }: AssetBookQueryDto,
  ): Promise<StreamableFile> {
    return this.workbook(scope, schoolId, 'fixed-assets', year);
  }

  @Get('asset-books/fixed-assets.pdf')
  @RequirePermission('assets.read')
  @ApiProduces('application/pdf')
  fixedAssetsPdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() { year }: AssetBookQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.pdf(res, scope, schoolId, 'fixed-assets', year);
  }

  @Get('asset-books/tools.xlsx')
  @RequirePermission('assets.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  toolsXlsx(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() { year }: AssetBookQueryDto,
  ): Promise<StreamableFile> {
    return this.workbook(scope, schoolId, 'tools', year);
  }

  @Get('asset-books/tools.pdf')
  @RequirePermission('assets.read')
  @ApiProduces('application/pdf')
  toolsPdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() { year }: AssetBookQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    return this.pdf(res, scope, schoolId, 'tools', year);
  }

  private async workbook(scope: Scope, schoolId: string, kind: AssetBookKind, year: number) {
    return attachment(await this.books.book(scope, schoolId, kind, year, 'xlsx'));
  }

  private async pdf(res: Response, scope: Scope, schoolId: string, kind: AssetBookKind, year: number) {
    const { fileName, file } = await this.books.book(scope, schoolId, kind, year, 'pdf');
    sendPdf(res, fileName, file);
  }

  /** Where the label's QR code points: the configured public origin, else the one this request came in on. */
  private origin(req: Request): string {
    return this.config.PUBLIC_ORIGIN ?? `${req.protocol}://${req.get('host')}`;
  }
}

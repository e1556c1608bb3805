import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
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
import type { Response } from 'express';
import { PaymentListImporter } from './import/payment-list-importer';
import { PaymentExportQueryDto } from './payments.dto';
import { PaymentsExport } from './payments-export';

/**
 * Payments in Excel: the list as a workbook, and the collection list import (its template, and the upload that
 * queues a job followed at …/imports/:jobId). Registered before the payments' routes, so `payments/export.xlsx` is
 * this route and never a payment id.
 */
@ApiTags('finance')
@Controller('schools/:schoolId')
export class PaymentFilesController {
  constructor(
    private readonly exporter: PaymentsExport,
    private readonly importer: PaymentListImporter,
    private readonly imports: ImportsService,
  ) {}

  @Get('payments/export.xlsx')
  @RequirePermission('finance.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async export(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: PaymentExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.exporter.stream(res, scope, schoolId, query);
  }

  @Get('imports/templates/payments.xlsx')
  @RequirePermission('finance.manage')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async template(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
  ): Promise<StreamableFile> {
    return attachment(await this.importer.template(scope, schoolId));
  }

  @Post('imports/payments')
  @HttpCode(202)
  @RequirePermission('finance.manage')
  @UseInterceptors(WorkbookUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(WORKBOOK_UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ImportJobDto })
  importPayments(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @UploadedFile() file?: UploadedWorkbook,
  ): Promise<ImportJob> {
    return this.imports.upload(scope, actor, schoolId, 'FINANCE_PAYMENTS', file);
  }
}

import { Controller, Get, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ReceiptLink } from '@emis/contracts';
import { AppConfig, CurrentScope, Public, RequirePermission, Scope, sendPdf } from '@emis/api/platform';
import type { Request, Response } from 'express';
import { ReceiptsService } from './receipts.service';

/** A payment's receipt (A5 PDF) and the signed link that opens it without signing in. */
@ApiTags('finance')
@Controller('schools/:schoolId/payments/:id')
export class ReceiptsController {
  constructor(
    private readonly receipts: ReceiptsService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get('receipt.pdf')
  @RequirePermission('finance.read')
  @ApiProduces('application/pdf')
  async pdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) paymentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, file } = await this.receipts.pdf(scope, schoolId, paymentId);
    sendPdf(res, fileName, file);
  }

  @Get('receipt-link')
  @RequirePermission('finance.manage')
  link(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) paymentId: string,
    @Req() req: Request,
  ): Promise<ReceiptLink> {
    // The address families open: the configured public origin, else the one this request came in on.
    const origin = this.config.PUBLIC_ORIGIN ?? `${req.protocol}://${req.get('host')}`;
    return this.receipts.link(scope, schoolId, paymentId, origin);
  }
}

/** The receipt link a family opens: no sign-in, the signed token is the only authority. */
@ApiTags('finance')
@Controller('finance-receipts')
export class PublicReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Get(':token')
  @Public()
  @ApiProduces('application/pdf')
  async open(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const { fileName, file } = await this.receipts.byToken(token);
    sendPdf(res, fileName, file);
  }
}

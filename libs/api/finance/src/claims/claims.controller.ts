import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Claim } from '@emis/contracts';
import { CurrentScope, RequirePermission, Scope, sendPdf } from '@emis/api/platform';
import { attachment, XLSX_CONTENT_TYPE } from '@emis/api/spreadsheets';
import type { Response } from 'express';
import { printedFile } from '../budget/budget-prints.service';
import { claimBook } from './claim.book';
import { ClaimInputDto, ClaimListQueryDto } from './claims.dto';
import { ClaimsService } from './claims.service';

/** The reimbursement claims of a school's fee periods. */
@ApiTags('finance')
@Controller('schools/:schoolId/claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get()
  @RequirePermission('finance.read')
  list(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: ClaimListQueryDto,
  ): Promise<Claim[]> {
    return this.claims.list(scope, schoolId, query.schoolYearId);
  }

  @Post()
  @RequirePermission('finance.manage')
  prepare(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: ClaimInputDto,
  ): Promise<Claim> {
    return this.claims.prepare(scope, schoolId, body.periodId);
  }

  @Post(':id/submit')
  @RequirePermission('finance.approve')
  submit(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Claim> {
    return this.claims.submit(scope, schoolId, id);
  }

  @Get(':id.xlsx')
  @RequirePermission('finance.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async xlsx(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    return attachment(await printedFile(claimBook(await this.claims.toPrint(scope, schoolId, id)), 'xlsx'));
  }

  @Get(':id.pdf')
  @RequirePermission('finance.read')
  @ApiProduces('application/pdf')
  async pdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, file } = await printedFile(claimBook(await this.claims.toPrint(scope, schoolId, id)), 'pdf');
    sendPdf(res, fileName, file);
  }
}

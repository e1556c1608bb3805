import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Budget, BudgetEntry } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope, sendPdf } from '@emis/api/platform';
import { attachment, XLSX_CONTENT_TYPE } from '@emis/api/spreadsheets';
import type { Response } from 'express';
import { BudgetEntryInputDto, FiscalYearQueryDto, ReversalDto } from './budget.dto';
import { BudgetService } from './budget.service';
import { BudgetPrintsService } from './budget-prints.service';

/** A school's budget: its entries, their reversal, and the execution against it (printed as Excel and PDF). */
@ApiTags('finance')
@Controller('schools/:schoolId/budget')
export class BudgetController {
  constructor(
    private readonly budget: BudgetService,
    private readonly prints: BudgetPrintsService,
  ) {}

  @Get()
  @RequirePermission('finance.read')
  view(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() { fiscalYear }: FiscalYearQueryDto,
  ): Promise<Budget> {
    return this.budget.view(scope, schoolId, fiscalYear);
  }

  /** finance.read lets every writer in; the kind decides who may write (BudgetService: manage or allocate). */
  @Post('entries')
  @RequirePermission('finance.read')
  addEntry(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: BudgetEntryInputDto,
  ): Promise<BudgetEntry> {
    return this.budget.addEntry(principal, scope, schoolId, body);
  }

  @Post('entries/:id/reverse')
  @RequirePermission('finance.read')
  reverse(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReversalDto,
  ): Promise<BudgetEntry> {
    return this.budget.reverse(principal, scope, schoolId, id, body.reason);
  }

  @Get('execution.xlsx')
  @RequirePermission('finance.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async executionXlsx(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() { fiscalYear }: FiscalYearQueryDto,
  ): Promise<StreamableFile> {
    return attachment(await this.prints.execution(scope, schoolId, fiscalYear, 'xlsx'));
  }

  @Get('execution.pdf')
  @RequirePermission('finance.read')
  @ApiProduces('application/pdf')
  async executionPdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() { fiscalYear }: FiscalYearQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, file } = await this.prints.execution(scope, schoolId, fiscalYear, 'pdf');
    sendPdf(res, fileName, file);
  }
}

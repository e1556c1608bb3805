import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { BankLine, BankStatement, BankStatementImport, Page } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { UploadedWorkbook, WorkbookUpload } from '@emis/api/spreadsheets';
import { BankStatementsService } from './bank-statements.service';
import { BankLineIgnoreDto, BankLineMatchDto, BankLinesQueryDto, BankStatementUploadDto } from './bank-statements.dto';

/** Bank statements and their lines: import (.xlsx or .csv), the lines, matching a line to a pupil, setting it aside. */
@ApiTags('finance')
@Controller('schools/:schoolId')
export class BankStatementsController {
  constructor(private readonly bank: BankStatementsService) {}

  /** 200 either way: the statement imported, or (nothing written) the errors by row and column. */
  @Post('bank-statements')
  @HttpCode(200)
  @RequirePermission('finance.manage')
  @UseInterceptors(WorkbookUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, bankAccount: { type: 'string' } },
    },
  })
  importStatement(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @UploadedFile() file: UploadedWorkbook | undefined,
    @Body() body: BankStatementUploadDto,
  ): Promise<BankStatementImport> {
    return this.bank.importStatement(scope, actor, schoolId, file, body.bankAccount?.trim() || null);
  }

  @Get('bank-statements')
  @RequirePermission('finance.read')
  statements(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
  ): Promise<BankStatement[]> {
    return this.bank.statements(scope, schoolId);
  }

  @Get('bank-lines')
  @RequirePermission('finance.read')
  lines(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() q: BankLinesQueryDto,
  ): Promise<Page<BankLine>> {
    return this.bank.lines(scope, schoolId, { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 50 });
  }

  @Post('bank-lines/:lineId/match')
  @HttpCode(200)
  @RequirePermission('finance.manage')
  match(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('lineId', ParseUUIDPipe) lineId: string,
    @Body() body: BankLineMatchDto,
  ): Promise<BankLine> {
    return this.bank.match(scope, actor, schoolId, lineId, body);
  }

  @Post('bank-lines/:lineId/ignore')
  @HttpCode(200)
  @RequirePermission('finance.manage')
  ignore(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('lineId', ParseUUIDPipe) lineId: string,
    @Body() body: BankLineIgnoreDto,
  ): Promise<BankLine> {
    return this.bank.ignore(scope, actor, schoolId, lineId, body.note.trim());
  }
}

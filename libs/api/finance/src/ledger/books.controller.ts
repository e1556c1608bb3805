import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CashBook, OpeningBalances } from '@emis/contracts';
import type { CashAccount } from '@emis/domain';
import { XLSX_CONTENT_TYPE } from '@emis/api/spreadsheets';
import { CurrentPrincipal, CurrentScope, fileDownload, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { BookFileFormat, BooksService } from './books.service';
import { DateRangeQueryDto, FiscalYearQueryDto, OpeningBalancesInputDto } from './ledger.dto';

const CONTENT_TYPES: Record<BookFileFormat, string> = { xlsx: XLSX_CONTENT_TYPE, pdf: 'application/pdf' };

/** The cash book (sổ quỹ tiền mặt) and the bank book (sổ tiền gửi), and the balances they open with. */
@ApiTags('finance')
@Controller('schools/:schoolId/books')
export class BooksController {
  constructor(private readonly books: BooksService) {}

  @Get('opening-balances')
  @RequirePermission('finance.read')
  openingBalances(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: FiscalYearQueryDto,
  ): Promise<OpeningBalances> {
    return this.books.openingBalances(scope, schoolId, query.fiscalYear);
  }

  @Put('opening-balances')
  @RequirePermission('finance.manage')
  saveOpeningBalances(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: OpeningBalancesInputDto,
  ): Promise<OpeningBalances> {
    return this.books.saveOpeningBalances(scope, actor, schoolId, body);
  }

  @Get('cash')
  @RequirePermission('finance.read')
  cash(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() q: DateRangeQueryDto,
  ) {
    return this.view(scope, schoolId, 'CASH', q);
  }

  @Get('bank')
  @RequirePermission('finance.read')
  bank(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() q: DateRangeQueryDto,
  ) {
    return this.view(scope, schoolId, 'BANK', q);
  }

  @Get('cash.xlsx')
  @RequirePermission('finance.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  cashXlsx(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() q: DateRangeQueryDto,
  ) {
    return this.file(scope, schoolId, 'CASH', q, 'xlsx');
  }

  @Get('cash.pdf')
  @RequirePermission('finance.read')
  @ApiProduces('application/pdf')
  cashPdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() q: DateRangeQueryDto,
  ) {
    return this.file(scope, schoolId, 'CASH', q, 'pdf');
  }

  @Get('bank.xlsx')
  @RequirePermission('finance.read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  bankXlsx(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() q: DateRangeQueryDto,
  ) {
    return this.file(scope, schoolId, 'BANK', q, 'xlsx');
  }

  @Get('bank.pdf')
  @RequirePermission('finance.read')
  @ApiProduces('application/pdf')
  bankPdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() q: DateRangeQueryDto,
  ) {
    return this.file(scope, schoolId, 'BANK', q, 'pdf');
  }

  private view(scope: Scope, schoolId: string, account: CashAccount, q: DateRangeQueryDto): Promise<CashBook> {
    return this.books.book(scope, schoolId, account, q.from, q.to);
  }

  private async file(
    scope: Scope,
    schoolId: string,
    account: CashAccount,
    q: DateRangeQueryDto,
    format: BookFileFormat,
  ): Promise<StreamableFile> {
    const { fileName, file } = await this.books.bookFile(scope, schoolId, account, q.from, q.to, format);
    return fileDownload(file, fileName, CONTENT_TYPES[format]);
  }
}

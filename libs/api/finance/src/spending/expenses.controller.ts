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
import type { Expense, Page } from '@emis/contracts';
import { AttachmentUpload, UploadedAttachment } from '@emis/api/assets';
import { CurrentScope, fileDownload, RequirePermission, Scope, sendPdf } from '@emis/api/platform';
import type { Response } from 'express';
import { ExpenseAttachmentsService } from './expense-attachments.service';
import {
  ExpenseInputDto,
  ExpenseListQueryDto,
  ExpenseRejectionDto,
  ExpenseReversalDto,
  ExpenseUpdateDto,
} from './expenses.dto';
import { ExpensesService } from './expenses.service';

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: 'PDF, JPEG, PNG or WebP, at most 5 MB' } },
  },
};

/** Expense vouchers: the accountant drafts, the head of the school approves, rejects or reverses. */
@ApiTags('finance')
@Controller('schools/:schoolId/expenses')
export class ExpensesController {
  constructor(
    private readonly expenses: ExpensesService,
    private readonly attachments: ExpenseAttachmentsService,
  ) {}

  @Get()
  @RequirePermission('finance.read')
  list(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: ExpenseListQueryDto,
  ): Promise<Page<Expense>> {
    return this.expenses.list(scope, schoolId, query);
  }

  @Post()
  @RequirePermission('finance.manage')
  create(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: ExpenseInputDto,
  ): Promise<Expense> {
    return this.expenses.create(scope, schoolId, body);
  }

  @Get(':id')
  @RequirePermission('finance.read')
  detail(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Expense> {
    return this.expenses.detail(scope, schoolId, id);
  }

  @Get(':id/voucher.pdf')
  @RequirePermission('finance.read')
  @ApiProduces('application/pdf')
  async voucherPdf(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, file } = await this.expenses.voucherPdf(scope, schoolId, id);
    sendPdf(res, fileName, file);
  }

  @Patch(':id')
  @RequirePermission('finance.manage')
  update(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ExpenseUpdateDto,
  ): Promise<Expense> {
    return this.expenses.update(scope, schoolId, id, body);
  }

  @Post(':id/approve')
  @RequirePermission('finance.approve')
  approve(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Expense> {
    return this.expenses.approve(scope, schoolId, id);
  }

  @Post(':id/reject')
  @RequirePermission('finance.approve')
  reject(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ExpenseRejectionDto,
  ): Promise<Expense> {
    return this.expenses.reject(scope, schoolId, id, body.note ?? null);
  }

  @Post(':id/reverse')
  @RequirePermission('finance.approve')
  reverse(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ExpenseReversalDto,
  ): Promise<Expense> {
    return this.expenses.reverse(scope, schoolId, id, body.enteredOn, body.reason);
  }

  @Post(':id/attachments')
  @RequirePermission('finance.manage')
  @UseInterceptors(AttachmentUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  attach(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file?: UploadedAttachment,
  ): Promise<Expense['attachments'][number]> {
    return this.attachments.upload(scope, schoolId, id, file);
  }

  @Get(':id/attachments/:attachmentId')
  @RequirePermission('finance.read')
  async download(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(scope, schoolId, id, attachmentId);
    return fileDownload(file.content, file.fileName, file.contentType);
  }

  @Delete(':id/attachments/:attachmentId')
  @HttpCode(204)
  @RequirePermission('finance.manage')
  async removeAttachment(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<void> {
    await this.attachments.remove(scope, schoolId, id, attachmentId);
  }
}

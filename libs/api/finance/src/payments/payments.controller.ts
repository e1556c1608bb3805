import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, Payment } from '@emis/contracts';
import { CurrentScope, RequirePermission, Scope } from '@emis/api/platform';
import { PaymentDto, PaymentListQueryDto, RefundDto, ReverseDto } from './payments.dto';
import { PaymentsService } from './payments.service';

/** A school's payments, refunds and reversals: the accountant records them (finance.manage), readers list them. */
@ApiTags('finance')
@Controller('schools/:schoolId/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get()
  @RequirePermission('finance.read')
  list(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: PaymentListQueryDto,
  ): Promise<Page<Payment>> {
    return this.payments.list(scope, schoolId, query);
  }

  @Post()
  @RequirePermission('finance.manage')
  record(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: PaymentDto,
  ): Promise<Payment> {
    return this.payments.record(scope, schoolId, body);
  }

  @Get(':id')
  @RequirePermission('finance.read')
  get(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) paymentId: string,
  ): Promise<Payment> {
    return this.payments.get(scope, schoolId, paymentId);
  }

  @Post(':id/refund')
  @RequirePermission('finance.manage')
  refund(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) paymentId: string,
    @Body() body: RefundDto,
  ): Promise<Payment> {
    return this.payments.refund(scope, schoolId, paymentId, body);
  }

  @Post(':id/reverse')
  @HttpCode(201)
  @RequirePermission('finance.manage')
  reverse(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) paymentId: string,
    @Body() body: ReverseDto,
  ): Promise<Payment> {
    return this.payments.reverse(scope, schoolId, paymentId, body.reason);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FeeException } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import {
  FeeExceptionDecisionDto,
  FeeExceptionDto,
  FeeExceptionQueryDto,
  FeeExceptionRejectionDto,
} from './fee-exceptions.dto';
import { FeeExceptionsService } from './fee-exceptions.service';

/** Manual exemptions and reductions: asked by the school's finance staff, decided by the principal. */
@ApiTags('finance')
@Controller('schools/:schoolId/fee-exceptions')
export class FeeExceptionsController {
  constructor(private readonly exceptions: FeeExceptionsService) {}

  @Get()
  @RequirePermission('finance.read')
  list(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: FeeExceptionQueryDto,
  ): Promise<FeeException[]> {
    return this.exceptions.list(scope, schoolId, query.schoolYearId, query.status ?? null);
  }

  @Post()
  @RequirePermission('finance.manage')
  ask(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: FeeExceptionDto,
  ): Promise<FeeException> {
    return this.exceptions.ask(scope, actor, schoolId, body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('finance.approve')
  approve(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FeeExceptionDecisionDto,
  ): Promise<FeeException> {
    return this.exceptions.decide(scope, actor, schoolId, id, { status: 'APPROVED', note: body.note ?? null });
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission('finance.approve')
  reject(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FeeExceptionRejectionDto,
  ): Promise<FeeException> {
    return this.exceptions.decide(scope, actor, schoolId, id, { status: 'REJECTED', note: body.note });
  }
}

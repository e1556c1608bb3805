import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, StudentTransfer, TransferTarget } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import {
  TransferAcceptDto,
  TransferDecisionDto,
  TransferListQueryDto,
  TransferRequestDto,
  TransferTargetQueryDto,
} from './transfers.dto';
import { TransfersService } from './transfers.service';

@ApiTags('transfers')
@Controller('schools/:schoolId')
export class TransfersController {
  constructor(private readonly transfers: TransfersService) {}

  @Post('students/:studentId/transfers')
  @RequirePermission('students.transfer')
  release(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('studentId', ParseUUIDPipe) studentId: string,
    @Body() body: TransferRequestDto,
  ): Promise<StudentTransfer> {
    return this.transfers.release(scope, actor, schoolId, studentId, body);
  }

  @Get('transfers')
  @RequirePermission('students.read')
  list(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: TransferListQueryDto,
  ): Promise<Page<StudentTransfer>> {
    return this.transfers.list(actor, scope, schoolId, query);
  }

  @Post('transfers/:transferId/accept')
  @HttpCode(200)
  @RequirePermission('students.transfer')
  accept(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('transferId', ParseUUIDPipe) transferId: string,
    @Body() body: TransferAcceptDto,
  ): Promise<StudentTransfer> {
    return this.transfers.accept(scope, actor, schoolId, transferId, body);
  }

  @Post('transfers/:transferId/reject')
  @HttpCode(200)
  @RequirePermission('students.transfer')
  reject(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('transferId', ParseUUIDPipe) transferId: string,
    @Body() body: TransferDecisionDto,
  ): Promise<StudentTransfer> {
    return this.transfers.reject(scope, actor, schoolId, transferId, body.note);
  }

  @Post('transfers/:transferId/cancel')
  @HttpCode(200)
  @RequirePermission('students.transfer')
  cancel(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('transferId', ParseUUIDPipe) transferId: string,
  ): Promise<StudentTransfer> {
    return this.transfers.cancel(scope, actor, schoolId, transferId);
  }
}

@ApiTags('transfers')
@Controller('transfer-targets')
export class TransferTargetsController {
  constructor(private readonly transfers: TransfersService) {}

  @Get()
  @RequirePermission('students.transfer')
  targets(@CurrentScope() scope: Scope, @Query() query: TransferTargetQueryDto): Promise<TransferTarget[]> {
    return this.transfers.targets(scope, query.q);
  }
}

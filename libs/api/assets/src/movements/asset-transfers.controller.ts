import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AssetTransfer } from '@emis/contracts';
import { CurrentScope, RequirePermission, Scope } from '@emis/api/platform';
import {
  AssetTransferAcceptDto,
  AssetTransferDto,
  AssetTransferListQueryDto,
  AssetTransferRejectDto,
} from './movements.dto';
import { AssetTransfersService } from './asset-transfers.service';

/**
 * Transfers of assets between schools: the sender releases, the receiver accepts or rejects, the sender may cancel
 * while pending (decisions of the school's head: assets.approve). The schools a transfer may go to are those of
 * GET /api/transfer-targets.
 */
@ApiTags('assets')
@Controller('schools/:schoolId')
export class AssetTransfersController {
  constructor(private readonly transfers: AssetTransfersService) {}

  @Post('assets/:assetId/transfers')
  @RequirePermission('assets.approve')
  release(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Body() body: AssetTransferDto,
  ): Promise<AssetTransfer> {
    return this.transfers.release(scope, schoolId, assetId, body);
  }

  @Get('asset-transfers')
  @RequirePermission('assets.read')
  list(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: AssetTransferListQueryDto,
  ): Promise<AssetTransfer[]> {
    return this.transfers.list(scope, schoolId, query);
  }

  @Post('asset-transfers/:transferId/accept')
  @HttpCode(200)
  @RequirePermission('assets.approve')
  accept(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('transferId', ParseUUIDPipe) transferId: string,
    @Body() body: AssetTransferAcceptDto,
  ): Promise<AssetTransfer> {
    return this.transfers.accept(scope, schoolId, transferId, body.locationId ?? null);
  }

  @Post('asset-transfers/:transferId/reject')
  @HttpCode(200)
  @RequirePermission('assets.approve')
  reject(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('transferId', ParseUUIDPipe) transferId: string,
    @Body() body: AssetTransferRejectDto,
  ): Promise<AssetTransfer> {
    return this.transfers.reject(scope, schoolId, transferId, body.reason);
  }

  @Post('asset-transfers/:transferId/cancel')
  @HttpCode(200)
  @RequirePermission('assets.approve')
  cancel(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('transferId', ParseUUIDPipe) transferId: string,
  ): Promise<AssetTransfer> {
    return this.transfers.cancel(scope, schoolId, transferId);
  }
}

import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AssetDetail, AssetLoan } from '@emis/contracts';
import { CurrentScope, RequirePermission, Scope } from '@emis/api/platform';
import { AssetDisposalDto, AssetLoanDto, AssetMoveDto, AssetReturnDto } from './movements.dto';
import { MovementsService } from './movements.service';

/** An asset's movements inside its school: rooms, loans, disposal (a decision: assets.approve). */
@ApiTags('assets')
@Controller('schools/:schoolId/assets/:assetId')
export class MovementsController {
  constructor(private readonly movements: MovementsService) {}

  @Post('move')
  @HttpCode(200)
  @RequirePermission('assets.manage')
  move(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Body() body: AssetMoveDto,
  ): Promise<AssetDetail> {
    return this.movements.move(scope, schoolId, assetId, body);
  }

  @Post('loans')
  @RequirePermission('assets.manage')
  lend(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Body() body: AssetLoanDto,
  ): Promise<AssetLoan> {
    return this.movements.lend(scope, schoolId, assetId, body);
  }

  @Post('loans/:loanId/return')
  @HttpCode(200)
  @RequirePermission('assets.manage')
  giveBack(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Param('loanId', ParseUUIDPipe) loanId: string,
    @Body() body: AssetReturnDto,
  ): Promise<AssetLoan> {
    return this.movements.giveBack(scope, schoolId, assetId, loanId, body);
  }

  @Post('disposal')
  @HttpCode(200)
  @RequirePermission('assets.approve')
  dispose(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Body() body: AssetDisposalDto,
  ): Promise<AssetDetail> {
    return this.movements.dispose(scope, schoolId, assetId, body);
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Reconciliation } from '@emis/contracts';
import { CurrentScope, RequirePermission, Scope } from '@emis/api/platform';
import { DateRangeQueryDto } from '../ledger/ledger.dto';
import { ReconciliationService } from './reconciliation.service';

/** Whether the school's money reconciles over a range, check by check, with what causes any difference. */
@ApiTags('finance')
@Controller('schools/:schoolId/reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @RequirePermission('finance.read')
  reconcile(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: DateRangeQueryDto,
  ): Promise<Reconciliation> {
    return this.reconciliation.reconcile(scope, schoolId, query.from, query.to);
  }
}

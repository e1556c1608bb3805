import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ResultsRecomputeRun } from '@emis/contracts';
import { CurrentPrincipal, Principal, RequirePermission } from '@emis/api/platform';
import { RecomputeService } from './recompute.service';

/** Recomputing a year's stored results after the department changed its rule settings. */
@ApiTags('grading')
@Controller('province-settings/:yearId/recompute')
export class RecomputeController {
  constructor(private readonly recompute: RecomputeService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('rules.configure')
  start(
    @CurrentPrincipal() actor: Principal,
    @Param('yearId', ParseUUIDPipe) yearId: string,
  ): Promise<ResultsRecomputeRun> {
    return this.recompute.start(actor, yearId);
  }

  @Get(':jobId')
  @RequirePermission('rules.configure')
  get(
    @CurrentPrincipal() actor: Principal,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Param('jobId', ParseUUIDPipe) jobId: string,
  ): Promise<ResultsRecomputeRun> {
    return this.recompute.get(actor, yearId, jobId);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ChargeGeneration, FeePeriod } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import type { Response } from 'express';
import { ChargeGenerationService } from './charge-generation.service';
import { FeePeriodInputDto, FeePeriodsQueryDto, GenerateChargesDto, SchoolYearChoiceDto } from './dues.dto';
import { FeePeriodsService } from './fee-periods.service';

/** A school's fee periods, and generating what pupils owe for one. */
@ApiTags('finance')
@Controller('schools/:schoolId/fee-periods')
export class FeePeriodsController {
  constructor(
    private readonly periods: FeePeriodsService,
    private readonly generation: ChargeGenerationService,
  ) {}

  @Get()
  @RequirePermission('finance.read')
  list(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: FeePeriodsQueryDto,
  ): Promise<FeePeriod[]> {
    return this.periods.list(scope, schoolId, query.schoolYearId);
  }

  @Post()
  @RequirePermission('finance.manage')
  create(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: FeePeriodInputDto,
  ): Promise<FeePeriod> {
    return this.periods.create(scope, schoolId, body);
  }

  /** HK1 and HK2 from the school's semesters, those missing only: the year's periods. */
  @Post('propose')
  @HttpCode(200)
  @RequirePermission('finance.manage')
  propose(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: SchoolYearChoiceDto,
  ): Promise<FeePeriod[]> {
    return this.periods.propose(scope, schoolId, body.schoolYearId);
  }

  /** Closing freezes the period's charges: the principal's decision. */
  @Post(':periodId/close')
  @HttpCode(200)
  @RequirePermission('finance.approve')
  close(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('periodId', ParseUUIDPipe) periodId: string,
  ): Promise<FeePeriod> {
    return this.periods.close(scope, actor, schoolId, periodId);
  }

  /** 200 with the finished run; 202 with a queued run (a large school) or the run already under way, to poll. */
  @Post(':periodId/generate')
  @RequirePermission('finance.manage')
  async generate(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @Body() body: GenerateChargesDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ChargeGeneration> {
    const { generation, queued } = await this.generation.generate(
      scope,
      actor,
      schoolId,
      periodId,
      Boolean(body.dryRun),
    );
    res.status(queued ? 202 : 200);
    return generation;
  }

  @Get(':periodId/generation')
  @RequirePermission('finance.read')
  latestGeneration(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('periodId', ParseUUIDPipe) periodId: string,
  ): Promise<ChargeGeneration> {
    return this.generation.latestRun(scope, schoolId, periodId);
  }
}

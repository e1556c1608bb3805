import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  CompletionCouncil,
  CompletionDecisionsResult,
  CompletionOverview,
  StudentCompletion,
} from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import type { Response } from 'express';
import { CompletionCouncilInputDto, CompletionDecisionsInputDto, CompletionYearQueryDto } from './completion.dto';
import { CompletionPdfService } from './completion-pdf.service';
import { CompletionService } from './completion.service';

/** Grade 9 completion (Circular 31/2023): the proposals, the council's sittings and decisions, the printed list. */
@ApiTags('completion')
@Controller('schools/:schoolId')
export class CompletionController {
  constructor(
    private readonly completion: CompletionService,
    private readonly pdf: CompletionPdfService,
  ) {}

  @Get('completion')
  @RequirePermission('completion.read')
  overview(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: CompletionYearQueryDto,
  ): Promise<CompletionOverview> {
    return this.completion.overview(scope, actor, schoolId, query.yearId);
  }

  @Post('completion/councils')
  @RequirePermission('completion.decide')
  openCouncil(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: CompletionCouncilInputDto,
  ): Promise<CompletionCouncil> {
    return this.completion.openCouncil(scope, actor, schoolId, body);
  }

  @Put('completion/councils/:councilId/decisions')
  @HttpCode(200)
  @RequirePermission('completion.decide')
  decide(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('councilId', ParseUUIDPipe) councilId: string,
    @Body() body: CompletionDecisionsInputDto,
  ): Promise<CompletionDecisionsResult> {
    return this.completion.decide(scope, actor, schoolId, councilId, body);
  }

  /** The council's decision list as PDF; an export of pupils' data, audited. */
  @Get('completion/councils/:councilId/decision.pdf')
  @RequirePermission('completion.read')
  @ApiProduces('application/pdf')
  councilPdf(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('councilId', ParseUUIDPipe) councilId: string,
    @Res() res: Response,
  ): Promise<void> {
    return this.pdf.councilPdf(scope, actor, schoolId, councilId, res);
  }

  @Get('students/:studentId/completion')
  @RequirePermission('completion.read')
  ofStudent(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('studentId', ParseUUIDPipe) studentId: string,
  ): Promise<{ completion: StudentCompletion | null }> {
    return this.completion.ofStudent(scope, actor, schoolId, studentId);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CorrectionRequest, GradingLock, Page } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import {
  CorrectionDecisionDto,
  CorrectionInputDto,
  CorrectionsQueryDto,
  LockInputDto,
  LocksQueryDto,
} from './corrections.dto';
import { CorrectionsService } from './corrections.service';
import { SemesterPipe } from './gradebook.dto';

/** Semester locks and correction requests of a school's gradebooks. */
@ApiTags('gradebook')
@Controller('schools/:schoolId/grading')
export class GradingController {
  constructor(private readonly corrections: CorrectionsService) {}

  @Get('locks')
  @RequirePermission('grades.read')
  locks(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: LocksQueryDto,
  ): Promise<GradingLock[]> {
    return this.corrections.locks(scope, schoolId, query.yearId);
  }

  @Post('locks')
  @RequirePermission('grades.lock')
  lock(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: LockInputDto,
  ): Promise<GradingLock[]> {
    return this.corrections.lock(scope, actor, schoolId, body);
  }

  @Delete('locks/:yearId/:semester')
  @HttpCode(204)
  @RequirePermission('grades.lock')
  unlock(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('yearId', ParseUUIDPipe) yearId: string,
    @Param('semester', SemesterPipe) semester: 1 | 2,
  ): Promise<void> {
    return this.corrections.unlock(scope, schoolId, yearId, semester);
  }

  /** Any lock by its id: a narrowed one (grade, class, subject, column) or the school's (issue 16). */
  @Delete('locks/:lockId')
  @HttpCode(204)
  @RequirePermission('grades.lock')
  unlockById(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('lockId', ParseUUIDPipe) lockId: string,
  ): Promise<void> {
    return this.corrections.unlockById(scope, schoolId, lockId);
  }

  @Get('corrections')
  @RequirePermission('grades.read')
  list(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: CorrectionsQueryDto,
  ): Promise<Page<CorrectionRequest>> {
    return this.corrections.list(scope, actor, schoolId, query);
  }

  @Post('corrections')
  @RequirePermission('grades.correction.request')
  request(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: CorrectionInputDto,
  ): Promise<CorrectionRequest> {
    return this.corrections.request(scope, actor, schoolId, body);
  }

  @Post('corrections/:correctionId/approve')
  @HttpCode(200)
  @RequirePermission('grades.correction.decide')
  approve(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('correctionId', ParseUUIDPipe) id: string,
    @Body() body: CorrectionDecisionDto,
  ): Promise<CorrectionRequest> {
    return this.corrections.approve(scope, actor, schoolId, id, body);
  }

  @Post('corrections/:correctionId/reject')
  @HttpCode(200)
  @RequirePermission('grades.correction.decide')
  reject(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('correctionId', ParseUUIDPipe) id: string,
    @Body() body: CorrectionDecisionDto,
  ): Promise<CorrectionRequest> {
    return this.corrections.reject(scope, actor, schoolId, id, body);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PromotionPreview, PromotionResult } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { PromotionService } from './promotion.service';
import { PromotionPreviewQueryDto, PromotionRequestDto } from './promotions.dto';

@ApiTags('promotions')
@Controller('schools/:schoolId/promotions')
export class PromotionsController {
  constructor(private readonly promotion: PromotionService) {}

  @Get('preview')
  @RequirePermission('students.promote')
  preview(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: PromotionPreviewQueryDto,
  ): Promise<PromotionPreview> {
    return this.promotion.preview(scope, schoolId, query.yearId, query.grade);
  }

  @Post()
  @HttpCode(200)
  @RequirePermission('students.promote')
  promote(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: PromotionRequestDto,
  ): Promise<PromotionResult> {
    return this.promotion.promote(scope, actor, schoolId, body);
  }
}

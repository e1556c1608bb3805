import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AssetCategory, AssetPolicy } from '@emis/contracts';
import { CurrentPrincipal, Principal, RequirePermission } from '@emis/api/platform';
import { AssetCategoryUpdateDto, AssetPolicyDto } from './asset-config.dto';
import { AssetConfigService } from './asset-config.service';

/** The province's configuration: wear categories and the fixed-asset threshold (docs/domain/assets.md). */
@ApiTags('assets')
@Controller('assets-config')
export class AssetConfigController {
  constructor(private readonly config: AssetConfigService) {}

  @Get('categories')
  @RequirePermission('assets.read')
  categories(): Promise<AssetCategory[]> {
    return this.config.categories();
  }

  @Put('categories/:code')
  @RequirePermission('assets.configure')
  updateCategory(
    @CurrentPrincipal() actor: Principal,
    @Param('code') code: string,
    @Body() body: AssetCategoryUpdateDto,
  ): Promise<AssetCategory> {
    return this.config.updateCategory(actor, code, body);
  }

  @Get('policy')
  @RequirePermission('assets.read')
  policy(): Promise<AssetPolicy> {
    return this.config.policy();
  }

  @Put('policy')
  @RequirePermission('assets.configure')
  updatePolicy(@CurrentPrincipal() actor: Principal, @Body() body: AssetPolicyDto): Promise<AssetPolicy> {
    return this.config.updatePolicy(actor, body);
  }
}

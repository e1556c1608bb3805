import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AssetLocation } from '@emis/contracts';
import { CurrentScope, RequirePermission, Scope } from '@emis/api/platform';
import { AssetLocationDto } from './register.dto';
import { AssetLocationsService } from './asset-locations.service';

/** The rooms where a school's assets stand. */
@ApiTags('assets')
@Controller('schools/:schoolId/asset-locations')
export class AssetLocationsController {
  constructor(private readonly locations: AssetLocationsService) {}

  @Get()
  @RequirePermission('assets.read')
  list(@CurrentScope() scope: Scope, @Param('schoolId', ParseUUIDPipe) schoolId: string): Promise<AssetLocation[]> {
    return this.locations.list(scope, schoolId);
  }

  @Post()
  @RequirePermission('assets.manage')
  create(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Body() body: AssetLocationDto,
  ): Promise<AssetLocation> {
    return this.locations.create(scope, schoolId, body);
  }

  @Patch(':locationId')
  @RequirePermission('assets.manage')
  rename(
    @CurrentScope() scope: Scope,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Param('locationId', ParseUUIDPipe) locationId: string,
    @Body() body: AssetLocationDto,
  ): Promise<AssetLocation> {
    return this.locations.rename(scope, schoolId, locationId, body);
  }
}

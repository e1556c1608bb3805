import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OrgUnitNode, Page, SchoolDetail, SchoolSummary, ScopeSummary } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { OrgTreeService } from './org-tree.service';
import { SchoolListQueryDto, SchoolProfileUpdateDto } from './schools.dto';
import { SchoolsService } from './schools.service';

@ApiTags('schools')
@Controller('schools')
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  @Get()
  @RequirePermission('schools.read')
  list(@CurrentScope() scope: Scope, @Query() query: SchoolListQueryDto): Promise<Page<SchoolSummary>> {
    return this.schools.list(scope, query);
  }

  @Get(':id')
  @RequirePermission('schools.read')
  detail(@CurrentScope() scope: Scope, @Param('id', ParseUUIDPipe) id: string): Promise<SchoolDetail> {
    return this.schools.detail(scope, id);
  }

  @Patch(':id/profile')
  @RequirePermission('schools.profile.edit')
  updateProfile(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SchoolProfileUpdateDto,
  ): Promise<SchoolDetail> {
    return this.schools.updateProfile(scope, actor, id, body);
  }
}

@ApiTags('org-units')
@Controller('org-units')
export class OrgUnitsController {
  constructor(
    private readonly tree: OrgTreeService,
    private readonly schools: SchoolsService,
  ) {}

  /** The caller's whole subtree (not narrowed by the switcher): the switcher's choices. */
  @Get('tree')
  async treeOfCaller(@CurrentPrincipal() principal: Principal): Promise<OrgUnitNode[]> {
    return this.tree.nodes(await this.tree.scopeFor(principal.orgUnitId));
  }

  @Get('scope-summary')
  summary(@CurrentScope() scope: Scope): Promise<ScopeSummary> {
    return this.schools.scopeSummary(scope);
  }
}

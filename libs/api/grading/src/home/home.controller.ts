import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SchoolHome } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { HomeQueryDto } from './home.dto';
import { HomeService } from './home.service';

/** The school's home: a teacher's assignments with what is left to enter; the principal's figures of the school. */
@ApiTags('home')
@Controller('schools/:schoolId/home')
export class HomeController {
  constructor(private readonly homes: HomeService) {}

  @Get()
  @RequirePermission('grades.read')
  home(
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() actor: Principal,
    @Param('schoolId', ParseUUIDPipe) schoolId: string,
    @Query() query: HomeQueryDto,
  ): Promise<SchoolHome> {
    return this.homes.home(scope, actor, schoolId, query);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StudentSearchPage } from '@emis/contracts';
import { CurrentPrincipal, CurrentScope, Principal, RequirePermission, Scope } from '@emis/api/platform';
import { StudentSearchQueryDto } from './student-search.dto';
import { StudentSearchService } from './student-search.service';

/** The department's and units' pupil search across the schools in their scope. */
@ApiTags('students')
@Controller('students/search')
export class StudentSearchController {
  constructor(private readonly search: StudentSearchService) {}

  @Get()
  @RequirePermission('students.search')
  find(
    @CurrentPrincipal() actor: Principal,
    @CurrentScope() scope: Scope,
    @Query() query: StudentSearchQueryDto,
  ): Promise<StudentSearchPage> {
    return this.search.find(actor, scope, query);
  }
}

import { Global, Module } from '@nestjs/common';
import { ScopeResolver } from '@emis/api/platform';
import { SpreadsheetsModule } from '@emis/api/spreadsheets';
import { OrgTreeService } from './org-tree.service';
import { OrgUnitsRepository } from './org-units.repository';
import { OrgUnitsController, SchoolsController } from './schools.controller';
import { OrgAdminController } from './org-admin/org-admin.controller';
import { OrgAdminRepository } from './org-admin/org-admin.repository';
import { OrgAdminService } from './org-admin/org-admin.service';
import { OrgChangeAudit } from './org-admin/org-change-audit';
import { SchoolListImporter } from './org-admin/school-list.importer';
import { UnitLifecycleService } from './org-admin/unit-lifecycle.service';
import { SchoolsRepository } from './schools.repository';
import { SchoolsService } from './schools.service';

@Global()
@Module({
  imports: [SpreadsheetsModule],
  controllers: [SchoolsController, OrgUnitsController, OrgAdminController],
  providers: [
    OrgTreeService,
    // The import runner's port to the tree (it cannot import this library, which imports it).
    { provide: ScopeResolver, useExisting: OrgTreeService },
    OrgUnitsRepository,
    SchoolsRepository,
    SchoolsService,
    OrgAdminRepository,
    OrgChangeAudit,
    OrgAdminService,
    UnitLifecycleService,
    SchoolListImporter,
  ],
  exports: [OrgTreeService, ScopeResolver, SchoolsService],
})
export class TenancyModule {}

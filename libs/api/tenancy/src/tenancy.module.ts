import { Global, Module } from '@nestjs/common';
import { OrgTreeService } from './org-tree.service';
import { OrgUnitsRepository } from './org-units.repository';
import { OrgUnitsController, SchoolsController } from './schools.controller';
import { SchoolsRepository } from './schools.repository';
import { SchoolsService } from './schools.service';

@Global()
@Module({
  controllers: [SchoolsController, OrgUnitsController],
  providers: [OrgTreeService, OrgUnitsRepository, SchoolsRepository, SchoolsService],
  exports: [OrgTreeService, SchoolsService],
})
export class TenancyModule {}

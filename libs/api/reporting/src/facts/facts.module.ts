import { Module } from '@nestjs/common';
import { AcademicModule } from '@emis/api/academic';
import { AssetsModule } from '@emis/api/assets';
import { FinanceModule } from '@emis/api/finance';
import { GradingModule } from '@emis/api/grading';
import { PeopleModule } from '@emis/api/people';
import { StaffModule } from '@emis/api/staff';
import { FactsEvents } from './facts-events';
import { FactsRefresher } from './facts-refresher';
import { FactsWriter } from './facts.repository';

/** The read model kept current: dirty marks from the owners' events, the per-school refresh job, the full rebuild. */
@Module({
  imports: [GradingModule, PeopleModule, AcademicModule, StaffModule, AssetsModule, FinanceModule],
  providers: [FactsWriter, FactsRefresher, FactsEvents],
  exports: [FactsRefresher],
})
export class FactsModule {}

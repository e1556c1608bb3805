import { Module } from '@nestjs/common';
import { SpreadsheetsModule } from '@emis/api/spreadsheets';
import { StaffImportController } from './import/staff-import.controller';
import { StaffImportRepository } from './import/staff-import.repository';
import { StaffImporter } from './import/staff-importer';
import { StaffController } from './staff.controller';
import { StaffDirectory } from './staff-directory';
import { StaffEvents } from './staff-events';
import { StaffFacts } from './staff-facts';
import { StaffFactsRepository } from './staff-facts.repository';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';
import { StaffTransferService } from './staff-transfer.service';

/** Staff records (HR), employment history, transfers between schools, and the staff list import. */
@Module({
  imports: [SpreadsheetsModule],
  controllers: [StaffController, StaffImportController],
  providers: [
    StaffRepository,
    StaffService,
    StaffTransferService,
    StaffDirectory,
    StaffImportRepository,
    StaffImporter,
    StaffFactsRepository,
    StaffFacts,
    StaffEvents,
  ],
  exports: [StaffDirectory, StaffFacts],
})
export class StaffModule {}

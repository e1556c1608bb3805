import { Module } from '@nestjs/common';
import { ImportHandlers } from './import-handlers';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportQueue } from './import-queue';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { StaffImportRepository } from './staff/staff-import.repository';
import { StaffImporter } from './staff/staff-importer';
import { StudentImportRepository } from './students/student-import.repository';
import { StudentImporter } from './students/student-importer';

/**
 * Excel templates and imports of student and staff lists, run as background jobs on pg-boss. (List exports are
 * streamed by each context with streamXlsx from the platform library.) Other contexts register import kinds of their
 * own with ImportHandlers (the gradebook sheet) and reuse the workbook pieces exported by index.ts.
 */
@Module({
  controllers: [ImportsController],
  providers: [
    ImportsService,
    ImportJobsRepository,
    ImportQueue,
    ImportRunner,
    StudentImporter,
    StudentImportRepository,
    StaffImporter,
    StaffImportRepository,
    ImportHandlers,
  ],
  exports: [ImportsService, ImportHandlers],
})
export class TransferIoModule {}

import { Module } from '@nestjs/common';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportQueue } from './import-queue';
import { ImportRegistry } from './import-registry';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/**
 * Excel workbooks: reading and writing them safely, and the one import pipeline (the registry of import kinds, the
 * runner, the pg-boss queue, the job routes). The kinds themselves live in the contexts that own their tables and
 * register with ImportRegistry when their module starts; this library never imports them. (List exports are
 * streamed by each context with streamXlsx from the platform library.)
 */
@Module({
  controllers: [ImportsController],
  providers: [ImportsService, ImportJobsRepository, ImportQueue, ImportRunner, ImportRegistry],
  exports: [ImportsService, ImportRegistry],
})
export class SpreadsheetsModule {}

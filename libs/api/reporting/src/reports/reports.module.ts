import { Module } from '@nestjs/common';
import { ReportCache } from './report-cache';
import { ReportJobQueue } from './report-job.queue';
import { ReportJobsRepository } from './report-jobs.repository';
import { ReportJobsService } from './report-jobs.service';
import { ReportingDb } from './reporting-db';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** The reports and dashboards: rollups of the facts through the org tree, comparisons, workbooks, report jobs. */
@Module({
  controllers: [ReportsController],
  providers: [
    ReportingDb,
    ReportsRepository,
    ReportCache,
    ReportsService,
    ReportJobsRepository,
    ReportJobsService,
    ReportJobQueue,
  ],
  exports: [ReportCache, ReportingDb],
})
export class ReportsModule {}

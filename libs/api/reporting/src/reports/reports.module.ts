import { Module } from '@nestjs/common';
import { AssetsReportController } from './assets-report.controller';
import { AssetsReportRepository } from './assets-report.repository';
import { AssetsReportService } from './assets-report.service';
import { FinanceReportController } from './finance-report.controller';
import { FinanceReportRepository } from './finance-report.repository';
import { FinanceReportService } from './finance-report.service';
import { ReportCache } from './report-cache';
import { ReportJobQueue } from './report-job.queue';
import { ReportJobsRepository } from './report-jobs.repository';
import { ReportJobsService } from './report-jobs.service';
import { ReportingDb } from './reporting-db';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/**
 * The reports and dashboards: rollups of the facts through the org tree, comparisons, workbooks, report jobs, and the
 * public assets' totals and the schools' finance.
 */
@Module({
  controllers: [ReportsController, AssetsReportController, FinanceReportController],
  providers: [
    ReportingDb,
    ReportsRepository,
    ReportCache,
    ReportsService,
    ReportJobsRepository,
    ReportJobsService,
    ReportJobQueue,
    AssetsReportRepository,
    AssetsReportService,
    FinanceReportRepository,
    FinanceReportService,
  ],
  exports: [ReportCache, ReportingDb],
})
export class ReportsModule {}

import { Module } from '@nestjs/common';
import { SchoolStatisticalReportsController, StatisticalReviewController } from './statistical-reports.controller';
import { StatisticalReportsRepository } from './statistical-reports.repository';
import { StatisticalReportsService } from './statistical-reports.service';
import { StatisticalReviewService } from './statistical-review.service';

/** The official statistical reports of the start and the end of the school year. */
@Module({
  controllers: [SchoolStatisticalReportsController, StatisticalReviewController],
  providers: [StatisticalReportsRepository, StatisticalReportsService, StatisticalReviewService],
})
export class FormsModule {}

import { Module } from '@nestjs/common';
import { AcademicModule } from '@emis/api/academic';
import { PeopleModule } from '@emis/api/people';
import { StaffModule } from '@emis/api/staff';
import { SpreadsheetsModule } from '@emis/api/spreadsheets';
import { ConductController } from './conduct.controller';
import { ConductRepository } from './conduct.repository';
import { ConductService } from './conduct.service';
import { CorrectionsRepository } from './corrections.repository';
import { CorrectionsService } from './corrections.service';
import { GradeWriter } from './grade-writer';
import { GradebookController } from './gradebook.controller';
import { GradebookRepository } from './gradebook.repository';
import { GradebookService } from './gradebook.service';
import { GradingController } from './grading.controller';
import { GradebookImporter } from './gradebook-importer';
import { GradebookXlsxController } from './gradebook-xlsx.controller';
import { GradebookXlsxRepository } from './gradebook-xlsx.repository';
import { GradebookXlsxService } from './gradebook-xlsx.service';
import { ReportCardService } from './report-card.service';
import { SchoolGradebookController, SchoolGradebookExportService } from './school-gradebook-export';
import { SchoolGradebookExportRepository } from './school-gradebook-export.repository';
import { ResultsController } from './results.controller';
import { ResultsRepository } from './results.repository';
import { ResultsService } from './results.service';
import { ClassResultsLoader } from './results.loader';
import { GradingFacts } from './grading-facts';
import { GradingEvents } from './grading-events';
import { RecognitionController, SchoolRecognitionController } from './recognition.controller';
import { RecognitionRepository } from './recognition.repository';
import { RecognitionService } from './recognition.service';
import { RecomputeController } from './recompute/recompute.controller';
import { RecomputeQueue } from './recompute/recompute.queue';
import { RecomputeRepository } from './recompute/recompute.repository';
import { RecomputeRunner } from './recompute/recompute.runner';
import { RecomputeService } from './recompute/recompute.service';
import { CompletionController } from './completion/completion.controller';
import { CompletionPdfService } from './completion/completion-pdf.service';
import { CompletionRepository } from './completion/completion.repository';
import { CompletionService } from './completion/completion.service';
import { HomeController } from './home/home.controller';
import { HomeRepository } from './home/home.repository';
import { HomeService } from './home/home.service';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsRepository } from './notifications/notifications.repository';
import { NotificationsService } from './notifications/notifications.service';

/**
 * The gradebook: sheets, saves, history, locks and corrections, conduct, results and the year-end decisions on
 * them, Excel and report cards.
 */
@Module({
  imports: [AcademicModule, StaffModule, SpreadsheetsModule, PeopleModule],
  controllers: [
    GradebookController,
    GradingController,
    ConductController,
    ResultsController,
    GradebookXlsxController,
    SchoolGradebookController,
    RecognitionController,
    SchoolRecognitionController,
    RecomputeController,
    CompletionController,
    HomeController,
    NotificationsController,
  ],
  providers: [
    GradebookRepository,
    GradeWriter,
    GradebookService,
    CorrectionsRepository,
    CorrectionsService,
    ConductRepository,
    ConductService,
    ResultsRepository,
    ResultsService,
    ClassResultsLoader,
    GradingFacts,
    GradingEvents,
    ReportCardService,
    GradebookXlsxRepository,
    GradebookXlsxService,
    GradebookImporter,
    SchoolGradebookExportService,
    SchoolGradebookExportRepository,
    RecognitionRepository,
    RecognitionService,
    RecomputeRepository,
    RecomputeRunner,
    RecomputeQueue,
    RecomputeService,
    CompletionRepository,
    CompletionService,
    CompletionPdfService,
    HomeRepository,
    HomeService,
    NotificationsRepository,
    NotificationsService,
  ],
  exports: [GradebookService, GradebookRepository, GradeWriter, GradingFacts],
})
export class GradingModule {}

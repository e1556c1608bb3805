import { Module } from '@nestjs/common';
import { SpreadsheetsModule } from '@emis/api/spreadsheets';
import { EnrolmentRepository } from './enrolment.repository';
import { EnrolmentService } from './enrolment.service';
import { StudentImportController, UnitStudentImportController } from './import/student-import.controller';
import { StudentImportRepository } from './import/student-import.repository';
import { StudentImporter } from './import/student-importer';
import { StudentStaging } from './import/student-staging';
import { StudentStagingRepository } from './import/student-staging.repository';
import { PeopleEvents } from './people-events';
import { PeopleFacts } from './people-facts';
import { PeopleFactsRepository } from './people-facts.repository';
import { PupilAccess } from './pupil-access';
import { PupilGraduation } from './pupil-graduation';
import { PupilRelationsRepository } from './pupil-relations.repository';
import { PupilRoster } from './roster/pupil-roster';
import { PupilRosterRepository } from './roster/pupil-roster.repository';
import { PromotionRepository } from './promotion.repository';
import { PromotionsController } from './promotions.controller';
import { PromotionService } from './promotion.service';
import { StudentSearchController } from './search/student-search.controller';
import { StudentSearchRepository } from './search/student-search.repository';
import { StudentSearchService } from './search/student-search.service';
import { StudentExportService } from './student-export.service';
import { StudentsController } from './students.controller';
import { StudentsRepository } from './students.repository';
import { StudentsService } from './students.service';
import { TransfersController, TransferTargetsController } from './transfers.controller';
import { TransfersRepository } from './transfers.repository';
import { TransfersService } from './transfers.service';

/**
 * Students: records, guardians, enrolment, transfers between schools, drop-out and year-end promotion, and the
 * student list import (registered with the spreadsheets library's import registry).
 */
@Module({
  imports: [SpreadsheetsModule],
  controllers: [
    StudentsController,
    TransfersController,
    TransferTargetsController,
    PromotionsController,
    StudentImportController,
    UnitStudentImportController,
    StudentSearchController,
  ],
  providers: [
    StudentsRepository,
    StudentSearchRepository,
    StudentSearchService,
    EnrolmentRepository,
    PromotionRepository,
    TransfersRepository,
    StudentsService,
    StudentExportService,
    EnrolmentService,
    PromotionService,
    TransfersService,
    StudentImportRepository,
    StudentImporter,
    StudentStaging,
    StudentStagingRepository,
    PeopleFactsRepository,
    PeopleFacts,
    PeopleEvents,
    PupilRosterRepository,
    PupilRoster,
    PupilAccess,
    PupilRelationsRepository,
    PupilGraduation,
  ],
  exports: [StudentsService, PeopleFacts, PupilRoster, PupilGraduation],
})
export class PeopleModule {}

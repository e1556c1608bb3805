import { Module } from '@nestjs/common';
import { EnrolmentRepository } from './enrolment.repository';
import { EnrolmentService } from './enrolment.service';
import { PromotionRepository } from './promotion.repository';
import { PromotionsController } from './promotions.controller';
import { PromotionService } from './promotion.service';
import { StudentExportService } from './student-export.service';
import { StudentsController } from './students.controller';
import { StudentsRepository } from './students.repository';
import { StudentsService } from './students.service';
import { TransfersController, TransferTargetsController } from './transfers.controller';
import { TransfersRepository } from './transfers.repository';
import { TransfersService } from './transfers.service';

/** Students: records, guardians, enrolment, transfers between schools, drop-out and year-end promotion. */
@Module({
  controllers: [StudentsController, TransfersController, TransferTargetsController, PromotionsController],
  providers: [
    StudentsRepository,
    EnrolmentRepository,
    PromotionRepository,
    TransfersRepository,
    StudentsService,
    StudentExportService,
    EnrolmentService,
    PromotionService,
    TransfersService,
  ],
  exports: [StudentsService],
})
export class PeopleModule {}

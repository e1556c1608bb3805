import { Module } from '@nestjs/common';
import { AcademicModule } from '@emis/api/academic';
import { StaffModule } from '@emis/api/staff';
import { CorrectionsRepository } from './corrections.repository';
import { CorrectionsService } from './corrections.service';
import { GradeWriter } from './grade-writer';
import { GradebookController } from './gradebook.controller';
import { GradebookRepository } from './gradebook.repository';
import { GradebookService } from './gradebook.service';
import { GradingController } from './grading.controller';

/** The gradebook: sheets, saves, history, locks and corrections, conduct, results, Excel and report cards. */
@Module({
  imports: [AcademicModule, StaffModule],
  controllers: [GradebookController, GradingController],
  providers: [GradebookRepository, GradeWriter, GradebookService, CorrectionsRepository, CorrectionsService],
  exports: [GradebookService, GradebookRepository, GradeWriter],
})
export class GradingModule {}

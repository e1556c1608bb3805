import { Module } from '@nestjs/common';
import { StaffModule } from '@emis/api/staff';
import { AcademicEvents } from './academic-events';
import { AcademicFacts } from './academic-facts';
import { AcademicFactsRepository } from './academic-facts.repository';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentsService } from './assignments.service';
import { AttendanceController } from './attendance.controller';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';
import { SchoolCalendarController, SchoolYearsController, SubjectsController } from './calendar.controller';
import { ClassesController } from './classes.controller';
import { ClassesRepository } from './classes.repository';
import { ClassesService } from './classes.service';
import { DutiesRelease } from './duties-release';
import { RuleSettingsController } from './rule-settings/rule-settings.controller';
import { RuleSettingsRepository } from './rule-settings/rule-settings.repository';
import { RuleSettingsService } from './rule-settings/rule-settings.service';
import { SchoolYearsRepository } from './school-years.repository';
import { SchoolYearsService } from './school-years.service';

/** The school calendar, subjects, classes, attendance and teaching assignments. */
@Module({
  imports: [StaffModule],
  controllers: [
    SchoolYearsController,
    SubjectsController,
    SchoolCalendarController,
    ClassesController,
    AttendanceController,
    RuleSettingsController,
  ],
  providers: [
    SchoolYearsRepository,
    SchoolYearsService,
    ClassesRepository,
    ClassesService,
    AssignmentsRepository,
    AssignmentsService,
    AttendanceRepository,
    AttendanceService,
    DutiesRelease,
    AcademicFactsRepository,
    AcademicFacts,
    AcademicEvents,
    RuleSettingsRepository,
    RuleSettingsService,
  ],
  exports: [SchoolYearsService, AssignmentsService, AcademicFacts, RuleSettingsService],
})
export class AcademicModule {}

export * from './academic.module';
/** For other contexts: the closed-year guard (assertWritable, assertClassWritable) and who may teach what (canTeach…). */
export { SchoolYearsService } from './school-years.service';
export { AssignmentsService } from './assignments.service';
/** The reporting read model's port: class sizes and attendance of a school. */
export { AcademicFacts } from './academic-facts';
export { ACADEMIC_ATTENDANCE_CHANGED, ACADEMIC_CLASSES_CHANGED } from './academic-events';
export { ACADEMIC_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateCalendarAndClasses1764200000020 } from './migrations/1764200000020-CreateCalendarAndClasses';
export { CreateAttendance1764200000040 } from './migrations/1764200000040-CreateAttendance';
export { CreateAcademicViews1764400000100 } from './migrations/1764400000100-CreateAcademicViews';
export { ExtendAcademicViews1764400000600 } from './migrations/1764400000600-ExtendAcademicViews';
export { CreateProvinceRuleSettings1765000000100 } from './migrations/1765000000100-CreateProvinceRuleSettings';
export { CreateNaturalCollation1765000001000 } from './migrations/1765000001000-CreateNaturalCollation';
export { CreateRuleSettingsView1765000000750 } from './migrations/1765000000750-CreateRuleSettingsView';
/** For other contexts: the province's rule settings of a school year (docs/domain/secondary-assessment-c22.md). */
export { RuleSettingsService } from './rule-settings/rule-settings.service';

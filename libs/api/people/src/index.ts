export * from './people.module';
export * from './enrolment-sql';
/** The reporting read model's port: headcounts, policy groups and movements of a school. */
export { PeopleFacts } from './people-facts';
/** For finance: the pupils a school bills, their classes and policy groups, names for receipts, homeroom classes. */
export { PupilRoster } from './roster/pupil-roster';
export type { NamedPupil, RosterClass, RosterPupil } from './roster/pupil-roster';
/** For grading's completion council: a pupil who completes grade 9 graduates (docs/domain/completion.md). */
export { PupilGraduation } from './pupil-graduation';
export { PEOPLE_ENROLMENT_CHANGED } from './people-events';
export { PEOPLE_MESSAGES } from './messages';
/** The student list's statements, for the spec that checks their plans at a school of 20,000 pupils. */
export { studentCountStatement, studentListStatement, studentOrder } from './students.repository';
export type { StudentFilter } from './students.repository';
/** The province-wide search's statement, for the spec that checks its plan at the province's scale. */
export { RAREST_WORD_SQL, SEARCH_PLAN_SETTINGS, studentSearchStatement } from './search/student-search.repository';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateStudents1764200000030 } from './migrations/1764200000030-CreateStudents';
export { AddPeopleDetails1764200000100 } from './migrations/1764200000100-AddPeopleDetails';
export { CreatePeopleViews1764400000200 } from './migrations/1764400000200-CreatePeopleViews';
export { CreatePeopleEnrolmentView1764400000700 } from './migrations/1764400000700-CreatePeopleEnrolmentView';
export { IndexStudentLists1765000000500 } from './migrations/1765000000500-IndexStudentLists';
export { AllowUnnamedGuardianContacts1765000000410 } from './migrations/1765000000410-AllowUnnamedGuardianContacts';
export { CreateStudentSearchWords1765000000800 } from './migrations/1765000000800-CreateStudentSearchWords';
export { KeepStudentRecords1765000002250 } from './migrations/1765000002250-KeepStudentRecords';
export { WriteSearchWordsSetWise1765000002500 } from './migrations/1765000002500-WriteSearchWordsSetWise';

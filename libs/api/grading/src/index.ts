export * from './grading.module';
/** The reporting read model's port: a class's results as fact rows. */
export { GradingFacts } from './grading-facts';
export type { ClassFacts } from './grading-facts';
export { GRADING_RESULTS_CHANGED } from './grading-events';
export type { GradingResultsChanged } from './grading-events';
export { GRADING_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateGradebook1764300000000 } from './migrations/1764300000000-CreateGradebook';
export { RecordYearConductAndRecognitions1765000000200 } from './migrations/1765000000200-RecordYearConductAndRecognitions';
export { CreateResultsRecomputeRun1765000000110 } from './migrations/1765000000110-CreateResultsRecomputeRun';
export { CreateCompletionCouncils1765000000300 } from './migrations/1765000000300-CreateCompletionCouncils';
export { CreateNotification1765000000950 } from './migrations/1765000000950-CreateNotification';
export { ScopeGradingLocks1765000000960 } from './migrations/1765000000960-ScopeGradingLocks';
export { RecordRecognitionDecisionDocuments1765000001400 } from './migrations/1765000001400-RecordRecognitionDecisionDocuments';
/** In-app notifications: the reactions that write them (NotificationsService.deliver, exercised by the specs). */
export { NotificationsService } from './notifications/notifications.service';

import type { CompletionCondition, Level4 } from '@emis/domain';

/** Grade 9 completion under Circular 31/2023 (docs/domain/completion.md). */

/** The software's proposal for one pupil: completes, or the conditions not met. */
export interface CompletionProposalView {
  completes: boolean;
  unmet: CompletionCondition[];
  age: number | null;
}

/** A council sitting: at most two in a school year. */
export interface CompletionCouncil {
  id: string;
  schoolYearId: string;
  sitting: 1 | 2;
  heldOn: string;
  chairName: string;
  members: string[];
  createdByName: string | null;
  createdAt: string;
  decided: number;
  completed: number;
}

export interface CompletionCouncilInput {
  schoolYearId: string;
  /** yyyy-MM-dd */
  heldOn: string;
  /** The chair: the principal, who certifies completion from 2025-26. */
  chairName: string;
  members: string[];
}

/** The principal's certification written to the học bạ (2025-26 on). */
export interface CompletionCertification {
  text: string;
  certifiedOn: string;
  principalName: string;
}

export interface CompletionDecisionView {
  councilId: string;
  sitting: 1 | 2;
  completes: boolean;
  reason: string | null;
  /** Null before 2025-26: a decision of the diploma era. */
  certification: CompletionCertification | null;
  decidedByName: string | null;
  decidedAt: string;
}

/** One grade 9 pupil on the completion page. */
export interface CompletionPupil {
  studentId: string;
  fullName: string;
  dateOfBirth: string | null;
  classId: string | null;
  className: string | null;
  learning: Level4 | null;
  training: Level4 | null;
  absences: number;
  /** The proposal now; for a pupil who has left (graduated), the one the decision was taken on. */
  proposal: CompletionProposalView;
  /** The latest decision (the second sitting's over the first's), if any. */
  decision: CompletionDecisionView | null;
}

export interface CompletionOverview {
  schoolYearId: string;
  schoolYearCode: string;
  /** Whether a completion from this year is certified in the học bạ (2025-26 on). */
  certified: boolean;
  councils: CompletionCouncil[];
  pupils: CompletionPupil[];
}

export interface CompletionDecisionInput {
  studentId: string;
  completes: boolean;
  /** Required when the pupil does not complete. */
  reason?: string | null;
}

export interface CompletionDecisionsInput {
  decisions: CompletionDecisionInput[];
}

export interface CompletionDecisionsResult {
  decided: number;
  completed: number;
  notCompleted: number;
  unchanged: number;
}

/** The student's page: the completion recorded for the pupil, if any. */
export interface StudentCompletion {
  schoolYearCode: string;
  completes: boolean;
  heldOn: string;
  sitting: 1 | 2;
  certification: CompletionCertification | null;
  decidedByName: string | null;
  decidedAt: string;
}

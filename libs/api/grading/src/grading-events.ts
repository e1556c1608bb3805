import { Injectable } from '@nestjs/common';
import { OutboxPublisher, SqlPart } from '@emis/api/platform';
import type { CorrectionRequest } from '@emis/contracts';
import { EntityManager } from 'typeorm';

/** Events the grading context publishes through the outbox (docs/adr/table-ownership-and-events.md). */

/** A class's results may have changed: a sheet saved or imported, a correction applied, conduct rated. */
export const GRADING_RESULTS_CHANGED = 'grading.results-changed';

export interface GradingResultsChanged {
  classId: string;
}

/** A teacher asked to change cells of a locked semester; the school's principals are told (notifications). */
export const GRADING_CORRECTION_REQUESTED = 'grading.correction-requested';
/** The principal approved or rejected a correction request; the teacher who asked is told (notifications). */
export const GRADING_CORRECTION_DECIDED = 'grading.correction-decided';

/** Both correction events: the request as the inbox shows it, and the user who asked. */
export interface GradingCorrectionEvent {
  correction: CorrectionRequest;
  requestedBy: string | null;
}

/** Publishes grading's events in the transaction of the change (the event exists if and only if the change commits). */
@Injectable()
export class GradingEvents {
  constructor(private readonly outbox: OutboxPublisher) {}

  resultsChanged(em: EntityManager, schoolId: string, classId: string): Promise<string> {
    const payload: GradingResultsChanged = { classId };
    return this.outbox.publish(em, { type: GRADING_RESULTS_CHANGED, schoolId, aggregateId: classId, payload });
  }

  /** The same event as a piece of the change's own statement (the grade save writes it with its rows). */
  resultsChangedPart(schoolId: string, classId: string, at: Date): SqlPart {
    const payload: GradingResultsChanged = { classId };
    return this.outbox.publishPart({ type: GRADING_RESULTS_CHANGED, schoolId, aggregateId: classId, payload }, at);
  }

  correctionRequested(em: EntityManager, schoolId: string, payload: GradingCorrectionEvent): Promise<string> {
    return this.outbox.publish(em, {
      type: GRADING_CORRECTION_REQUESTED,
      schoolId,
      aggregateId: payload.correction.id,
      payload,
    });
  }

  correctionDecided(em: EntityManager, schoolId: string, payload: GradingCorrectionEvent): Promise<string> {
    return this.outbox.publish(em, {
      type: GRADING_CORRECTION_DECIDED,
      schoolId,
      aggregateId: payload.correction.id,
      payload,
    });
  }
}

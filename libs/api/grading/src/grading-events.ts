import { Injectable } from '@nestjs/common';
import { OutboxPublisher, SqlPart } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** Events the grading context publishes through the outbox (docs/adr/table-ownership-and-events.md). */

/** A class's results may have changed: a sheet saved or imported, a correction applied, conduct rated. */
export const GRADING_RESULTS_CHANGED = 'grading.results-changed';

export interface GradingResultsChanged {
  classId: string;
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
}

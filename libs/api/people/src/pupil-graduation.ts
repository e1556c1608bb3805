import { Injectable } from '@nestjs/common';
import type { GradeLevel } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { Principal } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { EnrolmentRepository } from './enrolment.repository';
import { PeopleEvents } from './people-events';
import { PromotionRepository } from './promotion.repository';
import { StudentsRepository } from './students.repository';

/**
 * The people port for grade 9 completion (docs/domain/completion.md): the completion council, in the grading
 * context, decides; the pupil's record is people's, so the status change happens here. A pupil who completes
 * leaves the school as a graduate at the year's end (status GRADUATED, the year's enrolment closed on its last day,
 * the year's outcome GRADUATED), exactly as the last grade's promotion does; a completion taken back restores the
 * pupil. Each call runs in the caller's transaction, writes nothing when nothing changes, and audits one row per
 * pupil whose record changed.
 */
@Injectable()
export class PupilGraduation {
  constructor(
    private readonly promotions: PromotionRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly students: StudentsRepository,
    private readonly audit: AuditService,
    private readonly events: PeopleEvents,
  ) {}

  /** True when the record changed. */
  async graduate(
    em: EntityManager,
    p: { schoolId: string; studentId: string; yearId: string; grade: GradeLevel; actor: Principal },
  ): Promise<boolean> {
    const year = await this.enrolments.findYear(em, p.yearId);
    const now = await this.current(em, p.schoolId, p.studentId, p.yearId);
    if (!year || !now || (now.status === 'GRADUATED' && now.outcome === 'GRADUATED')) return false;
    const at = new Date();
    await this.promotions.closeOpenInYear(em, p.schoolId, p.studentId, year.id, year.endsOn);
    await this.students.setStatus(em, p.schoolId, p.studentId, 'GRADUATED', null, year.endsOn, at);
    await this.promotions.saveOutcome(em, p.schoolId, p.studentId, year.id, p.grade, 'GRADUATED', p.actor.userId, at);
    await this.audit.record(
      em,
      {
        schoolId: p.schoolId,
        entity: 'year_outcome',
        entityId: p.studentId,
        action: now.outcome ? 'UPDATE' : 'CREATE',
        before: { outcome: now.outcome, status: now.status },
        after: {
          outcome: 'GRADUATED',
          status: 'GRADUATED',
          grade: p.grade,
          schoolYearCode: year.code,
          by: 'COMPLETION',
        },
      },
      p.actor,
    );
    await this.events.enrolmentChanged(em, p.schoolId, p.studentId);
    return true;
  }

  /** Undoes a graduation when the council takes a completion back; true when the record changed. */
  async withdrawGraduation(
    em: EntityManager,
    p: { schoolId: string; studentId: string; yearId: string; actor: Principal },
  ): Promise<boolean> {
    const year = await this.enrolments.findYear(em, p.yearId);
    const now = await this.current(em, p.schoolId, p.studentId, p.yearId);
    if (!year || !now || now.outcome !== 'GRADUATED') return false;
    const at = new Date();
    if (now.status === 'GRADUATED') {
      await this.promotions.reopenLastEnrolment(em, p.schoolId, p.studentId, year.id);
      await this.students.setStatus(em, p.schoolId, p.studentId, 'STUDYING', null, null, at);
    }
    await this.promotions.deleteOutcome(em, p.schoolId, p.studentId, year.id);
    await this.audit.record(
      em,
      {
        schoolId: p.schoolId,
        entity: 'year_outcome',
        entityId: p.studentId,
        action: 'DELETE',
        before: { outcome: now.outcome, status: now.status },
        after: { outcome: null, status: 'STUDYING', schoolYearCode: year.code, by: 'COMPLETION' },
      },
      p.actor,
    );
    await this.events.enrolmentChanged(em, p.schoolId, p.studentId);
    return true;
  }

  private current(em: EntityManager, schoolId: string, studentId: string, yearId: string) {
    return this.promotions.memberOf(em, schoolId, studentId, yearId);
  }
}

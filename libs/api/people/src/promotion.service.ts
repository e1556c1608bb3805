import { HttpStatus, Injectable } from '@nestjs/common';
import type { PromotionPreview, PromotionRequest, PromotionResult } from '@emis/contracts';
import { completionApplies, GradeLevel, gradesOfSchool, nextGrade, YearOutcome } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Principal, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { assertYearWritable, EnrolmentRepository, SchoolYearRow } from './enrolment.repository';
import { CohortMember, PromotionRepository } from './promotion.repository';
import { StudentsRepository } from './students.repository';
import { PeopleEvents } from './people-events';

/**
 * Year-end promotion of a whole grade (Circular 22/2021 Art. 12; primary Circular 27/2020 Art. 11): the school
 * council decides, the software records it. Everyone in the grade moves up, except the named repeaters; in the
 * school's last grade moving up means graduating. Re-running replaces the grade's decisions for that year.
 */
@Injectable()
export class PromotionService {
  constructor(
    private readonly repo: PromotionRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly students: StudentsRepository,
    private readonly tree: OrgTreeService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: PeopleEvents,
  ) {}

  async preview(scope: Scope, schoolId: string, yearId: string, grade: GradeLevel): Promise<PromotionPreview> {
    assertInScope(scope, schoolId);
    const next = await this.nextGradeAt(schoolId, grade);
    return this.db.run(async (em) => {
      const year = await this.yearOf(em, yearId, 'yearId');
      const cohort = await this.repo.cohort(em, schoolId, yearId, grade);
      return {
        schoolYearId: yearId,
        grade,
        nextGrade: next,
        students: cohort.length,
        alreadyDecided: await this.repo.countDecided(em, schoolId, yearId, grade),
        // Grade 9 gets a completion proposal instead of "moves up" (docs/domain/completion.md).
        ...(completionApplies(year.code, grade) ? { completionCouncil: true as const } : {}),
      };
    });
  }

  async promote(scope: Scope, actor: Principal, schoolId: string, req: PromotionRequest): Promise<PromotionResult> {
    assertInScope(scope, schoolId);
    const next = await this.nextGradeAt(schoolId, req.grade);
    return this.db.run(async (em) => {
      const year = await this.yearOf(em, req.schoolYearId);
      assertYearWritable(year);
      const cohort = await this.repo.cohort(em, schoolId, year.id, req.grade);
      const inGrade = new Set(cohort.map((m) => m.studentId));
      const strangers = req.repeaterIds.filter((id) => !inGrade.has(id));
      if (strangers.length)
        throw new ProblemException(HttpStatus.BAD_REQUEST, 'repeaters_not_in_grade', undefined, {
          studentIds: strangers,
        });
      const repeaters = new Set(req.repeaterIds);
      const result: PromotionResult = { promoted: 0, graduated: 0, repeated: 0 };
      const at = new Date();
      for (const member of cohort) {
        const outcome: YearOutcome = repeaters.has(member.studentId) ? 'REPEAT' : next ? 'PROMOTED' : 'GRADUATED';
        await this.decide(em, { schoolId, year, grade: req.grade, member, outcome, actor, at });
        result[outcome === 'PROMOTED' ? 'promoted' : outcome === 'REPEAT' ? 'repeated' : 'graduated']++;
      }
      if (cohort.length) await this.events.enrolmentChanged(em, schoolId, year.id);
      return result;
    });
  }

  /**
   * Records one student's decision. A graduate leaves the school at the year's end (status GRADUATED, enrolment
   * closed); a graduation taken back by a re-run restores the student. Nothing is written, and nothing audited,
   * when the decision is the one already recorded — so re-running with the same list changes nothing.
   * One audit row per student whose decision changed: the log must answer "whose record changed", per child.
   */
  private async decide(
    em: EntityManager,
    d: {
      schoolId: string;
      year: SchoolYearRow;
      grade: GradeLevel;
      member: CohortMember;
      outcome: YearOutcome;
      actor: Principal;
      at: Date;
    },
  ): Promise<void> {
    const { schoolId, year, member, outcome, at } = d;
    if (member.outcome === outcome) return;
    if (member.status === 'GRADUATED' && outcome !== 'GRADUATED') {
      await this.repo.reopenLastEnrolment(em, schoolId, member.studentId, year.id);
      await this.students.setStatus(em, schoolId, member.studentId, 'STUDYING', null, null, at);
    }
    if (outcome === 'GRADUATED' && member.status !== 'GRADUATED') {
      await this.repo.closeOpenInYear(em, schoolId, member.studentId, year.id, year.endsOn);
      await this.students.setStatus(em, schoolId, member.studentId, 'GRADUATED', null, year.endsOn, at);
    }
    await this.repo.saveOutcome(em, schoolId, member.studentId, year.id, d.grade, outcome, d.actor.userId, at);
    await this.audit.record(em, {
      schoolId,
      entity: 'year_outcome',
      entityId: member.studentId,
      action: member.outcome ? 'UPDATE' : 'CREATE',
      before: member.outcome ? { outcome: member.outcome } : null,
      after: { outcome, grade: d.grade, schoolYearCode: year.code },
    });
  }

  /** The grade after `grade` at this school, or null when it is the school's last; 400 for a grade it does not teach. */
  private async nextGradeAt(schoolId: string, grade: GradeLevel): Promise<GradeLevel | null> {
    const levels = (await this.tree.get(schoolId))?.levels ?? [];
    if (!gradesOfSchool(levels).includes(grade))
      throw new ValidationProblem([{ field: 'grade', rule: 'gradeNotTaught', args: [] }]);
    return nextGrade(grade, levels);
  }

  private async yearOf(em: EntityManager, yearId: string, field = 'schoolYearId'): Promise<SchoolYearRow> {
    const year = await this.enrolments.findYear(em, yearId);
    if (!year) throw new ValidationProblem([{ field, rule: 'unknownYear', args: [] }]);
    return year;
  }
}

import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  CompletionCertification,
  CompletionCouncil,
  CompletionCouncilInput,
  CompletionDecisionsInput,
  CompletionDecisionsResult,
  CompletionOverview,
  CompletionPupil,
  StudentCompletion,
} from '@emis/contracts';
import {
  COMPLETION_CERTIFICATION_TEXT,
  completionApplies,
  completionIsCertified,
  isRealDate,
  Level4,
  MAX_COMPLETION_SITTINGS_PER_YEAR,
} from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { PupilGraduation } from '@emis/api/people';
import { assertInScope, Principal, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { GradebookRepository } from '../gradebook.repository';
import { ClassResultsLoader } from '../results.loader';
import { CompletionRepository, CouncilRecord, DecisionRecord } from './completion.repository';

type FieldError = { field: string; rule: string; args: unknown[] };

/**
 * Grade 9 completion (Circular 31/2023; docs/domain/completion.md): the proposal for every grade 9 pupil of a year,
 * computed with the class results; the school's council, at most two sittings a year; its decision per pupil with
 * the reason and who recorded it; from 2025-26 the principal's certification for the học bạ; a pupil who completes
 * graduates through the people context's port. Every change audited in its transaction.
 */
@Injectable()
export class CompletionService {
  constructor(
    private readonly repo: CompletionRepository,
    private readonly classes: GradebookRepository,
    private readonly loader: ClassResultsLoader,
    private readonly graduation: PupilGraduation,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async overview(scope: Scope, actor: Principal, schoolId: string, yearId: string): Promise<CompletionOverview> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const year = await this.repo.schoolYear(em, yearId);
      if (!year) throw new ValidationProblem([{ field: 'yearId', rule: 'unknownYear', args: [] }]);
      const overview: CompletionOverview = {
        schoolYearId: year.id,
        schoolYearCode: year.code,
        certified: completionIsCertified(year.code),
        councils: await this.repo.councilsOfYear(em, schoolId, year.id),
        pupils: completionApplies(year.code, '9') ? await this.pupils(em, schoolId, year.id) : [],
      };
      // The grade's results and decisions are pupils' personal data: the read is audited (docs/domain/personal-data.md).
      await this.audit.recordRead(
        em,
        {
          schoolId,
          entity: 'completion_decision',
          entityId: year.id,
          ids: overview.pupils.map((p) => p.studentId),
          filter: { yearId: year.id },
        },
        actor,
      );
      return overview;
    });
  }

  async openCouncil(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    input: CompletionCouncilInput,
  ): Promise<CompletionCouncil> {
    assertInScope(scope, schoolId);
    if (!isRealDate(input.heldOn)) throw new ValidationProblem([{ field: 'heldOn', rule: 'isRealDate', args: [] }]);
    return this.db.run(async (em) => {
      const year = await this.repo.schoolYear(em, input.schoolYearId);
      if (!year) throw new ValidationProblem([{ field: 'schoolYearId', rule: 'unknownYear', args: [] }]);
      if (!completionApplies(year.code, '9'))
        throw new ValidationProblem([{ field: 'schoolYearId', rule: 'completionNotInYear', args: [year.code] }]);
      if (year.status === 'CLOSED') throw new ProblemException(HttpStatus.CONFLICT, 'year_closed', year.code);
      const held = await this.repo.lockSittings(em, schoolId, year.id);
      // Circular 31/2023: at most two sittings a year (the database refuses a third too).
      if (held >= MAX_COMPLETION_SITTINGS_PER_YEAR)
        throw new ProblemException(HttpStatus.CONFLICT, 'completion_sittings_exhausted', year.code, {
          sittings: held,
        });
      const at = new Date();
      const id = await this.repo.insertCouncil(em, schoolId, {
        schoolYearId: year.id,
        sitting: held + 1,
        heldOn: input.heldOn,
        chairName: input.chairName,
        members: input.members,
        by: actor.userId,
        byName: actor.fullName,
        at,
      });
      await this.audit.record(
        em,
        {
          schoolId,
          entity: 'completion_council',
          entityId: id,
          action: 'CREATE',
          after: { schoolYearCode: year.code, sitting: held + 1, ...input },
        },
        actor,
      );
      return (await this.repo.councilsOfYear(em, schoolId, year.id)).find((c) => c.id === id)!;
    });
  }

  /**
   * Records the council's decisions for the pupils named; a pupil decided again at the same sitting has the decision
   * replaced. Refused as a whole (400, field by field) when a pupil is not in grade 9 of the year, was already
   * completed at another sitting, or a decision that the pupil does not complete — or one against the proposal —
   * gives no reason.
   */
  async decide(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    councilId: string,
    input: CompletionDecisionsInput,
  ): Promise<CompletionDecisionsResult> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const council = await this.repo.council(em, schoolId, councilId);
      if (!council) throw new NotFoundException();
      if (council.yearStatus === 'CLOSED')
        throw new ProblemException(HttpStatus.CONFLICT, 'year_closed', council.schoolYearCode);
      const pupils = new Map(
        (await this.pupils(em, schoolId, council.schoolYearId)).map((p) => [p.studentId, p] as const),
      );
      const errors = decisionErrors(input, pupils, council);
      if (errors.length) throw new ValidationProblem(errors);
      const result: CompletionDecisionsResult = { decided: 0, completed: 0, notCompleted: 0, unchanged: 0 };
      for (const d of input.decisions) {
        const changed = await this.record(em, actor, schoolId, council, pupils.get(d.studentId)!, d);
        result.decided++;
        result[d.completes ? 'completed' : 'notCompleted']++;
        if (!changed) result.unchanged++;
      }
      return result;
    });
  }

  /** The completion recorded for a pupil (the student's page): the latest decision, or null. */
  async ofStudent(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    studentId: string,
  ): Promise<{ completion: StudentCompletion | null }> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      // A pupil of another school is not found here (row-level security hides them; the sweep checks it).
      if (!(await this.repo.pupil(em, schoolId, studentId))) throw new NotFoundException();
      const [latest] = await this.repo.completionsOf(em, schoolId, [studentId]);
      if (latest)
        await this.audit.recordRead(
          em,
          { schoolId, entity: 'completion_decision', entityId: studentId, ids: [studentId] },
          actor,
        );
      return { completion: latest ? studentCompletion(latest) : null };
    });
  }

  /** The council and its decisions, for the printed list (audited by the caller's export). */
  async councilWithDecisions(
    em: EntityManager,
    schoolId: string,
    councilId: string,
  ): Promise<{ council: CouncilRecord; decisions: DecisionRecord[] }> {
    const council = await this.repo.council(em, schoolId, councilId);
    if (!council) throw new NotFoundException();
    return { council, decisions: await this.repo.decisionsOfCouncil(em, schoolId, councilId) };
  }

  /** True when something changed. */
  private async record(
    em: EntityManager,
    actor: Principal,
    schoolId: string,
    council: CouncilRecord,
    pupil: CompletionPupil,
    d: CompletionDecisionsInput['decisions'][number],
  ): Promise<boolean> {
    const before = pupil.decision?.councilId === council.id ? pupil.decision : null;
    const reason = d.reason?.trim() || null;
    if (before && before.completes === d.completes && before.reason === reason) return false;
    const certification: CompletionCertification | null =
      d.completes && completionIsCertified(council.schoolYearCode)
        ? { text: COMPLETION_CERTIFICATION_TEXT, certifiedOn: council.heldOn, principalName: council.chairName }
        : null;
    await this.repo.saveDecision(em, schoolId, {
      councilId: council.id,
      studentId: pupil.studentId,
      classId: pupil.classId,
      completes: d.completes,
      reason,
      snapshot: {
        fullName: pupil.fullName,
        dateOfBirth: pupil.dateOfBirth,
        className: pupil.className,
        learning: pupil.learning,
        training: pupil.training,
        absences: pupil.absences,
        proposal: pupil.proposal,
      },
      certification,
      by: actor.userId,
      byName: actor.fullName,
      at: new Date(),
    });
    const move = { schoolId, studentId: pupil.studentId, yearId: council.schoolYearId, actor };
    if (d.completes) await this.graduation.graduate(em, { ...move, grade: '9' });
    else await this.graduation.withdrawGraduation(em, move);
    await this.audit.record(
      em,
      {
        schoolId,
        entity: 'completion_decision',
        entityId: pupil.studentId,
        action: before ? 'UPDATE' : 'CREATE',
        before: before ? { completes: before.completes, reason: before.reason } : null,
        after: {
          councilId: council.id,
          sitting: council.sitting,
          completes: d.completes,
          reason,
          proposal: pupil.proposal,
          certification,
        },
      },
      actor,
    );
    return true;
  }

  /**
   * Every grade 9 pupil of the year: those sitting in a grade 9 class with the proposal computed from the year's
   * results, then those who have left since a decision (graduates), shown with the proposal it was taken on.
   */
  private async pupils(em: EntityManager, schoolId: string, yearId: string): Promise<CompletionPupil[]> {
    const decisions = latestPerPupil(await this.repo.decisionsOfYear(em, schoolId, yearId));
    const classes = (await this.classes.classesOfSchool(em, schoolId)).filter(
      (c) => c.schoolYearId === yearId && c.grade === '9',
    );
    const pupils: CompletionPupil[] = [];
    for (const cls of classes) {
      const computed = (await this.loader.compute(em, schoolId, cls, ['CN']))?.get('CN');
      for (const row of computed?.rows ?? []) {
        pupils.push({
          studentId: row.studentId,
          fullName: row.fullName,
          dateOfBirth: row.dateOfBirth,
          classId: cls.id,
          className: cls.name,
          learning: row.learning as Level4 | null,
          training: row.training,
          absences: row.absences.excused + row.absences.unexcused,
          proposal: row.secondaryCompletion ?? { completes: false, unmet: ['RECORDS'], age: null },
          decision: decisions.get(row.studentId) ? decisionView(decisions.get(row.studentId)!) : null,
        });
      }
    }
    const seated = new Set(pupils.map((p) => p.studentId));
    for (const [studentId, d] of decisions) {
      if (seated.has(studentId)) continue;
      const s = d.snapshot;
      pupils.push({
        studentId,
        fullName: s.fullName,
        dateOfBirth: s.dateOfBirth,
        classId: d.classId,
        className: s.className,
        learning: s.learning,
        training: s.training,
        absences: s.absences,
        proposal: s.proposal,
        decision: decisionView(d),
      });
    }
    // A stable sort: within a class, the loader's Vietnamese name order stays.
    return pupils.sort((a, b) => (a.className ?? '').localeCompare(b.className ?? '', 'vi'));
  }
}

function latestPerPupil(decisions: DecisionRecord[]): Map<string, DecisionRecord> {
  const latest = new Map<string, DecisionRecord>();
  for (const d of decisions) if (!latest.has(d.studentId)) latest.set(d.studentId, d);
  return latest;
}

function decisionView(d: DecisionRecord): CompletionPupil['decision'] {
  return {
    councilId: d.councilId,
    sitting: d.sitting,
    completes: d.completes,
    reason: d.reason,
    certification: d.certification,
    decidedByName: d.decidedByName,
    decidedAt: d.decidedAt,
  };
}

function studentCompletion(d: DecisionRecord): StudentCompletion {
  return {
    schoolYearCode: d.schoolYearCode,
    completes: d.completes,
    heldOn: d.heldOn,
    sitting: d.sitting,
    certification: d.certification,
    decidedByName: d.decidedByName,
    decidedAt: d.decidedAt,
  };
}

function decisionErrors(
  input: CompletionDecisionsInput,
  pupils: Map<string, CompletionPupil>,
  council: CouncilRecord,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.decisions.forEach((d, i) => {
    const pupil = pupils.get(d.studentId);
    if (!pupil) errors.push({ field: `decisions.${i}.studentId`, rule: 'notInGrade9', args: [] });
    else if (seen.has(d.studentId)) errors.push({ field: `decisions.${i}.studentId`, rule: 'duplicate', args: [] });
    else if (pupil.decision?.completes && pupil.decision.councilId !== council.id)
      errors.push({ field: `decisions.${i}.studentId`, rule: 'alreadyCompleted', args: [pupil.decision.sitting] });
    else if (!d.reason?.trim() && (!d.completes || !pupil.proposal.completes))
      errors.push({ field: `decisions.${i}.reason`, rule: 'completionReasonRequired', args: [] });
    seen.add(d.studentId);
  });
  return errors;
}

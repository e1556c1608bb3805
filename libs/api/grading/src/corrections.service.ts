import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  CorrectionDecision,
  CorrectionRequest,
  CorrectionRequestInput,
  GradingLock,
  GradingLockInput,
  Page,
} from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  PageQueryDto,
  Principal,
  ProblemException,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
  ValidationProblem,
} from '@emis/api/platform';
import { SchoolYearsService } from '@emis/api/academic';
import { EntityManager } from 'typeorm';
import { columnsOf, GradeWriter, parseRowCells } from './grade-writer';
import { CorrectionsRepository } from './corrections.repository';
import { GradebookRepository } from './gradebook.repository';
import { GradebookService, lockedColumns } from './gradebook.service';
import { GradingEvents } from './grading-events';

/**
 * Semester locks and the corrections that follow them. Once the school locks a semester, a teacher cannot save;
 * they ask for a correction (cells, reason), and the principal approves — the change is then applied with the
 * request's reason in each cell's history — or rejects it with a note.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly repo: CorrectionsRepository,
    private readonly gradebooks: GradebookRepository,
    private readonly gradebook: GradebookService,
    private readonly writer: GradeWriter,
    private readonly years: SchoolYearsService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: GradingEvents,
  ) {}

  async locks(scope: Scope, schoolId: string, yearId: string): Promise<GradingLock[]> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.repo.locks(em, schoolId, yearId));
  }

  /**
   * Locks a semester for the whole school or a narrower scope (grade, class, subject, assessment column); the scope
   * must name a class of the school's year (of the grade, when both are given) and a known subject, else 400.
   */
  async lock(scope: Scope, actor: Principal, schoolId: string, input: GradingLockInput): Promise<GradingLock[]> {
    assertInScope(scope, schoolId);
    const { yearId, semester } = input;
    const lockScope = {
      grade: input.grade ?? null,
      classId: input.classId ?? null,
      subjectCode: input.subjectCode ?? null,
      columnKey: input.columnKey ?? null,
    };
    const schoolWide = Object.values(lockScope).every((v) => v === null);
    return this.db.run(async (em) => {
      await this.years.assertWritable(em, yearId, 'yearId');
      if (!schoolWide) await this.assertScope(em, schoolId, input);
      const id = await this.repo.lock(
        em,
        schoolId,
        yearId,
        semester,
        { ...lockScope, reason: input.reason || null },
        { id: actor.userId, name: actor.fullName },
        new Date(),
      );
      if (id) {
        await this.audit.record(em, {
          schoolId,
          entity: 'grading_lock',
          entityId: schoolWide ? `${yearId}:${semester}` : id,
          action: 'LOCK',
          after: schoolWide ? { yearId, semester } : { yearId, semester, ...lockScope, reason: input.reason || null },
        });
      }
      return this.repo.locks(em, schoolId, yearId);
    });
  }

  /** Removes any lock by its id (the principal), audited with the lock as it was. */
  async unlockById(scope: Scope, schoolId: string, lockId: string): Promise<void> {
    assertInScope(scope, schoolId);
    await this.db.run(async (em) => {
      const before = await this.repo.unlockById(em, schoolId, lockId);
      if (!before) throw new NotFoundException();
      await this.years.assertWritable(em, before.schoolYearId, 'yearId');
      await this.audit.record(em, {
        schoolId,
        entity: 'grading_lock',
        entityId: lockId,
        action: 'UNLOCK',
        before: { ...before },
      });
    });
  }

  private async assertScope(em: EntityManager, schoolId: string, input: GradingLockInput): Promise<void> {
    const facts = await this.repo.scopeFacts(
      em,
      schoolId,
      input.yearId,
      input.classId ?? null,
      input.subjectCode ?? null,
    );
    const errors: { field: string; rule: string; args: unknown[] }[] = [];
    if (input.classId && !facts.class_grade) errors.push({ field: 'classId', rule: 'lockClassNotInYear', args: [] });
    if (input.classId && input.grade && facts.class_grade && facts.class_grade !== input.grade)
      errors.push({ field: 'grade', rule: 'lockGradeNotClass', args: [facts.class_grade] });
    if (input.subjectCode && !facts.subject_known)
      errors.push({ field: 'subjectCode', rule: 'unknownSubject', args: [] });
    if (errors.length) throw new ValidationProblem(errors);
  }

  async unlock(scope: Scope, schoolId: string, yearId: string, semester: 1 | 2): Promise<void> {
    assertInScope(scope, schoolId);
    await this.db.run(async (em) => {
      await this.years.assertWritable(em, yearId, 'yearId');
      if (!(await this.repo.unlock(em, schoolId, yearId, semester))) throw new NotFoundException();
      await this.audit.record(em, {
        schoolId,
        entity: 'grading_lock',
        entityId: `${yearId}:${semester}`,
        action: 'UNLOCK',
        before: { yearId, semester },
      });
    });
  }

  /** The subject's teacher asks to change cells of a locked semester; `from` records what the cells held then. */
  async request(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    input: CorrectionRequestInput,
  ): Promise<CorrectionRequest> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const { cls, subject, access, gradebook } = await this.gradebook.open(
        em,
        actor,
        schoolId,
        input.classId,
        input.semester,
        input.subjectCode,
      );
      if (!access.teaches.has(input.subjectCode)) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
      // A correction is for a locked sheet, or for cells of locked columns only (issue 16's column locks).
      const columns = new Set(lockedColumns(access, input.subjectCode).map((c) => c.key));
      const onLockedColumns =
        Object.keys(input.cells).length > 0 && Object.keys(input.cells).every((k) => columns.has(k));
      if (!access.locked && !onLockedColumns) throw new ProblemException(HttpStatus.CONFLICT, 'gradebook_not_locked');
      const g =
        gradebook ??
        (await this.gradebooks.ensureGradebook(
          em,
          schoolId,
          this.gradebook.draft(cls, subject, input.semester),
          new Date(),
        ));
      const { parsed, errors } = parseRowCells(
        columnsOf(g, cls.grade),
        [{ studentId: input.studentId, cells: input.cells }],
        'rows',
      );
      const roster = await this.gradebooks.roster(em, schoolId, input.classId);
      if (!roster.some((s) => s.studentId === input.studentId))
        errors.push({ field: 'studentId', rule: 'notInClass', args: [] });
      const cells = parsed.get(input.studentId) ?? {};
      const current = (await this.gradebooks.entries(em, schoolId, g.id, [input.studentId])).get(input.studentId);
      const changes = Object.fromEntries(
        Object.entries(cells)
          .filter(([k, v]) => (current?.cells[k] ?? null) !== v)
          .map(([k, v]) => [k, { from: current?.cells[k] ?? null, to: v }]),
      );
      if (!errors.length && !Object.keys(changes).length) errors.push({ field: 'cells', rule: 'noChange', args: [] });
      if (errors.length)
        throw new ValidationProblem(errors.map((e) => ({ ...e, field: e.field.replace(/^rows\.0\./, '') })));
      const id = await this.repo.create(
        em,
        schoolId,
        { gradebookId: g.id, studentId: input.studentId, changes, reason: input.reason, requestedBy: actor.userId },
        actor.fullName,
        new Date(),
      );
      await this.audit.record(em, {
        schoolId,
        entity: 'grade_correction',
        entityId: id,
        action: 'CREATE',
        after: { gradebookId: g.id, studentId: input.studentId, changes, reason: input.reason },
      });
      const correction = await this.one(em, schoolId, id);
      await this.events.correctionRequested(em, schoolId, { correction, requestedBy: actor.userId });
      return correction;
    });
  }

  /** The principal sees every request of the school; a teacher sees their own. */
  async list(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    query: PageQueryDto & { status?: string },
  ): Promise<Page<CorrectionRequest>> {
    assertInScope(scope, schoolId);
    const paging = toSqlPaging(query, { requestedAt: 'r.requested_at', status: 'r.status' }, '-requestedAt');
    return this.db.run(async (em) => {
      const filter = { status: query.status, requestedBy: actor.role === 'TEACHER' ? actor.userId : undefined };
      const { items, total } = await this.repo.list(em, schoolId, filter, paging);
      return toPage(items, total, paging);
    });
  }

  /** Applies the requested cells if they still hold what they held when the teacher asked (else 409). */
  async approve(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    id: string,
    decision: CorrectionDecision,
  ): Promise<CorrectionRequest> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const c = await this.pending(em, schoolId, id);
      const g = (await this.gradebooks.gradebookById(em, schoolId, c.gradebookId))!;
      const cls = await this.gradebook.classOf(em, schoolId, g.classId);
      await this.years.assertWritable(em, cls.schoolYearId);
      const current = await this.gradebooks.entries(em, schoolId, g.id, [c.studentId], true);
      const now = current.get(c.studentId)?.cells ?? {};
      if (Object.entries(c.changes).some(([k, ch]) => (now[k] ?? null) !== ch.from))
        throw new ProblemException(HttpStatus.CONFLICT, 'correction_outdated');
      const cells = Object.fromEntries(Object.entries(c.changes).map(([k, ch]) => [k, ch.to]));
      const at = new Date();
      await this.writer.apply(em, schoolId, g, cls.grade, current, [{ studentId: c.studentId, cells }], {
        actor,
        at,
        reason: c.reason,
        correctionId: c.id,
        requestId: null,
      });
      await this.events.resultsChanged(em, schoolId, g.classId);
      await this.repo.decide(
        em,
        schoolId,
        id,
        'APPROVED',
        { id: actor.userId, name: actor.fullName },
        at,
        decision.note ?? null,
      );
      await this.audit.record(em, {
        schoolId,
        entity: 'grade_correction',
        entityId: id,
        action: 'APPROVE',
        after: { note: decision.note ?? null },
      });
      const correction = await this.one(em, schoolId, id);
      await this.events.correctionDecided(em, schoolId, { correction, requestedBy: c.requestedBy });
      return correction;
    });
  }

  async reject(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    id: string,
    decision: CorrectionDecision,
  ): Promise<CorrectionRequest> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const c = await this.pending(em, schoolId, id);
      await this.repo.decide(
        em,
        schoolId,
        id,
        'REJECTED',
        { id: actor.userId, name: actor.fullName },
        new Date(),
        decision.note ?? null,
      );
      await this.audit.record(em, {
        schoolId,
        entity: 'grade_correction',
        entityId: id,
        action: 'REJECT',
        after: { note: decision.note ?? null },
      });
      const correction = await this.one(em, schoolId, id);
      await this.events.correctionDecided(em, schoolId, { correction, requestedBy: c.requestedBy });
      return correction;
    });
  }

  private async pending(em: EntityManager, schoolId: string, id: string) {
    const c = await this.repo.find(em, schoolId, id, true);
    if (!c) throw new NotFoundException();
    if (c.status !== 'PENDING') throw new ProblemException(HttpStatus.CONFLICT, 'correction_not_pending');
    return c;
  }

  private async one(em: EntityManager, schoolId: string, id: string): Promise<CorrectionRequest> {
    const paging = toSqlPaging({}, { requestedAt: 'r.requested_at' }, '-requestedAt');
    return (await this.repo.list(em, schoolId, { id }, paging)).items[0];
  }
}

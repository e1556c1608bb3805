import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { Page, StudentTransfer, TransferAccept, TransferRequest, TransferTarget } from '@emis/contracts';
import { gradesOfSchool, TransferStatus } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  likePattern,
  PageQueryDto,
  Principal,
  ProblemException,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
  ValidationProblem,
} from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { assertYearWritable, clampToYear, EnrolmentRepository } from './enrolment.repository';
import { StudentsRepository } from './students.repository';
import { auditView, StudentsService } from './students.service';
import { TransferListFilter, TransferSide, TransferSnapshot, TransfersRepository } from './transfers.repository';
import { PeopleEvents } from './people-events';
import { PupilAccess } from './pupil-access';

/**
 * Moving a student between two schools: the sending school releases, the receiving school accepts or rejects,
 * the sender may cancel while it is pending. Each school sees only its own side (RLS); the service writes the
 * other side with a second scope of exactly that one school, in the same transaction, and audits both chains
 * (STYLE.md: cross-tenant workflows run with two scopes, never a bypass flag).
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly repo: TransfersRepository,
    private readonly studentsRepo: StudentsRepository,
    private readonly students: StudentsService,
    private readonly enrolments: EnrolmentRepository,
    private readonly tree: OrgTreeService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: PeopleEvents,
    private readonly access: PupilAccess,
  ) {}

  /** The sending school releases a student to another school of the province. */
  async release(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    studentId: string,
    req: TransferRequest,
  ): Promise<StudentTransfer> {
    assertInScope(scope, schoolId);
    const target = await this.tree.get(req.toSchoolId);
    if (!target || target.kind !== 'SCHOOL')
      throw new ValidationProblem([{ field: 'toSchoolId', rule: 'unknownSchool', args: [] }]);
    if (target.id === schoolId) throw new ValidationProblem([{ field: 'toSchoolId', rule: 'sameSchool', args: [] }]);
    return this.db.run(async (em) => {
      await this.students.lockWritable(em, schoolId, studentId);
      if (await this.repo.hasPendingOut(em, schoolId, studentId))
        throw new ProblemException(HttpStatus.CONFLICT, 'transfer_pending');
      const grade = await this.enrolments.currentGrade(em, schoolId, studentId);
      if (grade && !gradesOfSchool(target.levels).includes(grade)) {
        throw new ValidationProblem([{ field: 'toSchoolId', rule: 'schoolLacksGrade', args: [grade] }]);
      }
      const snapshot = await this.snapshotOf(em, schoolId, studentId);
      const id = randomUUID();
      const side = { id, studentId, reason: req.reason, effectiveOn: req.effectiveOn, status: 'PENDING' as const };
      const at = new Date();
      await this.repo.insert(
        em,
        { ...side, schoolId, direction: 'OUT', counterpartSchoolId: target.id, snapshot: null },
        actor.userId,
        at,
      );
      await this.auditSide(em, schoolId, id, 'CREATE', null, {
        direction: 'OUT',
        studentId,
        toSchoolId: target.id,
        effectiveOn: req.effectiveOn,
        reason: req.reason,
      });
      await this.inSchool(em, target.id, scope, async () => {
        await this.repo.insert(
          em,
          { ...side, schoolId: target.id, direction: 'IN', counterpartSchoolId: schoolId, snapshot },
          actor.userId,
          at,
        );
        await this.auditSide(em, target.id, id, 'CREATE', null, {
          direction: 'IN',
          studentId,
          fromSchoolId: schoolId,
          effectiveOn: req.effectiveOn,
          reason: req.reason,
        });
      });
      return this.repo.view(em, schoolId, id);
    });
  }

  /**
   * The receiving school accepts: the student is created there under the SAME id (the primary key is
   * (school_id, id)), guardians copied, optionally enrolled; the sender's record becomes read-only history.
   */
  async accept(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    transferId: string,
    req: TransferAccept,
  ): Promise<StudentTransfer> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const side = await this.pendingSide(em, schoolId, transferId, 'IN');
      const snapshot = side.snapshot!;
      await this.admit(em, schoolId, side, snapshot);
      if (req.classId) await this.enrolOnArrival(em, schoolId, side, req.classId);
      const at = new Date();
      await this.repo.decide(em, schoolId, side.id, 'ACCEPTED', actor.userId, at, null);
      await this.events.enrolmentChanged(em, schoolId, side.studentId);
      await this.auditSide(
        em,
        schoolId,
        side.id,
        'UPDATE',
        { status: 'PENDING' },
        { status: 'ACCEPTED', classId: req.classId ?? null },
      );
      await this.inSchool(em, side.counterpartSchoolId, scope, async () => {
        await this.decideOther(em, side, 'ACCEPTED', actor, at, null);
        await this.enrolments.closeAllOpen(em, side.counterpartSchoolId, side.studentId, side.effectiveOn);
        await this.events.enrolmentChanged(em, side.counterpartSchoolId, side.studentId);
        await this.studentsRepo.setStatus(
          em,
          side.counterpartSchoolId,
          side.studentId,
          'TRANSFERRED_OUT',
          side.reason,
          side.effectiveOn,
          at,
        );
        await this.audit.record(em, {
          schoolId: side.counterpartSchoolId,
          entity: 'student',
          entityId: side.studentId,
          action: 'UPDATE',
          before: { status: 'STUDYING' },
          after: { status: 'TRANSFERRED_OUT', toSchoolId: schoolId, statusDate: side.effectiveOn },
        });
      });
      return this.repo.view(em, schoolId, side.id);
    });
  }

  /** The receiving school declines, with a note both sides keep. */
  async reject(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    transferId: string,
    note: string,
  ): Promise<StudentTransfer> {
    return this.close(scope, actor, schoolId, transferId, 'IN', 'REJECTED', note);
  }

  /** The sending school withdraws a release nobody has decided on yet. */
  async cancel(scope: Scope, actor: Principal, schoolId: string, transferId: string): Promise<StudentTransfer> {
    return this.close(scope, actor, schoolId, transferId, 'OUT', 'CANCELLED', null);
  }

  /**
   * A page of the school's transfers, personal IDs masked or withheld as in the student list (PupilAccess). An
   * incoming one shows the pupil's snapshot before the pupil is the school's: the read is audited, naming the pupils
   * shown (docs/domain/personal-data.md).
   */
  async list(
    actor: Principal,
    scope: Scope,
    schoolId: string,
    query: PageQueryDto & TransferListFilter,
  ): Promise<Page<StudentTransfer>> {
    assertInScope(scope, schoolId);
    const access = this.access.listAccess(actor, false);
    const paging = toSqlPaging(query, {}, '');
    return this.db.run(async (em) => {
      const filter = { direction: query.direction, status: query.status };
      const { items, total } = await this.repo.list(em, schoolId, filter, paging.limit, paging.offset);
      const ids = items.map((t) => t.studentId);
      await this.audit.recordRead(
        em,
        { schoolId, entity: 'student_transfer', entityId: schoolId, ids, filter: { ...filter, page: paging.page } },
        actor,
      );
      return toPage(
        items.map((i) => this.access.present(i, access)),
        total,
        paging,
      );
    });
  }

  /** Schools a student can move to: every school of the province but the caller's own. */
  async targets(scope: Scope, q: string | undefined): Promise<TransferTarget[]> {
    const search = q?.trim() ? likePattern(q.trim()) : undefined;
    const schools = await this.db.run((em) => this.repo.targets(em, search, 51));
    return schools.filter((s) => s.id !== scope.rootId).slice(0, 50);
  }

  /** Acts in the other school of a transfer (its scope only) inside the caller's transaction: see TenantDb.inOtherSchool. */
  private async inSchool<T>(em: EntityManager, otherSchoolId: string, own: Scope, work: () => Promise<T>): Promise<T> {
    return this.db.inOtherSchool(em, own, await this.tree.scopeFor(otherSchoolId), work);
  }

  private async close(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    transferId: string,
    direction: 'IN' | 'OUT',
    status: TransferStatus,
    note: string | null,
  ): Promise<StudentTransfer> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const side = await this.pendingSide(em, schoolId, transferId, direction);
      const at = new Date();
      await this.repo.decide(em, schoolId, side.id, status, actor.userId, at, note);
      await this.auditSide(em, schoolId, side.id, 'UPDATE', { status: 'PENDING' }, { status, note });
      await this.inSchool(em, side.counterpartSchoolId, scope, () =>
        this.decideOther(em, side, status, actor, at, note),
      );
      return this.repo.view(em, schoolId, side.id);
    });
  }

  /** The other side's row, under the other school's scope; it must still be pending, or the whole step rolls back. */
  private async decideOther(
    em: EntityManager,
    side: TransferSide,
    status: TransferStatus,
    actor: Principal,
    at: Date,
    note: string | null,
  ): Promise<void> {
    if (!(await this.repo.decide(em, side.counterpartSchoolId, side.id, status, actor.userId, at, note))) {
      throw new ProblemException(HttpStatus.CONFLICT, 'transfer_not_pending');
    }
    await this.auditSide(em, side.counterpartSchoolId, side.id, 'UPDATE', { status: 'PENDING' }, { status, note });
  }

  private async pendingSide(
    em: EntityManager,
    schoolId: string,
    transferId: string,
    direction: 'IN' | 'OUT',
  ): Promise<TransferSide> {
    const side = await this.repo.find(em, schoolId, transferId);
    if (!side) throw new NotFoundException();
    // The sender cannot accept or reject its own release, nor the receiver cancel it.
    if (side.direction !== direction)
      throw new ProblemException(HttpStatus.CONFLICT, 'transfer_wrong_side', undefined, { direction: side.direction });
    if (side.status !== 'PENDING')
      throw new ProblemException(HttpStatus.CONFLICT, 'transfer_not_pending', undefined, {
        transferStatus: side.status,
      });
    return side;
  }

  /** Creates the student at the receiving school from the snapshot, or revives the history row of a student coming back. */
  private async admit(
    em: EntityManager,
    schoolId: string,
    side: TransferSide,
    snapshot: TransferSnapshot,
  ): Promise<void> {
    const { id: _id, ...fields } = snapshot.student;
    const holder = await this.studentsRepo.findByPersonalId(em, schoolId, fields.personalId);
    if (holder && (holder.id !== side.studentId || holder.status === 'STUDYING')) {
      throw new ProblemException(HttpStatus.CONFLICT, 'duplicate_personal_id', undefined, {
        field: 'personalId',
        studentId: holder.id,
        studentStatus: holder.status,
      });
    }
    const at = new Date();
    const returning = await this.studentsRepo.find(em, schoolId, side.studentId, true);
    if (returning) await this.studentsRepo.reactivate(em, schoolId, side.studentId, fields, at);
    else await this.studentsRepo.insert(em, schoolId, fields, at, side.studentId);
    await this.studentsRepo.replaceGuardians(em, schoolId, side.studentId, snapshot.guardians);
    const created = await this.students.load(em, schoolId, side.studentId);
    await this.audit.record(em, {
      schoolId,
      entity: 'student',
      entityId: side.studentId,
      action: returning ? 'UPDATE' : 'CREATE',
      after: { ...auditView(created), transferId: side.id, fromSchoolId: side.counterpartSchoolId },
    });
  }

  private async enrolOnArrival(
    em: EntityManager,
    schoolId: string,
    side: TransferSide,
    classId: string,
  ): Promise<void> {
    const cls = await this.enrolments.findClass(em, schoolId, classId);
    if (!cls) throw new ValidationProblem([{ field: 'classId', rule: 'unknownClass', args: [] }]);
    assertYearWritable(cls.year);
    const fromDate = clampToYear(side.effectiveOn, cls.year);
    const enrolmentId = await this.enrolments.open(em, schoolId, side.studentId, cls, fromDate, 'Chuyển đến');
    await this.audit.record(em, {
      schoolId,
      entity: 'enrolment',
      entityId: side.studentId,
      action: 'CREATE',
      after: { enrolmentId, classId: cls.id, className: cls.name, schoolYearCode: cls.year.code, fromDate },
    });
  }

  /** The record as released: fields, guardians and the history at the sending school, carried to the receiver. */
  private async snapshotOf(em: EntityManager, schoolId: string, studentId: string): Promise<TransferSnapshot> {
    const d = await this.students.load(em, schoolId, studentId);
    const school = await this.tree.get(schoolId);
    const {
      personalId,
      fullName,
      dateOfBirth,
      gender,
      ethnicity,
      religion,
      nationality,
      placeOfBirth,
      permanentAddress,
      currentAddress,
      policyGroups,
      disability,
    } = d;
    return {
      student: {
        id: studentId,
        personalId,
        fullName,
        dateOfBirth,
        gender,
        ethnicity,
        religion,
        nationality,
        placeOfBirth,
        permanentAddress,
        currentAddress,
        policyGroups,
        disability,
      },
      guardians: d.guardians,
      enrolments: d.enrolments,
      outcomes: d.outcomes,
      fromSchool: { id: schoolId, name: school?.name ?? '' },
    };
  }

  private auditSide(
    em: EntityManager,
    schoolId: string,
    transferId: string,
    action: 'CREATE' | 'UPDATE',
    before: unknown,
    after: unknown,
  ): Promise<number> {
    return this.audit.record(em, { schoolId, entity: 'student_transfer', entityId: transferId, action, before, after });
  }
}

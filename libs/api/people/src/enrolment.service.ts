import { lastDayBefore, todayInVietnam } from '@emis/domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  BulkEnrolmentRequest,
  BulkResult,
  DropOutRequest,
  EnrolmentRequest,
  StudentDetail,
} from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { assertInScope, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { assertYearWritable, clampToYear, ClassRow, EnrolmentRepository, OpenEnrolment } from './enrolment.repository';
import { StudentsRepository } from './students.repository';
import { StudentsService } from './students.service';
import { PeopleEvents } from './people-events';

/** Enrolment into a class, moving between classes of a year, and leaving the school by dropping out. */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly repo: EnrolmentRepository,
    private readonly studentsRepo: StudentsRepository,
    private readonly students: StudentsService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: PeopleEvents,
  ) {}

  /** Enrols a student into a class, or moves them to another class of the same year. */
  async enrol(scope: Scope, schoolId: string, studentId: string, req: EnrolmentRequest): Promise<StudentDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.students.lockWritable(em, schoolId, studentId);
      const cls = await this.writableClass(em, schoolId, req.classId);
      const fromDate = req.fromDate ?? clampToYear(todayInVietnam(), cls.year);
      const open = (await this.repo.openIn(em, schoolId, [studentId], cls.year.id)).get(studentId);
      if (await this.place(em, schoolId, studentId, cls, open, fromDate, req.reason ?? null))
        await this.events.enrolmentChanged(em, schoolId, studentId);
      return this.students.load(em, schoolId, studentId);
    });
  }

  /** Many students into one class in one transaction: either every student is placed or none is. */
  async bulkEnrol(scope: Scope, schoolId: string, req: BulkEnrolmentRequest): Promise<BulkResult> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const cls = await this.writableClass(em, schoolId, req.classId);
      const ok = new Set(await this.studentsRepo.lockStudying(em, schoolId, req.studentIds));
      const refused = req.studentIds.filter((id) => !ok.has(id));
      if (refused.length)
        throw new ProblemException(HttpStatus.BAD_REQUEST, 'students_not_enrollable', undefined, {
          studentIds: refused,
        });
      const fromDate = req.fromDate ?? clampToYear(todayInVietnam(), cls.year);
      const open = await this.repo.openIn(em, schoolId, req.studentIds, cls.year.id);
      let changed = 0;
      for (const studentId of req.studentIds) {
        if (await this.place(em, schoolId, studentId, cls, open.get(studentId), fromDate, null)) changed++;
      }
      if (changed) await this.events.enrolmentChanged(em, schoolId, cls.id);
      return { changed, unchanged: req.studentIds.length - changed };
    });
  }

  /** The student leaves the school: status DROPPED_OUT with the reason; the record becomes read-only history. */
  async dropOut(scope: Scope, schoolId: string, studentId: string, req: DropOutRequest): Promise<StudentDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.students.lockWritable(em, schoolId, studentId);
      await this.repo.closeAllOpen(em, schoolId, studentId, req.date);
      await this.studentsRepo.setStatus(em, schoolId, studentId, 'DROPPED_OUT', req.reason, req.date, new Date());
      await this.audit.record(em, {
        schoolId,
        entity: 'student',
        entityId: studentId,
        action: 'UPDATE',
        before: { status: before.status },
        after: { status: 'DROPPED_OUT', statusReason: req.reason, statusDate: req.date },
      });
      await this.events.enrolmentChanged(em, schoolId, studentId);
      return this.students.load(em, schoolId, studentId);
    });
  }

  /**
   * Puts one student into `cls` from `fromDate`: nothing when already there, a new enrolment when they have none
   * in that year, otherwise the open one ends the day before and the new one opens. Answers whether it changed.
   */
  private async place(
    em: EntityManager,
    schoolId: string,
    studentId: string,
    cls: ClassRow,
    open: OpenEnrolment | undefined,
    fromDate: string,
    reason: string | null,
  ): Promise<boolean> {
    if (open?.classId === cls.id) return false;
    if (fromDate < cls.year.startsOn || fromDate > cls.year.endsOn) {
      throw new ValidationProblem([
        { field: 'fromDate', rule: 'dateInYear', args: [cls.year.startsOn, cls.year.endsOn] },
      ]);
    }
    if (open && fromDate < open.fromDate) {
      throw new ValidationProblem([{ field: 'fromDate', rule: 'dateAfter', args: [open.fromDate] }]);
    }
    // A placement corrected on the day it began (the wrong class picked this morning) leaves no one-day history.
    const sameDay = open?.fromDate === fromDate;
    if (open && sameDay) await this.repo.reassign(em, schoolId, open.id, cls.id);
    if (open && !sameDay) await this.repo.close(em, schoolId, open.id, lastDayBefore(fromDate));
    const enrolmentId =
      open && sameDay ? open.id : await this.repo.open(em, schoolId, studentId, cls, fromDate, reason);
    await this.audit.record(em, {
      schoolId,
      entity: 'enrolment',
      entityId: studentId,
      action: open ? 'UPDATE' : 'CREATE',
      before: open ? { enrolmentId: open.id, classId: open.classId, fromDate: open.fromDate } : null,
      after: { enrolmentId, classId: cls.id, className: cls.name, schoolYearCode: cls.year.code, fromDate, reason },
    });
    return true;
  }

  /** A class of this school in a year that is not closed. */
  private async writableClass(em: EntityManager, schoolId: string, classId: string): Promise<ClassRow> {
    const cls = await this.repo.findClass(em, schoolId, classId);
    if (!cls) throw new ValidationProblem([{ field: 'classId', rule: 'unknownClass', args: [] }]);
    assertYearWritable(cls.year);
    return cls;
  }
}

import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { AttendanceSheet, AttendanceSheetUpdate, ClassSummary, MonthlyAttendance } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  Principal,
  ProblemException,
  RawFieldError,
  Scope,
  TenantDb,
  ValidationProblem,
} from '@emis/api/platform';
import { isRealDate, todayInVietnam } from '@emis/domain';
import { StaffDirectory } from '@emis/api/staff';
import { EntityManager } from 'typeorm';
import { AssignmentsRepository } from './assignments.repository';
import { AttendanceEntry, AttendanceRepository } from './attendance.repository';
import { monthBounds, monthlyAttendance } from './attendance-totals';
import { attendanceDateErrors, schoolDayErrors } from './calendar-rules';
import { ClassesRepository } from './classes.repository';
import { SchoolYearsService } from './school-years.service';
import { AcademicEvents } from './academic-events';

/** Daily attendance per class: one sheet per class and day (present, excused, unexcused, late). */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly repo: AttendanceRepository,
    private readonly classes: ClassesRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly years: SchoolYearsService,
    private readonly staff: StaffDirectory,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: AcademicEvents,
  ) {}

  async sheet(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    date: string,
  ): Promise<AttendanceSheet> {
    assertInScope(scope, schoolId);
    if (!isRealDate(date)) throw new ValidationProblem([{ field: 'date', rule: 'isRealDate', args: [] }]);
    return this.db.run(async (em) => {
      const cls = await this.classOf(em, schoolId, classId);
      const editable =
        (await this.mayRecord(em, actor, schoolId, classId)) && (await this.years.isWritable(em, cls.schoolYearId));
      const sheet = await this.sheetIn(em, schoolId, classId, date);
      await this.recordRead(em, actor, schoolId, `${classId}:${date}`, sheet.rows, { classId, date });
      return { ...sheet, editable };
    });
  }

  /**
   * Saves a day's sheet in one transaction, audited once. A school administrator may record any class; a teacher
   * only the class they are homeroom teacher of (the homeroom teacher keeps the class's attendance).
   */
  async record(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    date: string,
    update: AttendanceSheetUpdate,
  ): Promise<AttendanceSheet> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const cls = await this.classOf(em, schoolId, classId);
      await this.assertMayRecord(em, actor, schoolId, classId);
      const year = await this.years.assertWritable(em, cls.schoolYearId);
      const dateErrors = attendanceDateErrors(date, year, todayInVietnam());
      if (dateErrors.every((e) => e.rule === 'notInFuture')) {
        dateErrors.push(...schoolDayErrors(date, await this.years.calendarIn(em, schoolId, cls.schoolYearId)));
      }
      if (dateErrors.length) throw new ValidationProblem(dateErrors);
      const entries = await this.validEntries(em, schoolId, classId, date, update);
      if (!entries.length) return this.sheetIn(em, schoolId, classId, date);
      const recorded = await this.repo.day(em, schoolId, classId, date);
      await this.repo.save(em, schoolId, classId, date, entries, actor.userId, new Date());
      await this.events.attendanceChanged(em, schoolId, classId);
      const before = Object.fromEntries(
        entries.filter((e) => recorded.has(e.studentId)).map((e) => [e.studentId, markOf(recorded.get(e.studentId)!)]),
      );
      const after = Object.fromEntries(entries.map((e) => [e.studentId, markOf(e)]));
      await this.audit.record(em, {
        schoolId,
        entity: 'attendance',
        entityId: `${classId}:${date}`,
        action: 'UPDATE',
        before,
        after,
      });
      return this.sheetIn(em, schoolId, classId, date);
    });
  }

  async monthly(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    month: string,
  ): Promise<MonthlyAttendance> {
    assertInScope(scope, schoolId);
    const { from, to } = monthBounds(month);
    return this.db.run(async (em) => {
      await this.classOf(em, schoolId, classId);
      const students = await this.repo.studentsDuring(em, schoolId, classId, from, to);
      const sheet = monthlyAttendance(classId, month, students, await this.repo.marks(em, schoolId, classId, from, to));
      await this.recordRead(em, actor, schoolId, `${classId}:${month}`, sheet.rows, { classId, month });
      return sheet;
    });
  }

  /**
   * Pupils' attendance (absences bear on health and family circumstances): each read is audited once, naming the
   * pupils shown (docs/domain/personal-data.md).
   */
  private recordRead(
    em: EntityManager,
    actor: Principal,
    schoolId: string,
    entityId: string,
    rows: { studentId: string }[],
    filter: Record<string, unknown>,
  ): Promise<void> {
    const ids = rows.map((r) => r.studentId);
    return this.audit.recordRead(em, { schoolId, entity: 'attendance', entityId, ids, filter }, actor);
  }

  private async sheetIn(em: EntityManager, schoolId: string, classId: string, date: string): Promise<AttendanceSheet> {
    const students = await this.repo.studentsOn(em, schoolId, classId, date);
    const recorded = await this.repo.day(em, schoolId, classId, date);
    return {
      classId,
      date,
      unrecorded: recorded.size === 0,
      rows: students.map((s) => ({
        ...s,
        status: recorded.get(s.studentId)?.status ?? 'PRESENT',
        note: recorded.get(s.studentId)?.note ?? null,
      })),
    };
  }

  private async classOf(em: EntityManager, schoolId: string, classId: string): Promise<ClassSummary> {
    const cls = await this.classes.find(em, schoolId, classId);
    if (!cls) throw new NotFoundException();
    return cls;
  }

  private async assertMayRecord(em: EntityManager, actor: Principal, schoolId: string, classId: string): Promise<void> {
    if (!(await this.mayRecord(em, actor, schoolId, classId)))
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
  }

  private async mayRecord(em: EntityManager, actor: Principal, schoolId: string, classId: string): Promise<boolean> {
    if (actor.role === 'SCHOOL_ADMIN') return true;
    const staffId = actor.role === 'TEACHER' ? await this.staff.staffIdOfUser(em, actor.userId) : null;
    return !!staffId && (await this.assignments.isHomeroomTeacher(em, schoolId, staffId, classId));
  }

  /** Every entry names a student enrolled in the class that day, once. */
  private async validEntries(
    em: EntityManager,
    schoolId: string,
    classId: string,
    date: string,
    update: AttendanceSheetUpdate,
  ): Promise<AttendanceEntry[]> {
    const enrolled = new Set((await this.repo.studentsOn(em, schoolId, classId, date)).map((s) => s.studentId));
    const seen = new Set<string>();
    const errors: RawFieldError[] = [];
    update.entries.forEach((e, i) => {
      if (!enrolled.has(e.studentId)) errors.push({ field: `entries.${i}.studentId`, rule: 'notEnrolled', args: [] });
      else if (seen.has(e.studentId)) errors.push({ field: `entries.${i}.studentId`, rule: 'duplicate', args: [] });
      seen.add(e.studentId);
    });
    if (errors.length) throw new ValidationProblem(errors);
    return update.entries.map((e) => ({ studentId: e.studentId, status: e.status, note: e.note ?? null }));
  }
}

function markOf(e: AttendanceEntry): { status: string; note: string | null } {
  return { status: e.status, note: e.note };
}

import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { SchoolCalendar, SchoolYear, SchoolYearInput, SemesterDates, Subject } from '@emis/contracts';
import { isSchoolYearWritable, SchoolLevel, todayInVietnam } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Principal, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { schoolYearErrors, semesterErrors } from './calendar-rules';
import { SchoolYearsRepository } from './school-years.repository';
import { AcademicEvents } from './academic-events';

/**
 * The province's school years (docs/domain/calendar.md): the department plans, opens and closes them; a closed year is
 * read-only for every context (classes, enrolments, attendance, grades) — they call `assertWritable`.
 * Changes to the calendar are audited in the department's own chain.
 */
@Injectable()
export class SchoolYearsService {
  constructor(
    private readonly repo: SchoolYearsRepository,
    private readonly db: TenantDb,
    private readonly tree: OrgTreeService,
    private readonly audit: AuditService,
    private readonly events: AcademicEvents,
  ) {}

  /**
   * Throws 409 'year_closed' when the year is closed. An unknown year answers 404, or a field error on `field` when
   * the id came in a request body. Call it inside the transaction that writes.
   */
  async assertWritable(em: EntityManager, yearId: string, field?: string): Promise<SchoolYear> {
    const year = await this.repo.find(em, yearId);
    if (!year && field) throw new ValidationProblem([{ field, rule: 'unknownYear', args: [] }]);
    if (!year) throw new NotFoundException();
    if (!isSchoolYearWritable(year.status)) throw new ProblemException(HttpStatus.CONFLICT, 'year_closed', year.code);
    return year;
  }

  /** The same rule as a yes/no, for pages that say up front whether something can still be changed. */
  async isWritable(em: EntityManager, yearId: string): Promise<boolean> {
    const year = await this.repo.find(em, yearId);
    return !!year && isSchoolYearWritable(year.status);
  }

  /** The same check for a class of the school (enrolments, attendance, grades): 404 when the school has no such class. */
  async assertClassWritable(em: EntityManager, schoolId: string, classId: string): Promise<SchoolYear> {
    const yearId = await this.repo.yearOfClass(em, schoolId, classId);
    if (!yearId) throw new NotFoundException();
    return this.assertWritable(em, yearId);
  }

  list(): Promise<SchoolYear[]> {
    return this.db.run((em) => this.repo.list(em));
  }

  subjects(level?: SchoolLevel): Promise<Subject[]> {
    return this.db.run((em) => this.repo.subjects(em, level));
  }

  async create(actor: Principal, input: SchoolYearInput): Promise<SchoolYear> {
    return this.asDepartment(actor, async (em) => {
      await this.validate(em, input, null);
      const year = await this.repo.insert(em, input);
      await this.audit.record(em, {
        schoolId: actor.orgUnitId,
        entity: 'school_year',
        entityId: year.id,
        action: 'CREATE',
        after: year,
      });
      return year;
    });
  }

  async update(actor: Principal, yearId: string, patch: Partial<SchoolYearInput>): Promise<SchoolYear> {
    return this.asDepartment(actor, async (em) => {
      const before = await this.assertWritable(em, yearId);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== null));
      const merged: SchoolYearInput = { ...before, ...defined };
      await this.validate(em, merged, yearId);
      const after = await this.repo.update(em, yearId, merged);
      await this.audit.record(em, {
        schoolId: actor.orgUnitId,
        entity: 'school_year',
        entityId: yearId,
        action: 'UPDATE',
        before,
        after,
      });
      return after;
    });
  }

  /** PLANNED → OPEN. Several years may be open at once (the new year opens before the old one's summer re-tests end). */
  async open(actor: Principal, yearId: string): Promise<SchoolYear> {
    return this.changeStatus(actor, yearId, 'PLANNED', 'OPEN', 'year_not_planned');
  }

  /** OPEN → CLOSED, once the year has ended: afterwards the year and everything recorded in it are read-only. */
  async close(actor: Principal, yearId: string): Promise<SchoolYear> {
    return this.changeStatus(actor, yearId, 'OPEN', 'CLOSED', 'year_not_open');
  }

  async calendar(scope: Scope, schoolId: string, yearId: string): Promise<SchoolCalendar> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.calendarIn(em, schoolId, yearId));
  }

  /** The school's own semester dates for a year (school principal's decision within the province's year). */
  async saveOverride(scope: Scope, schoolId: string, yearId: string, dates: SemesterDates): Promise<SchoolCalendar> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const year = await this.assertWritable(em, yearId);
      const errors = semesterErrors(dates, year);
      if (errors.length) throw new ValidationProblem(errors);
      const before = await this.repo.findOverride(em, schoolId, yearId);
      const { semester1Start, semester1End, semester2Start, semester2End } = dates;
      await this.repo.saveOverride(
        em,
        schoolId,
        yearId,
        { semester1Start, semester1End, semester2Start, semester2End },
        new Date(),
      );
      const after = await this.calendarIn(em, schoolId, yearId);
      await this.audit.record(em, {
        schoolId,
        entity: 'school_calendar',
        entityId: yearId,
        action: before ? 'UPDATE' : 'CREATE',
        before: before ?? null,
        after,
      });
      // The semesters date the attendance and the absences the results count.
      await this.events.attendanceChanged(em, schoolId, yearId);
      return after;
    });
  }

  /** Drops the school's own dates: the province's apply again. */
  async dropOverride(scope: Scope, schoolId: string, yearId: string): Promise<SchoolCalendar> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.assertWritable(em, yearId);
      const before = await this.repo.findOverride(em, schoolId, yearId);
      if (before) {
        await this.repo.deleteOverride(em, schoolId, yearId);
        await this.audit.record(em, {
          schoolId,
          entity: 'school_calendar',
          entityId: yearId,
          action: 'DELETE',
          before,
        });
        await this.events.attendanceChanged(em, schoolId, yearId);
      }
      return this.calendarIn(em, schoolId, yearId);
    });
  }

  /** The semester dates that apply at a school: its own when it set them, else the province's. */
  async calendarIn(em: EntityManager, schoolId: string, yearId: string): Promise<SchoolCalendar> {
    const year = await this.repo.find(em, yearId);
    if (!year) throw new NotFoundException();
    const own = await this.repo.findOverride(em, schoolId, yearId);
    const dates = own ?? year;
    return {
      schoolYear: year,
      overridden: Boolean(own),
      semester1Start: dates.semester1Start,
      semester1End: dates.semester1End,
      semester2Start: dates.semester2Start,
      semester2End: dates.semester2End,
    };
  }

  private async changeStatus(
    actor: Principal,
    yearId: string,
    from: SchoolYear['status'],
    to: SchoolYear['status'],
    refusal: string,
  ): Promise<SchoolYear> {
    return this.asDepartment(actor, async (em) => {
      const before = await this.repo.find(em, yearId, true);
      if (!before) throw new NotFoundException();
      if (before.status !== from) throw new ProblemException(HttpStatus.CONFLICT, refusal, before.status);
      if (to === 'CLOSED' && todayInVietnam() < before.endsOn)
        throw new ProblemException(HttpStatus.CONFLICT, 'year_not_ended', before.endsOn);
      const after = await this.repo.setStatus(em, yearId, to, to === 'CLOSED' ? new Date() : null);
      await this.audit.record(em, {
        schoolId: actor.orgUnitId,
        entity: 'school_year',
        entityId: yearId,
        action: 'UPDATE',
        before,
        after,
      });
      return after;
    });
  }

  private async validate(em: EntityManager, input: SchoolYearInput, selfId: string | null): Promise<void> {
    const errors = schoolYearErrors(input);
    if (!errors.length && (await this.repo.codeTaken(em, input.code, selfId)))
      errors.push({ field: 'code', rule: 'schoolYearExists', args: [] });
    if (errors.length) throw new ValidationProblem(errors);
  }

  /**
   * Runs with the department user's whole scope, whatever unit the switcher shows: the calendar is the province's,
   * and its audit rows go to the department's own chain.
   */
  private async asDepartment<T>(actor: Principal, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.runWithScope(await this.tree.scopeFor(actor.orgUnitId), work);
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { GradeLevel, isSchoolYearWritable, lastDayBefore, SchoolYearStatus } from '@emis/domain';
import { ProblemException, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { openEnrolmentSql } from './enrolment-sql';

export interface SchoolYearRow {
  id: string;
  code: string;
  status: SchoolYearStatus;
  startsOn: string;
  endsOn: string;
}

export interface ClassRow {
  id: string;
  name: string;
  grade: GradeLevel;
  year: SchoolYearRow;
}

export interface OpenEnrolment {
  id: string;
  studentId: string;
  classId: string;
  fromDate: string;
}

/** A school year's dates and status, its dates read `::text` (yyyy-MM-dd). */
interface SchoolYearDatesRow {
  id: string;
  code: string;
  status: SchoolYearStatus;
  starts_on: string;
  ends_on: string;
}

/** A class with the school year it belongs to. */
interface ClassWithYearRow {
  id: string;
  name: string;
  grade: GradeLevel;
  year_id: string;
  code: string;
  status: SchoolYearStatus;
  starts_on: string;
  ends_on: string;
}

/** An enrolment with no last day yet. */
interface OpenEnrolmentRow {
  id: string;
  student_id: string;
  class_id: string;
  from_date: string;
}

/**
 * Enrolments, and the reads of the academic context's class and school_year tables that enrolling needs.
 * The academic context owns classes and years; this context only reads them, by SQL, to keep the libraries apart.
 */
@Injectable()
export class EnrolmentRepository {
  async findYear(em: EntityManager, yearId: string): Promise<SchoolYearRow | undefined> {
    const row = await sqlRow<SchoolYearDatesRow>(
      em,
      `select id, code, status, starts_on::text as starts_on, ends_on::text as ends_on from academic_school_year where id = $1`,
      [yearId],
    );
    return row ? toYear(row) : undefined;
  }

  async findClass(em: EntityManager, schoolId: string, classId: string): Promise<ClassRow | undefined> {
    const row = await sqlRow<ClassWithYearRow>(
      em,
      `select c.id, c.name, c.grade, c.school_year_id as year_id, c.year_code as code, c.year_status as status,
              c.year_starts_on::text as starts_on, c.year_ends_on::text as ends_on
         from academic_class c
        where c.school_id = $1 and c.id = $2`,
      [schoolId, classId],
    );
    return row
      ? { id: row.id, name: row.name, grade: row.grade, year: toYear({ ...row, id: row.year_id }) }
      : undefined;
  }

  /** The open enrolments of these students in one year, by student id. */
  async openIn(
    em: EntityManager,
    schoolId: string,
    studentIds: string[],
    yearId: string,
  ): Promise<Map<string, OpenEnrolment>> {
    const rows = await sqlRows<OpenEnrolmentRow>(
      em,
      `select id, student_id, class_id, from_date::text as from_date from enrolment
        where school_id = $1 and student_id = any($2::uuid[]) and school_year_id = $3 and ${openEnrolmentSql('enrolment')}
        for update`,
      [schoolId, studentIds, yearId],
    );
    return new Map(
      rows.map((r) => [
        r.student_id,
        { id: r.id, studentId: r.student_id, classId: r.class_id, fromDate: r.from_date },
      ]),
    );
  }

  /** The grade of the student's class in the latest year they have an open enrolment in. */
  async currentGrade(em: EntityManager, schoolId: string, studentId: string): Promise<GradeLevel | null> {
    const row = await sqlRow<{ grade: GradeLevel }>(
      em,
      `select c.grade from enrolment e
         join academic_class c on c.school_id = e.school_id and c.id = e.class_id
         join academic_school_year y on y.id = e.school_year_id
        where e.school_id = $1 and e.student_id = $2 and ${openEnrolmentSql('e')}
        order by y.starts_on desc limit 1`,
      [schoolId, studentId],
    );
    return row?.grade ?? null;
  }

  async open(
    em: EntityManager,
    schoolId: string,
    studentId: string,
    cls: ClassRow,
    fromDate: string,
    reason: string | null,
  ): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date, reason)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [schoolId, studentId, cls.id, cls.year.id, fromDate, reason],
    );
    if (!row) throw new Error(`open: no enrolment returned for student ${studentId}`);
    return row.id;
  }

  /** Puts an open enrolment into another class of the same year, keeping its dates. */
  async reassign(em: EntityManager, schoolId: string, enrolmentId: string, classId: string): Promise<void> {
    await sqlExec(
      em,
      `update enrolment set class_id = $3 where school_id = $1 and id = $2 and ${openEnrolmentSql('enrolment')}`,
      [schoolId, enrolmentId, classId],
    );
  }

  /** Ends an enrolment on `lastDay`, the last day the pupil sits in its class (inclusive). */
  async close(em: EntityManager, schoolId: string, enrolmentId: string, lastDay: string): Promise<void> {
    await sqlExec(em, `update enrolment set to_date = $3 where school_id = $1 and id = $2`, [
      schoolId,
      enrolmentId,
      lastDay,
    ]);
  }

  /**
   * Closes every open enrolment of a student who leaves the school (drop-out, transfer) with effect from
   * `effectiveOn`: their last day in the class is the day before. An enrolment that had not begun by then keeps
   * its first day as its only one, so no enrolment ends before it begins.
   */
  async closeAllOpen(em: EntityManager, schoolId: string, studentId: string, effectiveOn: string): Promise<number> {
    return sqlExec(
      em,
      `update enrolment set to_date = greatest(from_date, $3::date)
        where school_id = $1 and student_id = $2 and ${openEnrolmentSql('enrolment')}`,
      [schoolId, studentId, lastDayBefore(effectiveOn)],
    );
  }
}

/** The closed-year rule of @emis/domain (isSchoolYearWritable), answered as 409 like the academic context does. */
export function assertYearWritable(year: SchoolYearRow): void {
  if (!isSchoolYearWritable(year.status))
    throw new ProblemException(HttpStatus.CONFLICT, 'year_closed', undefined, { schoolYearCode: year.code });
}

/** A date inside the year's bounds: enrolling today into a year that starts later starts on its first day. */
export function clampToYear(iso: string, year: SchoolYearRow): string {
  return iso < year.startsOn ? year.startsOn : iso > year.endsOn ? year.endsOn : iso;
}

function toYear(r: SchoolYearDatesRow): SchoolYearRow {
  return { id: r.id, code: r.code, status: r.status, startsOn: r.starts_on, endsOn: r.ends_on };
}

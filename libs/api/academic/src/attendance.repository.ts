import { Injectable } from '@nestjs/common';
import { AttendanceStatus } from '@emis/domain';
import { enrolledDuringSql, enrolledOnSql } from '@emis/api/people';
import { sqlExec, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { AttendanceMark } from './attendance-totals';
import { STUDENT_NAME_ORDER } from './classes.repository';

export interface AttendanceEntry {
  studentId: string;
  status: AttendanceStatus;
  note: string | null;
}

/** A student on a sheet (STUDENTS_ENROLLED). */
interface SheetStudentRow {
  id: string;
  full_name: string;
}

/** A recorded mark, its day read as text. */
interface AttendanceRow {
  student_id: string;
  day: string;
  status: AttendanceStatus;
  note: string | null;
}

/** Students of the class, in Vietnamese name order, whose enrolment satisfies `enrolled` (a condition on `e`). */
const STUDENTS_ENROLLED = (enrolled: string) => `select st.id, st.full_name from people_student st
  where st.school_id = $1 and st.id in (select e.student_id from people_enrolment e where e.school_id = $1 and e.class_id = $2 and ${enrolled})
  order by ${STUDENT_NAME_ORDER}`;

/**
 * Who is on a class's attendance sheet, by the people context's enrolment interval: both ends inclusive, so a
 * pupil moved on day d is on the old class's sheet up to d - 1 and on the new class's from d.
 */
@Injectable()
export class AttendanceRepository {
  /** Students in the class on `date`: the day's sheet. */
  async studentsOn(
    em: EntityManager,
    schoolId: string,
    classId: string,
    date: string,
  ): Promise<{ studentId: string; fullName: string }[]> {
    return toStudents(
      await sqlRows<SheetStudentRow>(em, STUDENTS_ENROLLED(enrolledOnSql('e', '$3::date')), [schoolId, classId, date]),
    );
  }

  /** Students in the class on at least one day of [from, to]: the month's sheet. */
  async studentsDuring(
    em: EntityManager,
    schoolId: string,
    classId: string,
    from: string,
    to: string,
  ): Promise<{ studentId: string; fullName: string }[]> {
    return toStudents(
      await sqlRows<SheetStudentRow>(em, STUDENTS_ENROLLED(enrolledDuringSql('e', '$3::date', '$4::date')), [
        schoolId,
        classId,
        from,
        to,
      ]),
    );
  }

  async day(em: EntityManager, schoolId: string, classId: string, date: string): Promise<Map<string, AttendanceEntry>> {
    const rows = await sqlRows<Pick<AttendanceRow, 'student_id' | 'status' | 'note'>>(
      em,
      `select student_id, status, note from attendance where school_id = $1 and class_id = $2 and day = $3`,
      [schoolId, classId, date],
    );
    return new Map(rows.map((r) => [r.student_id, { studentId: r.student_id, status: r.status, note: r.note }]));
  }

  async marks(
    em: EntityManager,
    schoolId: string,
    classId: string,
    from: string,
    to: string,
  ): Promise<AttendanceMark[]> {
    const rows = await sqlRows<Pick<AttendanceRow, 'student_id' | 'day' | 'status'>>(
      em,
      `select student_id, day::text as day, status from attendance where school_id = $1 and class_id = $2 and day between $3 and $4`,
      [schoolId, classId, from, to],
    );
    return rows.map((r) => ({ studentId: r.student_id, day: r.day, status: r.status }));
  }

  /** Writes a whole sheet with one multi-row upsert. */
  async save(
    em: EntityManager,
    schoolId: string,
    classId: string,
    date: string,
    entries: AttendanceEntry[],
    userId: string,
    at: Date,
  ): Promise<void> {
    await sqlExec(
      em,
      `insert into attendance (school_id, class_id, day, student_id, status, note, recorded_by, recorded_at)
       select $1, $2, $3, x.student_id, x.status, x.note, $7, $8 from unnest($4::uuid[], $5::text[], $6::text[]) as x(student_id, status, note)
       on conflict (school_id, class_id, day, student_id)
       do update set status = excluded.status, note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
      [
        schoolId,
        classId,
        date,
        entries.map((e) => e.studentId),
        entries.map((e) => e.status),
        entries.map((e) => e.note),
        userId,
        at,
      ],
    );
  }
}

function toStudents(rows: SheetStudentRow[]): { studentId: string; fullName: string }[] {
  return rows.map((r) => ({ studentId: r.id, fullName: r.full_name }));
}

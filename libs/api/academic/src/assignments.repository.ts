import { Injectable } from '@nestjs/common';
import type { TeachingAssignment } from '@emis/contracts';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

export interface AssignmentFilter {
  yearId?: string;
  classId?: string;
  staffId?: string;
}

const GRADE_ORDER = `array_position('{NT,MG3,MG4,MG5,1,2,3,4,5,6,7,8,9,10,11,12}'::text[], c.grade)`;

/** An assignment with its class's, subject's and teacher's names (semester is a smallint, checked 1 or 2). */
interface TeachingAssignmentRow {
  id: string;
  class_id: string;
  class_name: string;
  subject_code: string;
  subject_name: string;
  semester: TeachingAssignment['semester'];
  staff_id: string;
  staff_name: string;
}

/** Teacher × class × subject × semester (docs/domain/gradebook.md, "Who writes"): decides which gradebook columns a teacher may edit. */
@Injectable()
export class AssignmentsRepository {
  async list(em: EntityManager, schoolId: string, f: AssignmentFilter): Promise<TeachingAssignment[]> {
    const where = ['a.school_id = $1'];
    const params: unknown[] = [schoolId];
    if (f.yearId) {
      params.push(f.yearId);
      where.push(`c.school_year_id = $${params.length}`);
    }
    if (f.classId) {
      params.push(f.classId);
      where.push(`a.class_id = $${params.length}`);
    }
    if (f.staffId) {
      params.push(f.staffId);
      where.push(`a.staff_id = $${params.length}`);
    }
    const rows = await sqlRows<TeachingAssignmentRow>(
      em,
      `select a.id, a.class_id, c.name as class_name, a.subject_code, sub.name as subject_name, a.semester, a.staff_id, s.full_name as staff_name
         from teaching_assignment a
         join class c on c.school_id = a.school_id and c.id = a.class_id
         join subject sub on sub.code = a.subject_code
         join staff_member s on s.school_id = a.school_id and s.id = a.staff_id
        where ${where.join(' and ')}
        order by ${GRADE_ORDER}, c.name collate vi_natural, a.semester, sub.sort_order`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      classId: r.class_id,
      className: r.class_name,
      subjectCode: r.subject_code,
      subjectName: r.subject_name,
      semester: r.semester,
      staffId: r.staff_id,
      staffName: r.staff_name,
    }));
  }

  /** The class's assignments for one semester, subject code → staff id. */
  async ofSemester(
    em: EntityManager,
    schoolId: string,
    classId: string,
    semester: number,
  ): Promise<Record<string, string>> {
    const rows = await sqlRows<Pick<TeachingAssignmentRow, 'subject_code' | 'staff_id'>>(
      em,
      `select subject_code, staff_id from teaching_assignment where school_id = $1 and class_id = $2 and semester = $3 order by subject_code`,
      [schoolId, classId, semester],
    );
    return Object.fromEntries(rows.map((r) => [r.subject_code, r.staff_id]));
  }

  /** Replaces the class's assignments of one semester with `bySubject`, as one delete and one multi-row insert. */
  async replace(
    em: EntityManager,
    schoolId: string,
    classId: string,
    semester: number,
    bySubject: Record<string, string>,
    at: Date,
  ): Promise<void> {
    await sqlExec(em, `delete from teaching_assignment where school_id = $1 and class_id = $2 and semester = $3`, [
      schoolId,
      classId,
      semester,
    ]);
    const subjects = Object.keys(bySubject);
    if (!subjects.length) return;
    await sqlExec(
      em,
      `insert into teaching_assignment (school_id, class_id, subject_code, semester, staff_id, assigned_at)
       select $1, $2, x.subject, $3, x.staff, $6 from unnest($4::text[], $5::uuid[]) as x(subject, staff)
       returning 1`,
      [schoolId, classId, semester, subjects, subjects.map((s) => bySubject[s]), at],
    );
  }

  /** Subject codes that exist and are taught at `level`. */
  async subjectsOfLevel(em: EntityManager, codes: string[], level: string): Promise<Set<string>> {
    const rows = await sqlRows<{ code: string }>(
      em,
      `select code from subject where code = any($1::text[]) and $2 = any(levels)`,
      [codes, level],
    );
    return new Set(rows.map((r) => r.code));
  }

  /** The subjects a teacher is assigned in a class for a semester, while the teacher is active staff. */
  async subjectsOfTeacher(
    em: EntityManager,
    schoolId: string,
    staffId: string,
    classId: string,
    semester: number,
  ): Promise<Set<string>> {
    const rows = await sqlRows<Pick<TeachingAssignmentRow, 'subject_code'>>(
      em,
      `select a.subject_code from teaching_assignment a join staff_member s on s.school_id = a.school_id and s.id = a.staff_id
        where a.school_id = $1 and a.staff_id = $2 and a.class_id = $3 and a.semester = $4 and s.status = 'ACTIVE'`,
      [schoolId, staffId, classId, semester],
    );
    return new Set(rows.map((r) => r.subject_code));
  }

  async isHomeroomTeacher(em: EntityManager, schoolId: string, staffId: string, classId: string): Promise<boolean> {
    const row = await sqlRow<{ found: number }>(
      em,
      `select 1 as found from class c join staff_member s on s.school_id = c.school_id and s.id = c.homeroom_staff_id
        where c.school_id = $1 and c.id = $2 and c.homeroom_staff_id = $3 and s.status = 'ACTIVE'`,
      [schoolId, classId, staffId],
    );
    return Boolean(row);
  }

  /**
   * What a person who left the school gives up there in years that are not closed: the homeroom of their classes and
   * their teaching assignments (closed years keep them as history). Idempotent: a second run finds nothing to release.
   */
  async releaseDuties(
    em: EntityManager,
    schoolId: string,
    staffId: string,
  ): Promise<{ homeroomClasses: string[]; assignments: number }> {
    const homeroom = await sqlRows<{ name: string }>(
      em,
      `update class c set homeroom_staff_id = null, version = version + 1
         from school_year y
        where c.school_id = $1 and c.homeroom_staff_id = $2 and y.id = c.school_year_id and y.status <> 'CLOSED'
        returning c.name`,
      [schoolId, staffId],
    );
    const assignments = await sqlExec(
      em,
      `delete from teaching_assignment a using class c, school_year y
        where a.school_id = $1 and a.staff_id = $2 and c.school_id = a.school_id and c.id = a.class_id
          and y.id = c.school_year_id and y.status <> 'CLOSED'`,
      [schoolId, staffId],
    );
    return { homeroomClasses: homeroom.map((r) => r.name), assignments };
  }
}

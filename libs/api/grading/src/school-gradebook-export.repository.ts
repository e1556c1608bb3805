import { Injectable } from '@nestjs/common';
import { prepared, sqlRow, sqlRows } from '@emis/api/platform';
import type { CellValue } from '@emis/domain';
import { EntityManager } from 'typeorm';

/** One pupil's scores in one subject, as the school-wide workbook lists them. */
export interface SchoolGradeRow {
  className: string;
  studentId: string;
  /** The 12-digit personal identification number the workbook shows in place of the internal id. */
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  subjectName: string;
  cells: Record<string, CellValue>;
  average: number | null;
  rating: string | null;
  comment: string | null;
}

/**
 * The reads of the school-wide score export. The rows are read one class at a time, so the export streams the
 * workbook class by class and its memory stays flat at any school size.
 */
@Injectable()
export class SchoolGradebookExportRepository {
  /** The school year's code (e.g. 2024-2025), or undefined for an unknown year. */
  async yearCode(em: EntityManager, yearId: string): Promise<string | undefined> {
    const row = await sqlRow<{ code: string }>(em, `select code from academic_school_year where id = $1`, [yearId]);
    return row?.code;
  }

  /** The school's classes of a year, by grade then name. */
  async classIdsOfYear(em: EntityManager, schoolId: string, yearId: string): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      em,
      `select id from academic_class where school_id = $1 and school_year_id = $2 order by length(grade), grade, name`,
      [schoolId, yearId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The pupils the workbook will name: those with a score row in a class of the year this semester (the rows
   * gradeRowsOfClass streams), for the read budget's charge before the first byte leaves.
   */
  async pupilIdsOfExport(em: EntityManager, schoolId: string, classIds: string[], semester: number): Promise<string[]> {
    if (!classIds.length) return [];
    const rows = await sqlRows<{ student_id: string }>(
      em,
      `select distinct e.student_id
         from grade_entry e
         join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
        where e.school_id = $1 and g.class_id = any($2::uuid[]) and g.semester = $3`,
      [schoolId, classIds, semester],
    );
    return rows.map((r) => r.student_id);
  }

  /** Every score row of one class in a semester, by subject then the class list's order. */
  async gradeRowsOfClass(
    em: EntityManager,
    schoolId: string,
    classId: string,
    semester: number,
  ): Promise<SchoolGradeRow[]> {
    // The rows come in the workbook's shape (column aliases), so no second object per row is made.
    return sqlRows<SchoolGradeRow>(em, GRADE_ROWS_OF_CLASS, [schoolId, classId, semester]);
  }
}

/**
 * A grade_entry row with its class, subject and pupil, named as SchoolGradeRow; the birth date read as text, average
 * (numeric) as float8. Prepared: the export sends it once per class.
 */
const GRADE_ROWS_OF_CLASS =
  prepared(`select c.name as "className", st.id as "studentId", st.personal_id as "personalId", st.full_name as "fullName",
    st.date_of_birth::text as "dateOfBirth", s.name as "subjectName", e.cells, e.average::float8 as average, e.rating, e.comment
   from grade_entry e
   join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
   join academic_class c on c.school_id = g.school_id and c.id = g.class_id
   join academic_subject s on s.code = g.subject_code
   join people_student st on st.school_id = e.school_id and st.id = e.student_id
  where e.school_id = $1 and g.class_id = $2 and g.semester = $3
  order by s.sort_order, st.given_name collate "vi-x-icu", st.middle_name collate "vi-x-icu", st.family_name collate "vi-x-icu", st.id`);

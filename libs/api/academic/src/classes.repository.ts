import { Injectable } from '@nestjs/common';
import type { ClassDetail, ClassInput, ClassSummary } from '@emis/contracts';
import { CLASS_SIZE_CEILING, classSizeWarning, GRADE_LEVELS, GradeLevel } from '@emis/domain';
import { openEnrolmentSql } from '@emis/api/people';
import { allWordsSql, SqlPaging, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

export interface ClassFilter {
  yearId?: string;
  grade?: GradeLevel;
  /** LIKE patterns (`likePatterns`), one per word, each found in the class name. */
  search?: string[];
}

export type ClassFields = Required<Omit<ClassInput, 'schoolYearId'>>;
export type RosterEntry = ClassDetail['students'][number];

/** Grades in teaching order (NT … 12), so 6A sorts before 10A1; the name follows within a grade. */
const GRADE_ORDER = `array_position('{${GRADE_LEVELS.join(',')}}'::text[], c.grade)`;
export const CLASS_SORT_COLUMNS: Record<string, string> = {
  name: `${GRADE_ORDER}, c.name collate vi_natural`,
  grade: GRADE_ORDER,
};

/**
 * A class with its size. $1 is always the school (every caller filters `c.school_id = $1`): the size's sub-query names
 * it too rather than `c.school_id`, so under Citus it reads the school's shard only (docs/scaling.md).
 */
const SUMMARY = `select c.id, c.school_year_id, y.code as year_code, c.name, c.grade, c.homeroom_staff_id, s.full_name as homeroom_name,
    c.room, c.programme, c.version,
    (select count(*)::int from people_enrolment e where e.school_id = $1 and e.class_id = c.id and ${openEnrolmentSql('e')}) as size,
    (rs.settings -> 'classSizeCeilings' ->> c.grade)::int as ceiling
  from class c
  join school_year y on y.id = c.school_year_id
  left join province_rule_settings rs on rs.school_year_id = c.school_year_id
  left join staff_member s on s.school_id = c.school_id and s.id = c.homeroom_staff_id`;

/** A class with its year's code, its homeroom teacher's name and its open-enrolment count (SUMMARY). */
interface ClassSummaryRow {
  id: string;
  school_year_id: string;
  year_code: string;
  name: string;
  grade: GradeLevel;
  homeroom_staff_id: string | null;
  homeroom_name: string | null;
  room: string | null;
  programme: string | null;
  version: number;
  size: number;
  /** The year's ceiling for the grade from the department's rule settings; null while the defaults apply. */
  ceiling: number | null;
}

/** A student on the class's roster, date of birth read as text. */
interface RosterRow {
  id: string;
  full_name: string;
  date_of_birth: string;
  gender: RosterEntry['gender'];
  personal_id: string;
}

/** Students in Vietnamese order (given name, middle, family; ICU collation). */
export const STUDENT_NAME_ORDER = `st.given_name collate "vi-x-icu", st.middle_name collate "vi-x-icu", st.family_name collate "vi-x-icu", st.id`;

@Injectable()
export class ClassesRepository {
  async list(
    em: EntityManager,
    schoolId: string,
    f: ClassFilter,
    paging: SqlPaging | null,
  ): Promise<{ items: ClassSummary[]; total: number }> {
    const where = ['c.school_id = $1'];
    const params: unknown[] = [schoolId];
    if (f.yearId) {
      params.push(f.yearId);
      where.push(`c.school_year_id = $${params.length}`);
    }
    if (f.grade) {
      params.push(f.grade);
      where.push(`c.grade = $${params.length}`);
    }
    if (f.search) {
      params.push(f.search);
      // Every word of the box, in any order (docs/conventions.md, "Search").
      where.push(allWordsSql(`$${params.length}::text[]`, 'c.name'));
    }
    const clause = where.join(' and ');
    const counted = await sqlRow<{ total: number }>(
      em,
      `select count(*)::int as total from class c where ${clause}`,
      params,
    );
    const page = paging ? `limit $${params.length + 1} offset $${params.length + 2}` : '';
    const rows = await sqlRows<ClassSummaryRow>(
      em,
      `${SUMMARY} where ${clause} order by y.code desc, ${paging?.orderBy ?? CLASS_SORT_COLUMNS['name']}, c.id ${page}`,
      paging ? [...params, paging.limit, paging.offset] : params,
    );
    return { total: counted?.total ?? 0, items: rows.map(toSummary) };
  }

  async find(
    em: EntityManager,
    schoolId: string,
    classId: string,
    forUpdate = false,
  ): Promise<ClassSummary | undefined> {
    if (forUpdate)
      await sqlExec(em, `select 1 from class where school_id = $1 and id = $2 for update`, [schoolId, classId]);
    const row = await sqlRow<ClassSummaryRow>(em, `${SUMMARY} where c.school_id = $1 and c.id = $2`, [
      schoolId,
      classId,
    ]);
    return row ? toSummary(row) : undefined;
  }

  /** Students with an open enrolment in the class. */
  async roster(em: EntityManager, schoolId: string, classId: string): Promise<RosterEntry[]> {
    const rows = await sqlRows<RosterRow>(
      em,
      `select st.id, st.full_name, st.date_of_birth::text as date_of_birth, st.gender, st.personal_id
         from people_enrolment e join people_student st on st.school_id = e.school_id and st.id = e.student_id
        where e.school_id = $1 and e.class_id = $2 and ${openEnrolmentSql('e')}
        order by ${STUDENT_NAME_ORDER}`,
      [schoolId, classId],
    );
    return rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      dateOfBirth: r.date_of_birth,
      gender: r.gender,
      personalId: r.personal_id,
    }));
  }

  async nameTaken(
    em: EntityManager,
    schoolId: string,
    yearId: string,
    name: string,
    exceptId: string | null,
  ): Promise<boolean> {
    const row = await sqlRow<{ found: number }>(
      em,
      `select 1 as found from class where school_id = $1 and school_year_id = $2 and lower(name) = lower($3) and id is distinct from $4`,
      [schoolId, yearId, name, exceptId],
    );
    return Boolean(row);
  }

  async insert(em: EntityManager, schoolId: string, yearId: string, f: ClassFields, at: Date): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into class (school_id, school_year_id, name, grade, homeroom_staff_id, room, programme, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning id`,
      [schoolId, yearId, f.name, f.grade, f.homeroomStaffId, f.room, f.programme, at],
    );
    if (!row) throw new Error('insert class returned no row');
    return row.id;
  }

  async update(em: EntityManager, schoolId: string, classId: string, f: ClassFields, at: Date): Promise<void> {
    await sqlExec(
      em,
      `update class set name = $3, grade = $4, homeroom_staff_id = $5, room = $6, programme = $7, updated_at = $8, version = version + 1
        where school_id = $1 and id = $2`,
      [schoolId, classId, f.name, f.grade, f.homeroomStaffId, f.room, f.programme, at],
    );
  }
}

function toSummary(r: ClassSummaryRow): ClassSummary {
  return {
    id: r.id,
    schoolYearId: r.school_year_id,
    schoolYearCode: r.year_code,
    name: r.name,
    grade: r.grade,
    homeroomStaffId: r.homeroom_staff_id,
    homeroomName: r.homeroom_name,
    room: r.room,
    programme: r.programme,
    size: r.size,
    sizeWarning: classSizeWarning(r.grade, r.size, {
      ...CLASS_SIZE_CEILING,
      ...(r.ceiling ? { [r.grade]: r.ceiling } : {}),
    }),
    version: r.version,
  };
}

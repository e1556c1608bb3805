import { Injectable } from '@nestjs/common';
import { sqlRow, sqlRows } from '@emis/api/platform';
import type { GradeLevel, Scheme } from '@emis/domain';
import { EntityManager } from 'typeorm';

/** One teaching assignment of the semester with what its gradebook holds (the progress query's row). */
export interface AssignmentProgressRow {
  class_id: string;
  class_name: string;
  grade: GradeLevel;
  year_code: string;
  subject_code: string;
  subject_name: string;
  subject_name_en: string;
  staff_id: string;
  teacher_name: string;
  /** The gradebook's stamped scheme and subject, null while nobody has written the sheet. */
  scheme: Scheme | null;
  assessment: 'SCORE' | 'COMMENT';
  periods_per_year: number;
  pupils: number;
  /** Per column key, how many pupils now in the class have a value there. */
  filled: Record<string, number>;
}

/** The reads of the home page; every one is one statement over the school's rows, whatever its number of classes. */
@Injectable()
export class HomeRepository {
  /** The latest open school year the school has classes in. */
  async openYear(em: EntityManager, schoolId: string): Promise<{ id: string; code: string } | undefined> {
    return sqlRow<{ id: string; code: string }>(
      em,
      `select y.id, y.code from academic_school_year y
        where y.status = 'OPEN' and exists (select 1 from academic_class c where c.school_id = $1 and c.school_year_id = y.id)
        order by y.code desc limit 1`,
      [schoolId],
    );
  }

  async yearCode(em: EntityManager, yearId: string): Promise<string | undefined> {
    return (await sqlRow<{ code: string }>(em, `select code from academic_school_year where id = $1`, [yearId]))?.code;
  }

  /**
   * Every teaching assignment of the year's semester (one teacher's when `staffId` is given) with its class size and
   * the values its gradebook holds per column, counted set-wise: one statement, the assignments by
   * (school_id, class_id…) keys, the entries by the gradebook's primary key, no query per class.
   */
  async progress(
    em: EntityManager,
    schoolId: string,
    yearId: string,
    semester: number,
    staffId: string | null,
  ): Promise<AssignmentProgressRow[]> {
    return sqlRows<AssignmentProgressRow>(
      em,
      `select a.class_id, c.name as class_name, c.grade, c.year_code, a.subject_code,
              sub.name as subject_name, sub.name_en as subject_name_en, a.staff_id, s.full_name as teacher_name,
              g.scheme, coalesce(g.assessment, cur.assessment, 'SCORE') as assessment,
              coalesce(g.periods_per_year, cur.periods_per_year, 35) as periods_per_year,
              coalesce(r.pupils, 0) as pupils, coalesce(f.filled, '{}') as filled
         from academic_teaching_assignment a
         join academic_class c on c.school_id = a.school_id and c.id = a.class_id
         join academic_subject sub on sub.code = a.subject_code
         join staff_member s on s.school_id = a.school_id and s.id = a.staff_id
         left join academic_curriculum cur on cur.grade = c.grade and cur.code = a.subject_code
         left join gradebook g on g.school_id = a.school_id and g.class_id = a.class_id
                              and g.subject_code = a.subject_code and g.semester = a.semester
         left join lateral (select count(*)::int as pupils from people_class_roster p
                             where p.school_id = a.school_id and p.class_id = a.class_id) r on true
         left join lateral (
           select jsonb_object_agg(k.key, k.n) as filled
             from (select cell.key, count(*)::int as n
                     from grade_entry e
                     join people_class_roster p on p.school_id = e.school_id and p.class_id = a.class_id and p.student_id = e.student_id
                     cross join jsonb_each(e.cells) cell
                    where e.school_id = g.school_id and e.gradebook_id = g.id and cell.value <> 'null'::jsonb
                    group by cell.key) k) f on true
        where a.school_id = $1 and c.school_year_id = $2 and a.semester = $3 and ($4::uuid is null or a.staff_id = $4)
        order by c.grade, c.name, sub.sort_order, a.subject_code`,
      [schoolId, yearId, semester, staffId],
    );
  }

  /** The caller's staff record at the school (null for an account that is no teacher). */
  async staffOf(em: EntityManager, userId: string): Promise<string | null> {
    return (
      (
        await sqlRow<{ staff_id: string | null }>(em, `select staff_id from identity_user_staff where user_id = $1`, [
          userId,
        ])
      )?.staff_id ?? null
    );
  }

  /** Correction requests of the school waiting for a decision (the requester's own when `requestedBy` is given). */
  async pendingCorrections(em: EntityManager, schoolId: string, requestedBy: string | null): Promise<number> {
    const r = await sqlRow<{ n: number }>(
      em,
      `select count(*)::int as n from grade_correction
        where school_id = $1 and status = 'PENDING' and ($2::uuid is null or requested_by = $2)`,
      [schoolId, requestedBy],
    );
    return r?.n ?? 0;
  }
}

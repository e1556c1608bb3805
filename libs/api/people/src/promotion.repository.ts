import { Injectable } from '@nestjs/common';
import { GradeLevel, StudentStatus, YearOutcome } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { openEnrolmentSql } from './enrolment-sql';

export interface CohortMember {
  studentId: string;
  status: string;
  /** The decision already recorded for this year, if any. */
  outcome: YearOutcome | null;
}

/** A student of a promotion's cohort with the decision already recorded for the year. */
interface CohortRow {
  id: string;
  status: StudentStatus;
  outcome: YearOutcome | null;
}

/** The year-end decisions (year_outcome) of a grade. */
@Injectable()
export class PromotionRepository {
  /**
   * The students a promotion of `grade` in `yearId` decides for: those studying with an open enrolment in a class
   * of that grade and year, plus those a previous run already decided (a graduate's enrolment is closed by then),
   * so that re-running replaces the earlier decisions instead of missing them.
   */
  async cohort(em: EntityManager, schoolId: string, yearId: string, grade: GradeLevel): Promise<CohortMember[]> {
    const rows = await sqlRows<CohortRow>(
      em,
      `select s.id, s.status, o.outcome
         from student s
         left join year_outcome o on o.school_id = s.school_id and o.student_id = s.id and o.school_year_id = $2
        where s.school_id = $1
          and ((s.status = 'STUDYING' and exists (
                 select 1 from enrolment e join academic_class c on c.school_id = e.school_id and c.id = e.class_id
                  where e.school_id = s.school_id and e.student_id = s.id and e.school_year_id = $2
                    and ${openEnrolmentSql('e')} and c.grade = $3))
            or (o.grade = $3 and (s.status = 'STUDYING' or (s.status = 'GRADUATED' and o.outcome = 'GRADUATED'))))
        order by s.id
        for update of s`,
      [schoolId, yearId, grade],
    );
    return rows.map((r) => ({ studentId: r.id, status: r.status, outcome: r.outcome }));
  }

  async countDecided(em: EntityManager, schoolId: string, yearId: string, grade: GradeLevel): Promise<number> {
    const counted = await sqlRow<{ n: number }>(
      em,
      `select count(*)::int as n from year_outcome where school_id = $1 and school_year_id = $2 and grade = $3`,
      [schoolId, yearId, grade],
    );
    return counted?.n ?? 0;
  }

  async saveOutcome(
    em: EntityManager,
    schoolId: string,
    studentId: string,
    yearId: string,
    grade: GradeLevel,
    outcome: YearOutcome,
    by: string,
    at: Date,
  ): Promise<void> {
    await sqlExec(
      em,
      `insert into year_outcome (school_id, student_id, school_year_id, grade, outcome, decided_by, decided_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (school_id, student_id, school_year_id)
       do update set grade = excluded.grade, outcome = excluded.outcome, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
      [schoolId, studentId, yearId, grade, outcome, by, at],
    );
  }

  /** One pupil's status and the year's recorded outcome, the record locked (grade 9 completion, PupilGraduation). */
  async memberOf(
    em: EntityManager,
    schoolId: string,
    studentId: string,
    yearId: string,
  ): Promise<{ status: StudentStatus; outcome: YearOutcome | null } | undefined> {
    return sqlRow<{ status: StudentStatus; outcome: YearOutcome | null }>(
      em,
      `select s.status, o.outcome
         from student s
         left join year_outcome o on o.school_id = s.school_id and o.student_id = s.id and o.school_year_id = $3
        where s.school_id = $1 and s.id = $2
        for update of s`,
      [schoolId, studentId, yearId],
    );
  }

  /** A completion taken back: the year's outcome is removed (the council's decision, not a promotion, set it). */
  async deleteOutcome(em: EntityManager, schoolId: string, studentId: string, yearId: string): Promise<void> {
    await sqlExec(em, `delete from year_outcome where school_id = $1 and student_id = $2 and school_year_id = $3`, [
      schoolId,
      studentId,
      yearId,
    ]);
  }

  /** Undoes a graduation of an earlier run: the year's last enrolment opens again. */
  async reopenLastEnrolment(em: EntityManager, schoolId: string, studentId: string, yearId: string): Promise<void> {
    await sqlExec(
      em,
      `update enrolment set to_date = null
        where school_id = $1 and id = (
          select id from enrolment where school_id = $1 and student_id = $2 and school_year_id = $3
           order by from_date desc limit 1)
          and not exists (select 1 from enrolment where school_id = $1 and student_id = $2 and school_year_id = $3 and ${openEnrolmentSql('enrolment')})`,
      [schoolId, studentId, yearId],
    );
  }

  /** A graduate's enrolment of the year ends on `lastDay`, the year's last day (inclusive). */
  async closeOpenInYear(
    em: EntityManager,
    schoolId: string,
    studentId: string,
    yearId: string,
    lastDay: string,
  ): Promise<void> {
    await sqlExec(
      em,
      `update enrolment set to_date = greatest(from_date, $4::date)
        where school_id = $1 and student_id = $2 and school_year_id = $3 and ${openEnrolmentSql('enrolment')}`,
      [schoolId, studentId, yearId, lastDay],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { censusDaySql, enrolledOnSql } from '@emis/api/people';
import { sqlRows } from '@emis/api/platform';
import type { GradeLevel } from '@emis/domain';
import { EntityManager } from 'typeorm';

export interface ClassSizeRow {
  school_year_id: string;
  class_id: string;
  grade: GradeLevel;
  name: string;
  pupils: number;
  /** The department's ceiling for the grade in the year's rule settings; null while the defaults apply. */
  ceiling: number | null;
}

export interface AttendanceTotalsRow {
  school_year_id: string;
  period: 'HK1' | 'HK2';
  class_id: string;
  grade: string;
  recorded: number;
  present: number;
  excused: number;
  unexcused: number;
  late: number;
}

/** A semester of a year in the school's calendar (its own dates, or the province's). */
export interface SemesterSpan {
  schoolYearId: string;
  period: 'HK1' | 'HK2';
  from: string;
  to: string;
}

/** The queries behind AcademicFacts; enrolments are read through people's view people_enrolment. */
@Injectable()
export class AcademicFactsRepository {
  /**
   * Every class of the school with its pupils enrolled on the year's census day (people's censusDaySql). The count
   * names the school as a value (`e.school_id = $1`), not through the class row: on a Citus cluster a correlated
   * read compared with another row's column reads every shard (docs/scaling.md, "Writing queries that distribute").
   */
  async classSizes(em: EntityManager, schoolId: string, today: string): Promise<ClassSizeRow[]> {
    return sqlRows<ClassSizeRow>(
      em,
      `select c.school_year_id, c.id as class_id, c.grade, c.name,
              (select count(*)::int from people_enrolment e
                where e.school_id = $1 and e.class_id = c.id
                  and ${enrolledOnSql('e', censusDaySql('$2::date', 'y.starts_on', 'y.ends_on'))}) as pupils,
              (rs.settings -> 'classSizeCeilings' ->> c.grade)::int as ceiling
         from class c join school_year y on y.id = c.school_year_id
         left join province_rule_settings rs on rs.school_year_id = c.school_year_id
        where c.school_id = $1`,
      [schoolId, today],
    );
  }

  async schoolYearIds(em: EntityManager, schoolId: string): Promise<string[]> {
    const rows = await sqlRows<{ school_year_id: string }>(
      em,
      `select distinct school_year_id from class where school_id = $1`,
      [schoolId],
    );
    return rows.map((r) => r.school_year_id);
  }

  /** Each class's attendance marks within each semester's dates, by status; a class without marks counts zeros. */
  async attendance(em: EntityManager, schoolId: string, semesters: SemesterSpan[]): Promise<AttendanceTotalsRow[]> {
    return sqlRows<AttendanceTotalsRow>(
      em,
      `select c.school_year_id, p.period, c.id as class_id, c.grade,
              count(a.status)::int as recorded,
              count(*) filter (where a.status = 'PRESENT')::int as present,
              count(*) filter (where a.status = 'EXCUSED')::int as excused,
              count(*) filter (where a.status = 'UNEXCUSED')::int as unexcused,
              count(*) filter (where a.status = 'LATE')::int as late
         from class c
         join unnest($2::uuid[], $3::text[], $4::date[], $5::date[]) as p(school_year_id, period, from_day, to_day)
           on p.school_year_id = c.school_year_id
         left join attendance a on a.school_id = c.school_id and a.class_id = c.id and a.day between p.from_day and p.to_day
        where c.school_id = $1
        group by c.school_year_id, p.period, c.id, c.grade`,
      [
        schoolId,
        semesters.map((s) => s.schoolYearId),
        semesters.map((s) => s.period),
        semesters.map((s) => s.from),
        semesters.map((s) => s.to),
      ],
    );
  }
}

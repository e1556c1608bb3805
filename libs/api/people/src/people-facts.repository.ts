import { Injectable } from '@nestjs/common';
import { sqlRows } from '@emis/api/platform';
import type { HeadcountFact, MovementKind, PolicyCountFact } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { censusDaySql, enrolledOnSql } from './enrolment-sql';

interface HeadcountRow {
  school_year_id: string;
  class_id: string;
  grade: string;
  gender: string;
  ethnicity: string;
  disabled: boolean;
  pupils: number;
}

interface PolicyCountRow {
  school_year_id: string;
  class_id: string;
  grade: string;
  policy_group: string;
  gender: string;
  pupils: number;
}

interface MovementRow {
  school_year_id: string;
  grade: string;
  kind: MovementKind;
  gender: string;
  pupils: number;
}

/** The pupils of each class of the school enrolled on the year's census day (censusDaySql), with their student record. */
const enrolled = (more = '') => `
  from academic_class c
  join enrolment e on e.school_id = c.school_id and e.class_id = c.id
   and ${enrolledOnSql('e', censusDaySql('$2::date', 'c.year_starts_on', 'c.year_ends_on'))}
  join student st on st.school_id = e.school_id and st.id = e.student_id ${more}
 where c.school_id = $1`;

/**
 * The grade a pupil was in during a year: the class of their latest enrolment of that year. The school is the
 * statement's $1, named as a value rather than through the pupil's row: on a Citus cluster a correlated read compared
 * with another row's column reads every shard (docs/scaling.md, "Writing queries that distribute").
 */
const GRADE_IN_YEAR = (student: string, year: string) => `(
  select c.grade from enrolment e join academic_class c on c.school_id = e.school_id and c.id = e.class_id
   where e.school_id = $1 and e.student_id = ${student}.id and e.school_year_id = ${year}.id
   order by e.from_date desc limit 1)`;

/** The queries behind PeopleFacts; classes and year dates are read through academic's view academic_class. */
@Injectable()
export class PeopleFactsRepository {
  async headcounts(em: EntityManager, schoolId: string, today: string): Promise<HeadcountFact[]> {
    const rows = await sqlRows<HeadcountRow>(
      em,
      `select c.school_year_id, c.id as class_id, c.grade, st.gender, st.ethnicity, st.disability is not null as disabled,
              count(*)::int as pupils
         ${enrolled()}
        group by c.school_year_id, c.id, c.grade, st.gender, st.ethnicity, st.disability is not null`,
      [schoolId, today],
    );
    return rows.map((r) => ({
      schoolYearId: r.school_year_id,
      classId: r.class_id,
      grade: r.grade,
      gender: r.gender,
      ethnicity: r.ethnicity,
      disabled: r.disabled,
      pupils: r.pupils,
    }));
  }

  async policyCounts(em: EntityManager, schoolId: string, today: string): Promise<PolicyCountFact[]> {
    const rows = await sqlRows<PolicyCountRow>(
      em,
      `select c.school_year_id, c.id as class_id, c.grade, g.policy_group, st.gender, count(*)::int as pupils
         ${enrolled('cross join lateral unnest(st.policy_groups) as g(policy_group)')}
        group by c.school_year_id, c.id, c.grade, g.policy_group, st.gender`,
      [schoolId, today],
    );
    return rows.map((r) => ({
      schoolYearId: r.school_year_id,
      classId: r.class_id,
      grade: r.grade,
      policyGroup: r.policy_group,
      gender: r.gender,
      pupils: r.pupils,
    }));
  }

  /**
   * Per year of the school (a year it has classes in): drop-outs dated inside the year's dates, accepted transfers
   * out and in taking effect inside them, and the year-end decisions. The grade of a movement is the pupil's class of
   * the year ('' when a pupil arrived without being placed in a class).
   */
  async movements(em: EntityManager, schoolId: string): Promise<MovementRow[]> {
    return sqlRows<MovementRow>(
      em,
      `with y as (
         select distinct c.school_year_id as id, c.year_starts_on as starts_on, c.year_ends_on as ends_on
           from academic_class c where c.school_id = $1
       ), moved as (
         select y.id as school_year_id, coalesce(${GRADE_IN_YEAR('st', 'y')}, '') as grade, 'DROPPED_OUT' as kind, st.gender
           from student st join y on st.status_date between y.starts_on and y.ends_on
          where st.school_id = $1 and st.status = 'DROPPED_OUT'
         union all
         select y.id, coalesce(${GRADE_IN_YEAR('st', 'y')}, ''),
                case t.direction when 'OUT' then 'TRANSFERRED_OUT' else 'TRANSFERRED_IN' end, st.gender
           from student_transfer t
           join student st on st.school_id = t.school_id and st.id = t.student_id
           join y on t.effective_on between y.starts_on and y.ends_on
          where t.school_id = $1 and t.status = 'ACCEPTED'
         union all
         select o.school_year_id, o.grade,
                case o.outcome when 'PROMOTED' then 'PROMOTE' when 'GRADUATED' then 'GRADUATE' else 'REPEAT' end, st.gender
           from year_outcome o join student st on st.school_id = o.school_id and st.id = o.student_id
          where o.school_id = $1
       )
       select school_year_id, grade, kind, gender, count(*)::int as pupils
         from moved group by school_year_id, grade, kind, gender`,
      [schoolId],
    );
  }
}

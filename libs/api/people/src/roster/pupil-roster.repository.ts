import { Injectable } from '@nestjs/common';
import { allWordsSql, sqlRows } from '@emis/api/platform';
import type { PolicyGroup } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { enrolledDuringSql } from '../enrolment-sql';

/**
 * A pupil with the enrolment that places them in a class: the latest of a range (always one: `Placed` is string), or
 * of any year (none for a pupil never placed: string | null).
 */
export interface PupilRow<Placed extends string | null> {
  student_id: string;
  code: string;
  full_name: string;
  class_id: Placed;
  class_name: Placed;
  grade: Placed;
  nationality: string;
  policy_groups: PolicyGroup[];
  enrolled_from: Placed;
  enrolled_to: string | null;
  guardian_phone: string | null;
}

export interface RosterClassRow {
  id: string;
  name: string;
  grade: string;
}

/**
 * The first guardian with a phone: mother, father, then any other guardian — the person a school calls about fees.
 * `s` is the student row's alias.
 */
const GUARDIAN_PHONE = (s: string) => `(
  select g.phone from guardian g
   where g.school_id = ${s}.school_id and g.student_id = ${s}.id and g.phone is not null
   order by case g.relation when 'MOTHER' then 0 when 'FATHER' then 1 else 2 end, g.id limit 1)`;

const PUPIL_COLUMNS = `s.id as student_id, s.personal_id as code, s.full_name, s.nationality, s.policy_groups,
  ${GUARDIAN_PHONE('s')} as guardian_phone`;

/** Vietnamese order: given name, middle names, family name (docs/domain/records.md, "Names"). */
const BY_NAME = `s.given_name collate "vi-x-icu", s.middle_name collate "vi-x-icu", s.family_name collate "vi-x-icu"`;

/** The latest enrolment of the pupil `s` in any class of the school, with its class (any year). */
const LATEST_CLASS = `left join lateral (
    select e.class_id, c.name as class_name, c.grade, e.from_date, e.to_date
      from enrolment e join academic_class c on c.school_id = e.school_id and c.id = e.class_id
     where e.school_id = s.school_id and e.student_id = s.id
     order by e.from_date desc, (e.to_date is null) desc limit 1) e on true`;

/**
 * The queries behind PupilRoster. Classes are read through academic's view academic_class and the homeroom
 * teacher's user through identity's view identity_user_staff (docs/adr/table-ownership-and-events.md).
 */
@Injectable()
export class PupilRosterRepository {
  async enrolled(em: EntityManager, schoolId: string, from: string, to: string): Promise<PupilRow<string>[]> {
    return sqlRows<PupilRow<string>>(
      em,
      `select ${PUPIL_COLUMNS}, e.class_id, c.name as class_name, c.grade,
              e.from_date::text as enrolled_from, e.to_date::text as enrolled_to
         from (select distinct on (e.student_id) e.*
                 from enrolment e
                where e.school_id = $1 and ${enrolledDuringSql('e', '$2::date', '$3::date')}
                order by e.student_id, e.from_date desc, (e.to_date is null) desc) e
         join student s on s.school_id = e.school_id and s.id = e.student_id
         join academic_class c on c.school_id = e.school_id and c.id = e.class_id
        order by c.name collate vi_natural, ${BY_NAME}, s.id`,
      [schoolId, from, to],
    );
  }

  async byIds(em: EntityManager, schoolId: string, studentIds: readonly string[]): Promise<PupilRow<string | null>[]> {
    if (studentIds.length === 0) return [];
    return sqlRows<PupilRow<string | null>>(
      em,
      `select ${PUPIL_COLUMNS}, e.class_id, e.class_name, e.grade,
              e.from_date::text as enrolled_from, e.to_date::text as enrolled_to
         from student s ${LATEST_CLASS}
        where s.school_id = $1 and s.id = any($2::uuid[])`,
      [schoolId, studentIds],
    );
  }

  /** `pattern`: a LIKE pattern, already escaped (likePattern). Pupils still studying come first. */
  async search(
    em: EntityManager,
    schoolId: string,
    patterns: string[],
    limit: number,
  ): Promise<PupilRow<string | null>[]> {
    return sqlRows<PupilRow<string | null>>(
      em,
      `select ${PUPIL_COLUMNS}, e.class_id, e.class_name, e.grade,
              e.from_date::text as enrolled_from, e.to_date::text as enrolled_to
         from student s ${LATEST_CLASS}
        where s.school_id = $1
          and (${allWordsSql('$2::text[]', 's.full_name')} or s.personal_id like all ($2::text[]))
        order by (s.status = 'STUDYING') desc, ${BY_NAME}, s.id
        limit $3`,
      [schoolId, patterns, limit],
    );
  }

  async classes(em: EntityManager, schoolId: string, classIds: readonly string[]): Promise<RosterClassRow[]> {
    if (classIds.length === 0) return [];
    return sqlRows<RosterClassRow>(
      em,
      `select c.id, c.name, c.grade from academic_class c where c.school_id = $1 and c.id = any($2::uuid[])`,
      [schoolId, classIds],
    );
  }

  async homeroomClassIds(em: EntityManager, schoolId: string, userId: string): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      em,
      `select c.id from academic_class c
         join identity_user_staff u on u.staff_id = c.homeroom_staff_id
        where c.school_id = $1 and u.user_id = $2
        order by c.id`,
      [schoolId, userId],
    );
    return rows.map((r) => r.id);
  }
}

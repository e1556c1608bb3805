import { Injectable } from '@nestjs/common';
import { sqlRow } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/**
 * The classes a teacher stands in for need-to-know: those of years not closed that they lead (homeroom) or teach (a
 * teaching assignment in either semester), read through academic's and identity's named views. `school` and `user`
 * are SQL expressions; answers a sub-select of class ids.
 */
export function teacherClassIdsSql(school: string, user: string): string {
  return `(select c.id from academic_class c join identity_user_staff u on u.user_id = ${user}
     where c.school_id = ${school} and c.year_status <> 'CLOSED'
       and (c.homeroom_staff_id = u.staff_id
            or exists (select 1 from academic_teaching_assignment a
                        where a.school_id = ${school} and a.class_id = c.id and a.staff_id = u.staff_id)))`;
}

/** How a teacher stands to a pupil of the school: through the classes of the pupil's enrolments in open years. */
@Injectable()
export class PupilRelationsRepository {
  /** Whether the user leads (homeroom) or teaches one of the pupil's classes in a year not closed. */
  async standing(
    em: EntityManager,
    schoolId: string,
    studentId: string,
    userId: string,
  ): Promise<{ homeroom: boolean; teaches: boolean } | undefined> {
    return sqlRow<{ homeroom: boolean; teaches: boolean }>(
      em,
      `select coalesce(bool_or(c.homeroom_staff_id = u.staff_id), false) as homeroom,
              coalesce(bool_or(c.id in ${teacherClassIdsSql('$1', '$3')}), false) as teaches
         from enrolment e
         join academic_class c on c.school_id = e.school_id and c.id = e.class_id and c.year_status <> 'CLOSED'
         join identity_user_staff u on u.user_id = $3
        where e.school_id = $1 and e.student_id = $2`,
      [schoolId, studentId, userId],
    );
  }
}

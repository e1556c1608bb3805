import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import {
  applyFieldAccess,
  FieldAccess,
  mayRevealStudentIds,
  PupilRelation,
  roleReadsWholeScope,
  shownSensitiveGroups,
  STUDENT_FIELD_GROUPS,
  StudentFieldGroup,
  studentFieldAccess,
  studentListAccess,
} from '@emis/domain';
import { Principal, ProblemException } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { PupilRelationsRepository } from './pupil-relations.repository';

type StudentAccess = Readonly<Record<StudentFieldGroup, FieldAccess>>;

/**
 * Need-to-know on pupils' records (docs/domain/personal-data.md, "Who sees which fields"): who stands how to a pupil,
 * what of a record or a list leaves the API, and the audit of every look at sensitive fields or revealed identity
 * numbers (Decree 356/2025/NĐ-CP: sensitive data is processed only by those who need it, each access logged).
 */
@Injectable()
export class PupilAccess {
  constructor(private readonly relations: PupilRelationsRepository) {}

  /**
   * How `actor` stands to the pupil. A teacher's relation comes from the pupil's enrolments in the classes they lead
   * or teach; a pupil of none of them is not found (404), exactly as another school's pupil.
   */
  async relationTo(em: EntityManager, actor: Principal, schoolId: string, studentId: string): Promise<PupilRelation> {
    if (roleReadsWholeScope(actor.role)) return 'SCOPE';
    const row = await this.relations.standing(em, schoolId, studentId, actor.userId);
    if (row?.homeroom) return 'HOMEROOM';
    if (row?.teaches) return 'TEACHES';
    throw new NotFoundException();
  }

  /**
   * What a list shows `actor`. A teacher's list holds pupils of both relations; the list's own fields (identity
   * number, ethnicity) are withheld from either, so the narrower one decides. Asking to reveal identity numbers
   * without the right to see them is refused, not silently ignored.
   */
  listAccess(actor: Principal, reveal: boolean): StudentAccess {
    if (reveal && !mayRevealStudentIds(actor.role))
      throw new ProblemException(HttpStatus.FORBIDDEN, 'reveal_not_allowed');
    return studentListAccess(actor.role, roleReadsWholeScope(actor.role) ? 'SCOPE' : 'TEACHES', reveal);
  }

  recordAccess(actor: Principal, relation: PupilRelation): StudentAccess {
    return studentFieldAccess(actor.role, relation);
  }

  /** `record` as the reader may see it. */
  present<T extends object>(record: T, access: StudentAccess): T {
    return applyFieldAccess(record, STUDENT_FIELD_GROUPS, access);
  }

  /**
   * The groups a list showed beyond its plain columns — identity numbers in full, sensitive groups — named in the
   * request's READ audit row (the guard writes one per list request: docs/security/guard.md).
   */
  listGroups(access: StudentAccess): string[] {
    return [...(access.identityNumber === 'VISIBLE' ? ['identityNumber'] : []), ...shownSensitiveGroups(access)];
  }
}

import { Injectable, NotFoundException } from '@nestjs/common';
import type { ClassAssignmentsUpdate, TeachingAssignment } from '@emis/contracts';
import { levelOfGrade } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { assertInScope, RawFieldError, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { StaffDirectory } from '@emis/api/staff';
import { EntityManager } from 'typeorm';
import { AssignmentFilter, AssignmentsRepository } from './assignments.repository';
import { ClassesRepository } from './classes.repository';
import { SchoolYearsService } from './school-years.service';

/**
 * Teaching assignments. Besides the HTTP use cases, other contexts (the gradebook) ask here who may teach what,
 * inside their own transaction: `canTeach`, `teachableSubjects` (one query for a whole sheet), `isHomeroomTeacher`.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly repo: AssignmentsRepository,
    private readonly classes: ClassesRepository,
    private readonly years: SchoolYearsService,
    private readonly staff: StaffDirectory,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async list(scope: Scope, schoolId: string, filter: AssignmentFilter): Promise<TeachingAssignment[]> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.repo.list(em, schoolId, filter));
  }

  /** Sets who teaches each subject of a class in one semester; subjects not listed (or with staffId null) lose theirs. */
  async replaceForClass(
    scope: Scope,
    schoolId: string,
    classId: string,
    update: ClassAssignmentsUpdate,
  ): Promise<TeachingAssignment[]> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const cls = await this.classes.find(em, schoolId, classId, true);
      if (!cls) throw new NotFoundException();
      await this.years.assertWritable(em, cls.schoolYearId);
      const wanted = await this.validItems(em, schoolId, levelOfGrade(cls.grade), update);
      const before = await this.repo.ofSemester(em, schoolId, classId, update.semester);
      await this.repo.replace(em, schoolId, classId, update.semester, wanted, new Date());
      await this.audit.record(em, {
        schoolId,
        entity: 'teaching_assignment',
        entityId: `${classId}:${update.semester}`,
        action: 'UPDATE',
        before,
        after: wanted,
      });
      return this.repo.list(em, schoolId, { classId });
    });
  }

  async canTeach(
    em: EntityManager,
    schoolId: string,
    staffId: string,
    classId: string,
    subjectCode: string,
    semester: 1 | 2,
  ): Promise<boolean> {
    return (await this.teachableSubjects(em, schoolId, staffId, classId, semester)).has(subjectCode);
  }

  /** Every subject the (active) teacher is assigned in the class for the semester: one query for a whole grade sheet. */
  teachableSubjects(
    em: EntityManager,
    schoolId: string,
    staffId: string,
    classId: string,
    semester: 1 | 2,
  ): Promise<Set<string>> {
    return this.repo.subjectsOfTeacher(em, schoolId, staffId, classId, semester);
  }

  isHomeroomTeacher(em: EntityManager, schoolId: string, staffId: string, classId: string): Promise<boolean> {
    return this.repo.isHomeroomTeacher(em, schoolId, staffId, classId);
  }

  /** Subjects of the class's level (Circular 32/2018 programme), active teachers of the school, no subject twice. */
  private async validItems(
    em: EntityManager,
    schoolId: string,
    level: string,
    update: ClassAssignmentsUpdate,
  ): Promise<Record<string, string>> {
    const items = update.items;
    const subjects = await this.repo.subjectsOfLevel(
      em,
      items.map((i) => i.subjectCode),
      level,
    );
    const active = await this.staff.activeStaffIds(
      em,
      schoolId,
      items.flatMap((i) => (i.staffId ? [i.staffId] : [])),
    );
    const errors: RawFieldError[] = [];
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (!subjects.has(item.subjectCode))
        errors.push({ field: `items.${i}.subjectCode`, rule: 'subjectNotOfLevel', args: [] });
      if (seen.has(item.subjectCode)) errors.push({ field: `items.${i}.subjectCode`, rule: 'duplicate', args: [] });
      if (item.staffId && !active.has(item.staffId))
        errors.push({ field: `items.${i}.staffId`, rule: 'notActiveStaff', args: [] });
      seen.add(item.subjectCode);
    });
    if (errors.length) throw new ValidationProblem(errors);
    return Object.fromEntries(items.flatMap((i) => (i.staffId ? [[i.subjectCode, i.staffId]] : [])));
  }
}

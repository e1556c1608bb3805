import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { ClassDetail, ClassInput, ClassSummary, ClassUpdate, Page } from '@emis/contracts';
import { gradesOfSchool, GradeLevel, maskPersonalId, Role, roleReadsWholeScope, studentListAccess } from '@emis/domain';
import { AuditService, PersonalDataGuard } from '@emis/api/audit';
import {
  assertInScope,
  likePatterns,
  ProblemException,
  RawFieldError,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
  ValidationProblem,
} from '@emis/api/platform';
import { StaffDirectory } from '@emis/api/staff';
import { OrgTreeService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { AssignmentsRepository } from './assignments.repository';
import { ClassListQueryDto } from './classes.dto';
import { ClassFields, ClassFilter, ClassesRepository, CLASS_SORT_COLUMNS } from './classes.repository';
import { SchoolYearsService } from './school-years.service';
import { AcademicEvents } from './academic-events';

@Injectable()
export class ClassesService {
  constructor(
    private readonly repo: ClassesRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly years: SchoolYearsService,
    private readonly staff: StaffDirectory,
    private readonly tree: OrgTreeService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: AcademicEvents,
    private readonly guard: PersonalDataGuard,
  ) {}

  async list(scope: Scope, schoolId: string, query: ClassListQueryDto): Promise<Page<ClassSummary>> {
    assertInScope(scope, schoolId);
    const paging = toSqlPaging(query, CLASS_SORT_COLUMNS, 'name');
    return this.db.run(async (em) => {
      const { items, total } = await this.repo.list(em, schoolId, filterOf(query), paging);
      return toPage(items, total, paging);
    });
  }

  /** The filtered list for an export; the export itself is audited. */
  async exportRows(scope: Scope, schoolId: string, query: ClassListQueryDto): Promise<ClassSummary[]> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const { items } = await this.repo.list(em, schoolId, filterOf(query), null);
      await this.audit.record(em, {
        schoolId,
        entity: 'class',
        entityId: schoolId,
        action: 'EXPORT',
        after: { filter: filterOf(query), rows: items.length },
      });
      return items;
    });
  }

  /**
   * A class with its roster (names, birth dates; identity numbers as a list shows them to `role`, see rosterShownTo):
   * charged to the reader's read budget and audited as one READ row naming the pupils listed and the field groups
   * shown (docs/security/guard.md).
   */
  async detail(scope: Scope, role: Role, schoolId: string, classId: string): Promise<ClassDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const detail = rosterShownTo(role, await this.load(em, schoolId, classId));
      await this.guard.releaseList(em, {
        kind: 'STUDENT',
        schoolId,
        entity: 'class',
        entityId: classId,
        ids: detail.students.map((s) => s.id),
        groups: rosterAccess(role).identityNumber === 'WITHHELD' ? [] : ['identityNumber'],
      });
      return detail;
    });
  }

  /** Creates a class of an open (or planned) year; a size over the charter's ceiling only warns (ClassSummary.sizeWarning). */
  async create(scope: Scope, schoolId: string, input: ClassInput): Promise<ClassDetail> {
    assertInScope(scope, schoolId);
    const fields: ClassFields = {
      name: input.name,
      grade: input.grade,
      homeroomStaffId: input.homeroomStaffId ?? null,
      room: input.room ?? null,
      programme: input.programme ?? null,
    };
    return this.db.run(async (em) => {
      await this.years.assertWritable(em, input.schoolYearId, 'schoolYearId');
      await this.validate(em, schoolId, input.schoolYearId, fields, null);
      const id = await this.repo.insert(em, schoolId, input.schoolYearId, fields, new Date());
      const after = await this.load(em, schoolId, id);
      await this.audit.record(em, {
        schoolId,
        entity: 'class',
        entityId: id,
        action: 'CREATE',
        after: withoutLists(after),
      });
      await this.events.classesChanged(em, schoolId, id);
      return after;
    });
  }

  async update(scope: Scope, schoolId: string, classId: string, update: ClassUpdate): Promise<ClassDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.repo.find(em, schoolId, classId, true);
      if (!before) throw new NotFoundException();
      await this.years.assertWritable(em, before.schoolYearId);
      if (before.version !== update.version)
        throw new ProblemException(HttpStatus.CONFLICT, 'version_conflict', undefined, { current: before });
      const fields: ClassFields = {
        name: update.name ?? before.name,
        grade: update.grade ?? before.grade,
        homeroomStaffId: update.homeroomStaffId === undefined ? before.homeroomStaffId : update.homeroomStaffId,
        room: update.room === undefined ? before.room : update.room,
        programme: update.programme === undefined ? before.programme : update.programme,
      };
      await this.validate(em, schoolId, before.schoolYearId, fields, classId);
      await this.repo.update(em, schoolId, classId, fields, new Date());
      const after = await this.load(em, schoolId, classId);
      await this.audit.record(em, {
        schoolId,
        entity: 'class',
        entityId: classId,
        action: 'UPDATE',
        before,
        after: withoutLists(after),
      });
      await this.events.classesChanged(em, schoolId, classId);
      return after;
    });
  }

  async load(em: EntityManager, schoolId: string, classId: string): Promise<ClassDetail> {
    const summary = await this.repo.find(em, schoolId, classId);
    if (!summary) throw new NotFoundException();
    const students = await this.repo.roster(em, schoolId, classId);
    return { ...summary, students, assignments: await this.assignments.list(em, schoolId, { classId }) };
  }

  /** A grade the school teaches (its levels), a homeroom teacher who is active staff of the school, a free name. */
  private async validate(
    em: EntityManager,
    schoolId: string,
    yearId: string,
    f: ClassFields,
    selfId: string | null,
  ): Promise<void> {
    const errors: RawFieldError[] = [];
    const taught: GradeLevel[] = gradesOfSchool((await this.tree.get(schoolId))?.levels ?? []);
    if (!taught.includes(f.grade)) errors.push({ field: 'grade', rule: 'gradeNotTaught', args: [taught] });
    if (
      f.homeroomStaffId &&
      !(await this.staff.activeStaffIds(em, schoolId, [f.homeroomStaffId])).has(f.homeroomStaffId)
    ) {
      errors.push({ field: 'homeroomStaffId', rule: 'notActiveStaff', args: [] });
    }
    if (await this.repo.nameTaken(em, schoolId, yearId, f.name, selfId))
      errors.push({ field: 'name', rule: 'duplicate', args: [] });
    if (errors.length) throw new ValidationProblem(errors);
  }
}

function filterOf(query: ClassListQueryDto): ClassFilter {
  return {
    yearId: query.yearId,
    grade: query.grade,
    search: query.q?.trim() ? likePatterns(query.q) : undefined,
  };
}

function withoutLists(d: ClassDetail): ClassSummary {
  const { students: _s, assignments: _a, ...summary } = d;
  return summary;
}

/**
 * What a class roster shows of the pupils' identity numbers (docs/domain/personal-data.md, "Who sees which fields"): a
 * roster is a list, so numbers are masked for the roles that may see them and left out for the others (a teacher
 * needs no pupil's number to teach).
 */
function rosterAccess(role: Role) {
  return studentListAccess(role, roleReadsWholeScope(role) ? 'SCOPE' : 'TEACHES', false);
}

export function rosterShownTo(role: Role, detail: ClassDetail): ClassDetail {
  const access = rosterAccess(role).identityNumber;
  return {
    ...detail,
    students: detail.students.map(({ personalId, ...pupil }) =>
      access === 'WITHHELD'
        ? pupil
        : { ...pupil, personalId: access === 'VISIBLE' || !personalId ? personalId : maskPersonalId(personalId) },
    ),
  };
}

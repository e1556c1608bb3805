import { personalIdMatches, shownGroups, StudentGroupedField, todayInVietnam } from '@emis/domain';
import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { COUNT_CAP } from '@emis/contracts';
import type { Page, StudentDetail, StudentInput, StudentSummary, StudentUpdate } from '@emis/contracts';
import { AuditService, PersonalDataGuard } from '@emis/api/audit';
import {
  assertInScope,
  likePatterns,
  ListTotal,
  Principal,
  ProblemException,
  Scope,
  SqlPaging,
  TenantDb,
  toPage,
  toSqlPaging,
  totalFromPage,
  ValidationProblem,
} from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { assertYearWritable, clampToYear, EnrolmentRepository } from './enrolment.repository';
import { StudentFilterQueryDto, StudentListQueryDto } from './students.dto';
import { StudentFields, StudentFilter, StudentRow, StudentsRepository, studentOrder } from './students.repository';
import { TransfersRepository } from './transfers.repository';
import { PeopleEvents } from './people-events';
import { PupilAccess } from './pupil-access';

const FIELD_KEYS = [
  'personalId',
  'fullName',
  'dateOfBirth',
  'gender',
  'ethnicity',
  'religion',
  'nationality',
  'placeOfBirth',
  'permanentAddress',
  'currentAddress',
  'policyGroups',
  'disability',
] as const satisfies readonly (keyof StudentFields)[];
/** Fields a PATCH may change but never blank out. */
const REQUIRED_KEYS = ['personalId', 'fullName', 'dateOfBirth', 'gender', 'ethnicity', 'nationality'] as const;

/** Whether a list filter keeps every pupil of the school (any status, class, grade, name; not a teacher's own). */
function wholeSchool(f: StudentFilter): boolean {
  return !f.status && !f.classId && !f.grade && !f.search?.length && !f.taughtBy;
}

/**
 * A record with every field: what the school keeps, and what an update, an audit row or a transfer's snapshot reads.
 * Only `detail` turns it into what a reader may see.
 */
export type StudentRecord = StudentDetail & Required<Pick<StudentDetail, StudentGroupedField>>;

@Injectable()
export class StudentsService {
  /** Schools whose whole list was counted past COUNT_CAP: it cannot shrink back below it (see `totalOf`). */
  private readonly pastCap = new Set<string>();

  constructor(
    private readonly repo: StudentsRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly transfers: TransfersRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: PeopleEvents,
    private readonly guard: PersonalDataGuard,
    private readonly access: PupilAccess,
  ) {}

  /**
   * A page of the school's pupils as `actor` may see them: a teacher only those of classes they lead or teach, and
   * nobody a field the table withholds from their role (docs/domain/personal-data.md, "Who sees which fields").
   */
  async list(
    actor: Principal,
    scope: Scope,
    schoolId: string,
    query: StudentListQueryDto,
  ): Promise<Page<StudentSummary>> {
    assertInScope(scope, schoolId);
    const access = this.access.listAccess(actor, query.reveal === 'personalId');
    const paging = toSqlPaging(query, {}, 'name');
    const orderBy = studentOrder(query.sort);
    return this.db.run(async (em) => {
      const filter: StudentFilter = {
        ...(await this.filterOf(em, query)),
        taughtBy: actor.role === 'TEACHER' ? actor.userId : undefined,
        // A reader who may not see ID numbers may not probe for one through the search either.
        searchPersonalId: access.identityNumber !== 'WITHHELD',
      };
      const items = await this.repo.list(em, schoolId, filter, orderBy, paging.limit, paging.offset);
      const ids = items.map((s) => s.id);
      await this.guard.releaseList(em, {
        kind: 'STUDENT',
        schoolId,
        ids,
        filter: query,
        groups: this.access.listGroups(access),
      });
      const shown = items.map((i) => this.access.present(i, access));
      return toPage(shown, await this.totalOf(em, schoolId, filter, paging, items.length), paging);
    });
  }

  /**
   * The list's total, counted only when the page does not tell it (docs/domain/records.md, "Lists at any size"): a
   * short page is the last one; a school's whole list, once counted past COUNT_CAP, stays past it — pupils' records
   * are kept, never deleted (the application role may not delete them, migration KeepStudentRecords1765000002250) — so
   * it is not counted again by this process.
   */
  private async totalOf(
    em: EntityManager,
    schoolId: string,
    filter: StudentFilter,
    paging: SqlPaging,
    shown: number,
  ): Promise<ListTotal> {
    const fromPage = totalFromPage(paging, shown);
    if (fromPage) return fromPage;
    const whole = wholeSchool(filter);
    if (whole && this.pastCap.has(schoolId)) return { total: COUNT_CAP, totalCapped: true };
    const counted = await this.repo.count(em, schoolId, filter);
    if (whole && counted.totalCapped) this.pastCap.add(schoolId);
    return counted;
  }

  /** The list's filter; without a year, the open one decides the class columns. */
  async filterOf(em: EntityManager, query: StudentFilterQueryDto): Promise<StudentFilter> {
    const q = query.q?.trim();
    return {
      yearId: query.yearId ?? (await this.repo.defaultYearId(em)),
      status: query.status,
      classId: query.classId,
      grade: query.grade,
      search: q ? likePatterns(q) : undefined,
      searchPersonalId: true,
    };
  }

  /**
   * The full record as `actor` may see it. Every access is logged with the field groups shown
   * (docs/domain/personal-data.md: who saw whose data, when) and charged to the reader's budget
   * (docs/security/guard.md); a teacher's pupil outside their classes is not found.
   */
  async detail(actor: Principal, scope: Scope, schoolId: string, studentId: string): Promise<StudentDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const detail = await this.load(em, schoolId, studentId);
      const relation = await this.access.relationTo(em, actor, schoolId, studentId);
      const access = this.access.recordAccess(actor, relation);
      await this.guard.releaseRecord(em, { kind: 'STUDENT', schoolId, id: studentId, groups: shownGroups(access) });
      const transfers = detail.transfers.map((t) => this.access.present(t, access));
      return this.access.present({ ...detail, transfers, relation }, access);
    });
  }

  /** Reads the record with its history, inside the caller's transaction (no audit: the caller decides). */
  async load(em: EntityManager, schoolId: string, studentId: string): Promise<StudentRecord> {
    const row = await this.repo.find(em, schoolId, studentId);
    if (!row) throw new NotFoundException();
    const enrolments = await this.repo.enrolments(em, schoolId, studentId);
    const current = [...enrolments].reverse().find((e) => e.toDate === null) ?? null;
    const { version, statusReason, statusDate, ...fields } = row;
    return {
      ...fields,
      classId: current?.classId ?? null,
      className: current?.className ?? null,
      grade: current?.grade ?? null,
      guardians: await this.repo.guardians(em, schoolId, studentId),
      statusReason,
      statusDate,
      enrolments,
      outcomes: await this.repo.outcomes(em, schoolId, studentId),
      transfers: await this.transfers.forStudent(em, schoolId, studentId),
      readOnly: row.status !== 'STUDYING',
      version,
      relation: 'SCOPE',
    };
  }

  async create(scope: Scope, schoolId: string, input: StudentInput): Promise<StudentDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const cls = input.classId ? await this.enrolments.findClass(em, schoolId, input.classId) : undefined;
      if (input.classId && !cls) throw new ValidationProblem([{ field: 'classId', rule: 'unknownClass', args: [] }]);
      if (cls) assertYearWritable(cls.year);
      const fields = fieldsOf(input);
      await this.assertPersonalIdFree(em, schoolId, fields.personalId);
      const at = new Date();
      const id = await this.repo.insert(em, schoolId, fields, at);
      await this.repo.replaceGuardians(em, schoolId, id, input.guardians ?? []);
      if (cls) await this.enrolments.open(em, schoolId, id, cls, clampToYear(todayInVietnam(), cls.year), null);
      const created = await this.load(em, schoolId, id);
      await this.audit.record(em, {
        schoolId,
        entity: 'student',
        entityId: id,
        action: 'CREATE',
        after: auditView(created),
      });
      await this.events.enrolmentChanged(em, schoolId, id);
      return created;
    });
  }

  /** Saves the fields a PATCH names, if nobody changed the record since `update.version`. */
  async update(scope: Scope, schoolId: string, studentId: string, update: StudentUpdate): Promise<StudentDetail> {
    assertInScope(scope, schoolId);
    assertNoBlankRequired(update);
    return this.db.run(async (em) => {
      const before = await this.lockWritable(em, schoolId, studentId);
      if (before.version !== update.version) {
        throw new ProblemException(HttpStatus.CONFLICT, 'version_conflict', undefined, {
          current: await this.load(em, schoolId, studentId),
        });
      }
      const beforeView = auditView(await this.load(em, schoolId, studentId));
      const merged = { ...fieldsOf(before), ...sentFields(update) };
      if (!personalIdMatches(merged.personalId, Number(merged.dateOfBirth.slice(0, 4)), merged.gender)) {
        throw new ValidationProblem([{ field: 'personalId', rule: 'personalIdMismatch', args: [] }]);
      }
      if (merged.personalId !== before.personalId) await this.assertPersonalIdFree(em, schoolId, merged.personalId);
      await this.repo.update(em, schoolId, studentId, merged, new Date());
      if (update.guardians !== undefined)
        await this.repo.replaceGuardians(em, schoolId, studentId, update.guardians ?? []);
      const after = await this.load(em, schoolId, studentId);
      await this.audit.record(em, {
        schoolId,
        entity: 'student',
        entityId: studentId,
        action: 'UPDATE',
        before: beforeView,
        after: auditView(after),
      });
      await this.events.enrolmentChanged(em, schoolId, studentId);
      return after;
    });
  }

  /**
   * Locks a record that may still change. A student who left (transferred out, dropped out, graduated) is kept
   * as history and is read-only.
   */
  async lockWritable(em: EntityManager, schoolId: string, studentId: string): Promise<StudentRow> {
    const row = await this.repo.find(em, schoolId, studentId, true);
    if (!row) throw new NotFoundException();
    if (row.status !== 'STUDYING')
      throw new ProblemException(HttpStatus.CONFLICT, 'record_read_only', undefined, { studentStatus: row.status });
    return row;
  }

  /** The personal ID is unique per school (the table's unique key); answered as a field conflict, not a 500. */
  async assertPersonalIdFree(em: EntityManager, schoolId: string, personalId: string): Promise<void> {
    const holder = await this.repo.findByPersonalId(em, schoolId, personalId);
    if (holder) {
      throw new ProblemException(HttpStatus.CONFLICT, 'duplicate_personal_id', undefined, {
        field: 'personalId',
        studentId: holder.id,
        studentStatus: holder.status,
      });
    }
  }
}

export function fieldsOf(input: Partial<StudentFields>): StudentFields {
  return {
    personalId: input.personalId!,
    fullName: input.fullName!,
    dateOfBirth: input.dateOfBirth!,
    gender: input.gender!,
    ethnicity: input.ethnicity!,
    religion: input.religion ?? null,
    nationality: input.nationality ?? 'VN',
    placeOfBirth: input.placeOfBirth ?? null,
    permanentAddress: input.permanentAddress ?? null,
    currentAddress: input.currentAddress ?? null,
    policyGroups: input.policyGroups ?? [],
    disability: input.disability ?? null,
  };
}

/** A PATCH changes only the fields it names; the DTO instance carries the absent ones as undefined. */
function sentFields(update: StudentUpdate): Partial<StudentFields> {
  return Object.fromEntries(
    FIELD_KEYS.filter((k) => update[k] !== undefined).map((k) => [
      k,
      k === 'policyGroups' ? (update[k] ?? []) : update[k],
    ]),
  );
}

function assertNoBlankRequired(update: StudentUpdate): void {
  const blank = REQUIRED_KEYS.filter((k) => update[k] === null);
  if (blank.length) throw new ValidationProblem(blank.map((field) => ({ field, rule: 'isNotEmpty', args: [] })));
}

/** What the audit row keeps of a record: its fields and guardians, not the derived history lists. */
export function auditView(d: StudentDetail): Record<string, unknown> {
  const { enrolments: _e, outcomes: _o, transfers: _t, readOnly: _r, relation: _v, ...rest } = d;
  return rest;
}

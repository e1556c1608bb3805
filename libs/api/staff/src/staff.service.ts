import {
  applyFieldAccess,
  mayRevealStaffIds,
  shownGroups,
  STAFF_FIELD_GROUPS,
  staffFieldAccess,
  staffListAccess,
  todayInVietnam,
} from '@emis/domain';
import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { Page, StaffDetail, StaffHistoryEntry, StaffInput, StaffSummary, StaffUpdate } from '@emis/contracts';
import { AuditService, PersonalDataGuard } from '@emis/api/audit';
import {
  assertInScope,
  ExportWatermark,
  likePatterns,
  OutboxPublisher,
  Principal,
  ProblemException,
  RawFieldError,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
  ValidationProblem,
} from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { StaffExportQueryDto, StaffListQueryDto } from './staff.dto';
import { STAFF_LEFT_SCHOOL, StaffLeftSchool } from './staff-events';
import { StaffFields, StaffFilter, StaffRecord, StaffRepository, STAFF_SORT_COLUMNS } from './staff.repository';
import { staffFieldErrors } from './staff-rules';
import { StaffEvents } from './staff-events';

@Injectable()
export class StaffService {
  constructor(
    private readonly repo: StaffRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: OutboxPublisher,
    private readonly staffEvents: StaffEvents,
    private readonly guard: PersonalDataGuard,
  ) {}

  /**
   * A page of the school's staff: personal IDs masked unless the reader may see them and asks (audited), fields the
   * reader's role may not see withheld (docs/domain/personal-data.md, "Who sees which fields").
   */
  async list(actor: Principal, scope: Scope, schoolId: string, query: StaffListQueryDto): Promise<Page<StaffSummary>> {
    assertInScope(scope, schoolId);
    const reveal = query.reveal === 'personalId';
    if (reveal && !mayRevealStaffIds(actor.role))
      throw new ProblemException(HttpStatus.FORBIDDEN, 'reveal_not_allowed');
    const access = staffListAccess(actor.role, reveal);
    const paging = toSqlPaging(query, STAFF_SORT_COLUMNS, 'name');
    return this.db.run(async (em) => {
      const { items, total } = await this.repo.list(em, schoolId, filterOf(query), paging);
      const ids = items.map((r) => r.id);
      await this.guard.releaseList(em, {
        kind: 'STAFF',
        schoolId,
        ids,
        filter: query,
        groups: reveal ? ['identityNumber'] : [],
      });
      const shown = items.map((i) => applyFieldAccess(toSummary(i), STAFF_FIELD_GROUPS, access));
      return toPage(shown, total, paging);
    });
  }

  /**
   * The filtered list for an export: within the reader's daily export limit and read budget, audited with its reason
   * (exports of personal data are logged: docs/domain/personal-data.md), with the watermark the file must carry.
   */
  async exportRows(
    scope: Scope,
    schoolId: string,
    query: StaffExportQueryDto,
  ): Promise<{ rows: StaffRecord[]; watermark: ExportWatermark }> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const watermark = await this.guard.admitExport('STAFF', schoolId);
      const { items } = await this.repo.list(em, schoolId, filterOf(query), null);
      await this.guard.chargeExport(
        'STAFF',
        items.map((r) => r.id),
        schoolId,
      );
      await this.audit.record(em, {
        schoolId,
        entity: 'staff',
        entityId: schoolId,
        action: 'EXPORT',
        after: { reason: query.reason, filter: filterOf(query), rows: items.length },
      });
      return { rows: items, watermark };
    });
  }

  /**
   * A staff record with its employment history; each look is audited with the field groups shown (personal data:
   * docs/domain/personal-data.md) and charged to the reader's budget (docs/security/guard.md).
   */
  async detail(actor: Principal, scope: Scope, schoolId: string, staffId: string): Promise<StaffDetail> {
    assertInScope(scope, schoolId);
    const access = staffFieldAccess(actor.role);
    return this.db.run(async (em) => {
      const detail = await this.load(em, schoolId, staffId);
      await this.guard.releaseRecord(em, { kind: 'STAFF', schoolId, id: staffId, groups: shownGroups(access) });
      return applyFieldAccess(detail, STAFF_FIELD_GROUPS, access);
    });
  }

  async create(scope: Scope, schoolId: string, input: StaffInput): Promise<StaffDetail> {
    assertInScope(scope, schoolId);
    const fields = fieldsOf(input);
    return this.db.run(async (em) => {
      await this.validate(em, schoolId, fields, null);
      const at = new Date();
      const id = await this.repo.insert(em, schoolId, null, fields, at);
      await this.repo.addHistory(
        em,
        schoolId,
        id,
        {
          kind: 'HIRED',
          effectiveOn: fields.startDate,
          details: { position: fields.position, contractType: fields.contractType },
        },
        at,
      );
      const after = await this.load(em, schoolId, id);
      await this.audit.record(em, {
        schoolId,
        entity: 'staff',
        entityId: id,
        action: 'CREATE',
        after: withoutHistory(after),
      });
      await this.staffEvents.changed(em, schoolId, id);
      return after;
    });
  }

  /**
   * Saves a PATCH if nobody changed the record since `update.version`; position and status changes enter the history.
   * Retiring leaves the school: the staff.left-school event goes out in the same transaction.
   */
  async update(scope: Scope, schoolId: string, staffId: string, update: StaffUpdate): Promise<StaffDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.repo.find(em, schoolId, staffId, true);
      if (!before) throw new NotFoundException();
      if (before.version !== update.version)
        throw new ProblemException(HttpStatus.CONFLICT, 'version_conflict', undefined, { current: before });
      // The sending school keeps a transferred record as read-only history.
      if (before.status === 'TRANSFERRED') throw new ProblemException(HttpStatus.CONFLICT, 'staff_transferred');
      const fields = merged(before, update);
      await this.validate(em, schoolId, fields, staffId);
      const at = new Date();
      await this.repo.update(em, schoolId, staffId, fields, at);
      const today = todayInVietnam();
      for (const entry of historyOf(before, fields, today))
        await this.repo.addHistory(em, schoolId, staffId, entry, at);
      if (before.status !== 'RETIRED' && fields.status === 'RETIRED') {
        const left: StaffLeftSchool = { staffId, status: 'RETIRED', effectiveOn: today };
        await this.events.publish(em, { type: STAFF_LEFT_SCHOOL, schoolId, aggregateId: staffId, payload: left });
      }
      const after = await this.load(em, schoolId, staffId);
      await this.audit.record(em, {
        schoolId,
        entity: 'staff',
        entityId: staffId,
        action: 'UPDATE',
        before,
        after: withoutHistory(after),
      });
      await this.staffEvents.changed(em, schoolId, staffId);
      return after;
    });
  }

  async load(
    em: EntityManager,
    schoolId: string,
    staffId: string,
  ): Promise<StaffRecord & Pick<StaffDetail, 'history'>> {
    const record = await this.repo.find(em, schoolId, staffId);
    if (!record) throw new NotFoundException();
    return { ...record, history: await this.repo.history(em, schoolId, staffId) };
  }

  /** Field rules, the subject catalogue, and one personal id per school: all reported together as field errors. */
  async validate(em: EntityManager, schoolId: string, fields: StaffFields, selfId: string | null): Promise<void> {
    const errors: RawFieldError[] = staffFieldErrors(fields, todayInVietnam());
    if ((await this.repo.unknownSubjects(em, fields.subjects)).length)
      errors.push({ field: 'subjects', rule: 'unknownSubject', args: [] });
    const holder = await this.repo.personalIdHolder(em, schoolId, fields.personalId);
    if (holder && holder !== selfId) errors.push({ field: 'personalId', rule: 'duplicate', args: [] });
    if (errors.length) throw new ValidationProblem(errors);
  }
}

function filterOf(query: Pick<StaffListQueryDto, 'q' | 'status' | 'position'>): StaffFilter {
  return {
    q: query.q?.trim() ? likePatterns(query.q) : undefined,
    status: query.status,
    position: query.position,
  };
}

function toSummary(r: StaffRecord): StaffSummary {
  const { id, personalId, fullName, dateOfBirth, gender, position, contractType, subjects, status, phone, rankCode } =
    r;
  return { id, personalId, fullName, dateOfBirth, gender, position, contractType, subjects, status, phone, rankCode };
}

function withoutHistory(d: StaffRecord & Pick<StaffDetail, 'history'>): StaffRecord {
  const { history: _history, ...record } = d;
  return record;
}

export function fieldsOf(input: StaffInput, status: StaffFields['status'] = 'ACTIVE'): StaffFields {
  return {
    personalId: input.personalId,
    fullName: input.fullName,
    dateOfBirth: input.dateOfBirth,
    gender: input.gender,
    ethnicity: input.ethnicity,
    phone: input.phone ?? null,
    email: input.email ?? null,
    position: input.position,
    contractType: input.contractType,
    rankCode: input.rankCode ?? null,
    salaryCoefficient: input.salaryCoefficient ?? null,
    salaryStep: input.salaryStep ?? null,
    qualifications: input.qualifications ?? [],
    subjects: [...new Set(input.subjects ?? [])],
    startDate: input.startDate,
    partyMember: input.partyMember ?? null,
    unionMember: input.unionMember ?? null,
    status,
  };
}

/** A PATCH changes only what it names; null clears an optional field and leaves a required one as it was. */
function merged(before: StaffRecord, update: StaffUpdate): StaffFields {
  const pick = <K extends keyof StaffRecord & keyof StaffUpdate>(key: K, nullable: boolean) => {
    const sent = update[key];
    return (sent === undefined || (sent === null && !nullable) ? before[key] : sent) as StaffRecord[K];
  };
  const base = fieldsOf({
    personalId: pick('personalId', false),
    fullName: pick('fullName', false),
    dateOfBirth: pick('dateOfBirth', false),
    gender: pick('gender', false),
    ethnicity: pick('ethnicity', false),
    phone: pick('phone', true),
    email: pick('email', true),
    position: pick('position', false),
    contractType: pick('contractType', false),
    rankCode: pick('rankCode', true),
    salaryCoefficient: pick('salaryCoefficient', true),
    salaryStep: pick('salaryStep', true),
    qualifications: pick('qualifications', false),
    subjects: pick('subjects', false),
    startDate: pick('startDate', false),
    partyMember: pick('partyMember', true),
    unionMember: pick('unionMember', true),
  });
  return { ...base, status: pick('status', false) };
}

function historyOf(before: StaffRecord, after: StaffFields, today: string): StaffHistoryEntry[] {
  const entries: StaffHistoryEntry[] = [];
  if (before.position !== after.position)
    entries.push({ kind: 'POSITION', effectiveOn: today, details: { from: before.position, to: after.position } });
  if (before.status !== after.status)
    entries.push({ kind: 'STATUS', effectiveOn: today, details: { from: before.status, to: after.status } });
  return entries;
}

import { isRealDate } from '@emis/domain';
import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { StaffDetail, StaffTransferRequest } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  OutboxPublisher,
  ProblemException,
  scopeIncludes,
  RawFieldError,
  Scope,
  TenantDb,
  ValidationProblem,
} from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { STAFF_LEFT_SCHOOL, StaffLeftSchool } from './staff-events';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';
import { StaffEvents } from './staff-events';

/**
 * Moves a person between two schools on a personnel decision of the department (teacher recruitment and
 * deployment stayed with the provincial department after 1 July 2025, docs/domain/organisation.md). One transaction writes both
 * sides: the sending school's record ends (TRANSFERRED, kept read-only), the receiving school's starts with the same
 * id, the copied details and the whole history; each school's audit chain records its own side. The sending school's
 * staff.left-school event, written in the same transaction, lets academic release the person's duties there.
 */
@Injectable()
export class StaffTransferService {
  constructor(
    private readonly repo: StaffRepository,
    private readonly staff: StaffService,
    private readonly tree: OrgTreeService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly events: OutboxPublisher,
    private readonly staffEvents: StaffEvents,
  ) {}

  async transfer(
    scope: Scope,
    fromSchoolId: string,
    staffId: string,
    request: StaffTransferRequest,
  ): Promise<StaffDetail> {
    assertInScope(scope, fromSchoolId);
    await this.checkRequest(scope, fromSchoolId, request);
    return this.db.run(async (em) => {
      const record = await this.repo.find(em, fromSchoolId, staffId, true);
      if (!record) throw new NotFoundException();
      if (record.status === 'TRANSFERRED' || record.status === 'RETIRED')
        throw new ProblemException(HttpStatus.CONFLICT, 'staff_not_active');
      const holder = await this.repo.personalIdHolder(em, request.toSchoolId, record.personalId);
      if (holder && holder !== staffId)
        throw new ValidationProblem([{ field: 'personalId', rule: 'duplicate', args: [] }]);
      const existing = await this.repo.find(em, request.toSchoolId, staffId, true);
      if (existing && existing.status !== 'TRANSFERRED')
        throw new ProblemException(HttpStatus.CONFLICT, 'staff_not_active');
      const at = new Date();
      const decision = { decisionNumber: request.decisionNumber, fromSchoolId, toSchoolId: request.toSchoolId };
      const fields = { ...record, status: 'ACTIVE' as const };
      // A person coming back to a school they left finds their old (TRANSFERRED) record there, which starts again.
      if (existing) await this.repo.update(em, request.toSchoolId, staffId, fields, at);
      else await this.repo.insert(em, request.toSchoolId, staffId, fields, at);
      await this.repo.copyHistory(em, fromSchoolId, request.toSchoolId, staffId);
      await this.repo.addHistory(
        em,
        request.toSchoolId,
        staffId,
        { kind: 'TRANSFER_IN', effectiveOn: request.effectiveOn, details: decision },
        at,
      );
      await this.repo.update(em, fromSchoolId, staffId, { ...record, status: 'TRANSFERRED' }, at);
      await this.repo.addHistory(
        em,
        fromSchoolId,
        staffId,
        { kind: 'TRANSFER_OUT', effectiveOn: request.effectiveOn, details: decision },
        at,
      );
      const left: StaffLeftSchool = {
        staffId,
        status: 'TRANSFERRED',
        effectiveOn: request.effectiveOn,
        toSchoolId: request.toSchoolId,
      };
      await this.events.publish(em, {
        type: STAFF_LEFT_SCHOOL,
        schoolId: fromSchoolId,
        aggregateId: staffId,
        payload: left,
      });
      await this.audit.record(em, {
        schoolId: fromSchoolId,
        entity: 'staff',
        entityId: staffId,
        action: 'UPDATE',
        before: record,
        after: { status: 'TRANSFERRED', transfer: decision },
      });
      await this.staffEvents.changed(em, fromSchoolId, staffId);
      await this.staffEvents.changed(em, request.toSchoolId, staffId);
      const received = await this.staff.load(em, request.toSchoolId, staffId);
      const { history: _history, ...after } = received;
      await this.audit.record(em, {
        schoolId: request.toSchoolId,
        entity: 'staff',
        entityId: staffId,
        action: 'CREATE',
        before: existing ?? null,
        after: { ...after, transfer: decision },
      });
      return received;
    });
  }

  /** The receiving school must be another school inside the caller's scope (one outside it reads as unknown). */
  private async checkRequest(scope: Scope, fromSchoolId: string, request: StaffTransferRequest): Promise<void> {
    const errors: RawFieldError[] = [];
    if (!isRealDate(request.effectiveOn)) errors.push({ field: 'effectiveOn', rule: 'isRealDate', args: [] });
    if (request.toSchoolId === fromSchoolId) errors.push({ field: 'toSchoolId', rule: 'sameSchool', args: [] });
    else {
      const target = scopeIncludes(scope, request.toSchoolId) ? await this.tree.get(request.toSchoolId) : undefined;
      if (target?.kind !== 'SCHOOL') errors.push({ field: 'toSchoolId', rule: 'unknownSchool', args: [] });
    }
    if (errors.length) throw new ValidationProblem(errors);
  }
}

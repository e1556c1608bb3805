import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { FeeException, FeeExceptionInput } from '@emis/contracts';
import { ExceptionStatus } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { PupilRoster } from '@emis/api/people';
import { assertInScope, Principal, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { FinanceConfigService } from '../config/finance-config.service';
import { FeeExceptionsRepository, StoredException } from './fee-exceptions.repository';

const ENTITY = 'finance_exception';

/**
 * Manual exemptions and reductions outside the rules (docs/domain/finance.md, "Who sets what"): asked by the school's
 * finance staff with a reason, approved or rejected by the principal; only an approved one is applied, by the next
 * generation of charges, as the higher of the rule and the exception (chargeFor). Pupils are named through the people
 * context's roster.
 */
@Injectable()
export class FeeExceptionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: FeeExceptionsRepository,
    private readonly years: FinanceConfigService,
    private readonly roster: PupilRoster,
    private readonly audit: AuditService,
  ) {}

  list(scope: Scope, schoolId: string, yearId: string, status: ExceptionStatus | null): Promise<FeeException[]> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.years.knownYear(em, yearId);
      return this.named(em, schoolId, await this.repo.list(em, schoolId, yearId, status));
    });
  }

  async ask(scope: Scope, actor: Principal, schoolId: string, input: FeeExceptionInput): Promise<FeeException> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.years.writableYear(em, input.schoolYearId, 'schoolYearId');
      const pupils = await this.roster.byIds(em, schoolId, [input.studentId]);
      if (!pupils.has(input.studentId))
        throw new ValidationProblem([{ field: 'studentId', rule: 'studentNotInSchool', args: [] }]);
      if (await this.repo.liveExists(em, schoolId, input))
        throw new ProblemException(HttpStatus.CONFLICT, 'finance_exception_exists');
      const id = await this.repo.insert(em, schoolId, { ...input, reason: input.reason.trim() }, actor.userId);
      const after = (await this.repo.find(em, schoolId, id))!;
      await this.audit.record(em, { schoolId, entity: ENTITY, entityId: id, action: 'CREATE', after });
      return (await this.named(em, schoolId, [after]))[0];
    });
  }

  /** The principal's decision on a pending exception; a decided one stays as it was decided. */
  async decide(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    id: string,
    decision: { status: 'APPROVED' | 'REJECTED'; note: string | null },
  ): Promise<FeeException> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const status = await this.repo.lockStatus(em, schoolId, id);
      if (!status) throw new NotFoundException();
      if (status !== 'PENDING') throw new ProblemException(HttpStatus.CONFLICT, 'finance_exception_not_pending');
      const before = (await this.repo.find(em, schoolId, id))!;
      await this.years.writableYear(em, before.schoolYearId);
      await this.repo.decide(em, schoolId, id, {
        ...decision,
        note: decision.note?.trim() || null,
        userId: actor.userId,
      });
      const after = (await this.repo.find(em, schoolId, id))!;
      const action = decision.status === 'APPROVED' ? 'APPROVE' : 'REJECT';
      await this.audit.record(em, { schoolId, entity: ENTITY, entityId: id, action, before, after });
      return (await this.named(em, schoolId, [after]))[0];
    });
  }

  /** Each exception with its pupil's code and name (one roster call for the whole list). */
  private async named(em: EntityManager, schoolId: string, rows: StoredException[]): Promise<FeeException[]> {
    const pupils = await this.roster.byIds(
      em,
      schoolId,
      rows.map((r) => r.studentId),
    );
    return rows.map((r) => ({
      ...r,
      studentCode: pupils.get(r.studentId)?.code ?? '',
      studentName: pupils.get(r.studentId)?.fullName ?? '',
    }));
  }
}

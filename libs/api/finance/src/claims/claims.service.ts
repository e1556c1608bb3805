import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { Claim } from '@emis/contracts';
import { claimFigures, ClaimFigures, GradedClaimCharge, isGradeLevel, levelOfGrade } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { PupilRoster } from '@emis/api/people';
import { assertInScope, ProblemException, Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService, SchoolsService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { FinanceEvents } from '../finance-events';
import { ClaimPeriod, ClaimsRepository } from './claims.repository';

/** A claim with what its print needs: the period and the school. */
export interface ClaimToPrint {
  claim: Omit<Claim, 'id'> & { id: string | null };
  period: ClaimPeriod;
  schoolName: string;
  /** Printed above the school (docs/domain/records.md, "Official papers"). */
  governingBody: string | null;
}

/**
 * The reimbursement claim of a fee period (cấp bù học phí): computed from the period's charges — the pupils the state
 * pays for, their months and the amount, by grade — recomputed as long as it is a DRAFT, frozen once the head of the
 * school submits it.
 */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly roster: PupilRoster,
    private readonly tree: OrgTreeService,
    private readonly events: FinanceEvents,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly schools: SchoolsService,
  ) {}

  async list(scope: Scope, schoolId: string, schoolYearId: string | undefined): Promise<Claim[]> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.claims.list(em, schoolId, schoolYearId));
  }

  /** Makes the period's claim, or computes a draft's figures again from the charges as they are now. */
  async prepare(scope: Scope, schoolId: string, periodId: string): Promise<Claim> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const period = await this.claims.period(em, schoolId, periodId);
      if (!period) throw new NotFoundException();
      const before = await this.claims.findByPeriod(em, schoolId, periodId);
      if (before?.status && before.status !== 'DRAFT') throw claimSubmitted();
      return this.saveDraft(em, schoolId, period, before);
    });
  }

  /** Computes the draft once more and freezes it: its figures are what the school sends. */
  async submit(scope: Scope, schoolId: string, id: string): Promise<Claim> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.claims.find(em, schoolId, id, true);
      if (!before) throw new NotFoundException();
      if (before.status !== 'DRAFT') throw claimSubmitted();
      const period = await this.claims.period(em, schoolId, before.periodId);
      if (!period) throw new Error(`the period of claim ${id} is gone`);
      const draft = await this.saveDraft(em, schoolId, period, before);
      await this.claims.markSubmitted(em, schoolId, id);
      const after = await this.load(em, schoolId, id);
      await this.audit.record(em, {
        schoolId,
        entity: 'finance_claim',
        entityId: id,
        action: 'UPDATE',
        before: draft,
        after,
      });
      await this.events.publishFinanceChanged(em, schoolId);
      return after;
    });
  }

  /** A claim to print: a draft with its figures as the charges give them now (nothing written), a submitted one as sent. */
  async toPrint(scope: Scope, schoolId: string, id: string): Promise<ClaimToPrint> {
    assertInScope(scope, schoolId);
    const schoolName = (await this.tree.get(schoolId))?.name ?? '';
    return this.db.run(async (em) => {
      const { governingBody } = await this.schools.letterhead(em, schoolId);
      const claim = await this.load(em, schoolId, id);
      const period = await this.claims.period(em, schoolId, claim.periodId);
      if (!period) throw new Error(`the period of claim ${id} is gone`);
      if (claim.status !== 'DRAFT') return { claim, period, schoolName, governingBody };
      return { claim: { ...claim, ...(await this.figures(em, schoolId, period)) }, period, schoolName, governingBody };
    });
  }

  private async saveDraft(
    em: EntityManager,
    schoolId: string,
    period: ClaimPeriod,
    before: Claim | undefined,
  ): Promise<Claim> {
    const id = await this.claims.saveDraft(em, schoolId, period, await this.figures(em, schoolId, period));
    const after = await this.load(em, schoolId, id);
    await this.audit.record(em, {
      schoolId,
      entity: 'finance_claim',
      entityId: id,
      action: before ? 'UPDATE' : 'CREATE',
      before: before ?? null,
      after,
    });
    await this.events.publishFinanceChanged(em, schoolId);
    return after;
  }

  /**
   * The figures from the period's charges. A charge's grade is the grade of the class it was charged in, as the
   * people context's roster of the period places the pupil (charges are generated from that roster); the monthly
   * level is the province's for the grade's level and the school's area — tuition at a public school, the support
   * at a private one.
   */
  private async figures(em: EntityManager, schoolId: string, period: ClaimPeriod): Promise<ClaimFigures> {
    const charges = await this.claims.claimedCharges(em, schoolId, period.id);
    const roster = await this.roster.enrolled(em, schoolId, period.startsOn, period.endsOn);
    const gradeOfClass = new Map(roster.map((p) => [p.classId, p.grade]));
    const missing = charges.filter((c) => !gradeOfClass.has(c.classId)).map((c) => c.studentId);
    const named = missing.length ? await this.roster.byIds(em, schoolId, missing) : new Map();
    const graded: GradedClaimCharge[] = charges.map((c) => ({
      ...c,
      grade: gradeOfClass.get(c.classId) ?? named.get(c.studentId)?.grade ?? '?',
    }));
    const levels = await this.claims.provinceLevels(em, schoolId, period.schoolYearId);
    // Private and people-founded schools are paid the support they deducted, public ones the tuition level.
    const ownership = (await this.tree.get(schoolId))?.ownership;
    const privateSchool = !!ownership && ownership !== 'PUBLIC';
    return claimFigures(graded, period.months, (grade) => {
      const level = isGradeLevel(grade) ? levels.get(levelOfGrade(grade)) : undefined;
      return (privateSchool ? level?.privateSupportMonthly : level?.monthlyAmount) ?? 0;
    });
  }

  private async load(em: EntityManager, schoolId: string, id: string): Promise<Claim> {
    const claim = await this.claims.find(em, schoolId, id);
    if (!claim) throw new NotFoundException();
    return claim;
  }
}

function claimSubmitted(): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, 'finance_claim_submitted');
}

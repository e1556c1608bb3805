import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffAccountCandidate, StaffRepository } from './staff.repository';

export type { StaffAccountCandidate } from './staff.repository';

/**
 * What other contexts may ask about staff, inside their own transaction (so RLS and the caller's scope apply):
 * which ids are active staff of a school, which staff record a signed-in user is, and whom to give an account.
 */
@Injectable()
export class StaffDirectory {
  constructor(private readonly staff: StaffRepository) {}

  /** The ids among `staffIds` that are ACTIVE staff of the school (one query for the whole batch). */
  async activeStaffIds(em: EntityManager, schoolId: string, staffIds: string[]): Promise<Set<string>> {
    if (!staffIds.length) return new Set();
    return new Set(await this.staff.activeIds(em, schoolId, staffIds));
  }

  /** The staff record of a user account (app_user.staff_id), or null for users who are not staff. */
  async staffIdOfUser(em: EntityManager, userId: string): Promise<string | null> {
    return this.staff.staffIdOfUser(em, userId);
  }

  /**
   * The school's staff records as accounts administration needs them (name, position, rank, status): all of them, or
   * those among `staffIds` that belong to the school. Identity decides who gets an account; staff says who works where.
   */
  forAccounts(em: EntityManager, schoolId: string, staffIds?: string[]): Promise<StaffAccountCandidate[]> {
    return this.staff.accountCandidates(em, schoolId, staffIds);
  }
}

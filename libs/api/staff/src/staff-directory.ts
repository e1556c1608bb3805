import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * What other contexts may ask about staff, inside their own transaction (so RLS and the caller's scope apply):
 * which ids are active staff of a school, and which staff record a signed-in user is.
 */
@Injectable()
export class StaffDirectory {
  /** The ids among `staffIds` that are ACTIVE staff of the school (one query for the whole batch). */
  async activeStaffIds(em: EntityManager, schoolId: string, staffIds: string[]): Promise<Set<string>> {
    if (!staffIds.length) return new Set();
    const rows: { id: string }[] = await em.query(
      `select id from staff where school_id = $1 and id = any($2::uuid[]) and status = 'ACTIVE'`,
      [schoolId, staffIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The staff record of a user account (app_user.staff_id), or null for users who are not staff. */
  async staffIdOfUser(em: EntityManager, userId: string): Promise<string | null> {
    const [row] = await em.query(`select staff_id from identity_user_staff where user_id = $1`, [userId]);
    return (row?.staff_id as string | null) ?? null;
  }
}

import { Injectable } from '@nestjs/common';
import { sqlExec } from '@emis/api/platform';
import { DataSource } from 'typeorm';

/** password_reset_request rows as sign-in files them (identity data without RLS, written before any scope exists). */
@Injectable()
export class PasswordResetRequestsRepository {
  constructor(private readonly db: DataSource) {}

  /** Files a request in the user's unit, unless one of the user's is already pending. */
  async fileUnlessPending(userId: string, orgUnitId: string, address: string): Promise<void> {
    await sqlExec(
      this.db,
      `insert into password_reset_request (user_id, org_unit_id, address)
       select $1, $2, $3
        where not exists (select 1 from password_reset_request where user_id = $1 and status = 'PENDING')`,
      [userId, orgUnitId, address],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { sqlExec, sqlRow } from '@emis/api/platform';
import { DataSource } from 'typeorm';

/** Failures counted for one key (a user or an unknown name) from one address. */
export interface FailureCount {
  failures: number;
  lastFailureAt: Date;
}

/** The failures of one address across user names, in its current window. */
export interface AddressWindow {
  failures: number;
  windowStartedAt: Date;
}

/**
 * Failed sign-ins: per user and address (sign_in_failure), per unknown name and address (sign_in_unknown_failure),
 * per address across names (sign_in_address_failure). Identity tables without RLS, read before any scope exists.
 * A count whose last failure lies outside `windowHours` starts again from one. The upserts compare the stored time with
 * the inserted row's (`excluded.*`, the statement's now()) and call no time function in `DO UPDATE SET`: Citus refuses
 * a non-immutable function there on its tables, these reference tables included (docs/scaling.md, "Writing queries
 * that distribute").
 */
@Injectable()
export class SignInGuardRepository {
  constructor(private readonly db: DataSource) {}

  async userFailures(userId: string, address: string): Promise<FailureCount | undefined> {
    return this.count(
      `select failures, last_failure_at from sign_in_failure where user_id = $1 and address = $2`,
      userId,
      address,
    );
  }

  async unknownNameFailures(nameHash: string, address: string): Promise<FailureCount | undefined> {
    return this.count(
      `select failures, last_failure_at from sign_in_unknown_failure where name_hash = $1 and address = $2`,
      nameHash,
      address,
    );
  }

  /** Counts a failure of `userId` from `address`; answers the user's failures from every address within the window. */
  async recordUserFailure(userId: string, address: string, windowHours: number): Promise<number> {
    await sqlExec(
      this.db,
      `insert into sign_in_failure (user_id, address, failures, last_failure_at) values ($1, $2, 1, now())
       on conflict (user_id, address) do update
         set failures = case when excluded.last_failure_at - sign_in_failure.last_failure_at > make_interval(hours => $3)
                             then 1 else sign_in_failure.failures + 1 end,
             last_failure_at = excluded.last_failure_at`,
      [userId, address, windowHours],
    );
    const row = await sqlRow<{ total: number }>(
      this.db,
      `select coalesce(sum(failures), 0)::int as total from sign_in_failure
        where user_id = $1 and last_failure_at >= now() - make_interval(hours => $2)`,
      [userId, windowHours],
    );
    return row?.total ?? 0;
  }

  async recordUnknownNameFailure(nameHash: string, address: string, windowHours: number): Promise<void> {
    await sqlExec(
      this.db,
      `insert into sign_in_unknown_failure (name_hash, address, failures, last_failure_at) values ($1, $2, 1, now())
       on conflict (name_hash, address) do update
         set failures = case when excluded.last_failure_at - sign_in_unknown_failure.last_failure_at > make_interval(hours => $3)
                             then 1 else sign_in_unknown_failure.failures + 1 end,
             last_failure_at = excluded.last_failure_at`,
      [nameHash, address, windowHours],
    );
  }

  async addressWindow(address: string): Promise<AddressWindow | undefined> {
    const row = await sqlRow<{ failures: number; window_started_at: Date }>(
      this.db,
      `select failures, window_started_at from sign_in_address_failure where address = $1`,
      [address],
    );
    return row && { failures: row.failures, windowStartedAt: row.window_started_at };
  }

  /** Counts a failure from `address`, opening a new window when the current one is over. */
  async recordAddressFailure(address: string, windowMinutes: number): Promise<void> {
    await sqlExec(
      this.db,
      `insert into sign_in_address_failure (address, failures, window_started_at) values ($1, 1, now())
       on conflict (address) do update
         set failures = case when excluded.window_started_at - sign_in_address_failure.window_started_at > make_interval(mins => $2)
                             then 1 else sign_in_address_failure.failures + 1 end,
             window_started_at = case when excluded.window_started_at - sign_in_address_failure.window_started_at > make_interval(mins => $2)
                                      then excluded.window_started_at else sign_in_address_failure.window_started_at end`,
      [address, windowMinutes],
    );
  }

  /** Sets the soft lock; true when this call set it (not already locked). */
  async softLock(userId: string): Promise<boolean> {
    return (
      (await sqlExec(
        this.db,
        `update app_user set soft_locked_at = now(), updated_at = now() where id = $1 and soft_locked_at is null`,
        [userId],
      )) > 0
    );
  }

  /** A completed sign-in: the user proved who they are, so their failures and soft lock go. True when a lock was lifted. */
  async clearUser(userId: string): Promise<boolean> {
    await sqlExec(this.db, `delete from sign_in_failure where user_id = $1`, [userId]);
    return (
      (await sqlExec(
        this.db,
        `update app_user set soft_locked_at = null, updated_at = now() where id = $1 and soft_locked_at is not null`,
        [userId],
      )) > 0
    );
  }

  private async count(text: string, key: string, address: string): Promise<FailureCount | undefined> {
    const row = await sqlRow<{ failures: number; last_failure_at: Date }>(this.db, text, [key, address]);
    return row && { failures: row.failures, lastFailureAt: row.last_failure_at };
  }
}

import { Injectable } from '@nestjs/common';
import type { AccountDetail, AccountListQuery, AccountStatus, AccountSummary } from '@emis/contracts';
import {
  allWordsSql,
  cappedCountSql,
  likePatterns,
  ListTotal,
  listTotal,
  Scope,
  SqlPaging,
  sqlExec,
  sqlRow,
  sqlRows,
} from '@emis/api/platform';
import { Role } from '@emis/domain';
import { EntityManager } from 'typeorm';

/** An account as administration reads it: the summary, plus what the detail page and the audit trail need. */
export type AccountRecord = Omit<AccountDetail, 'grantableRoles'>;

/** A new account's row; its password is one-time (must_change_password). */
export interface NewAccount {
  username: string;
  passwordHash: string;
  fullName: string;
  role: Role;
  orgUnitId: string;
  staffId: string | null;
  email: string | null;
  createdBy: string;
}

export interface AccountFilter extends AccountListQuery {
  q?: string;
}

/** An app_user row joined with its org unit (through tenancy's view) and its role's MFA policy. */
interface AccountRow {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  org_unit_id: string;
  org_unit_name: string;
  org_unit_kind: AccountSummary['orgUnitKind'];
  staff_id: string | null;
  email: string | null;
  active: boolean;
  soft_locked_at: Date | null;
  mfa_enabled: boolean;
  mfa_required: boolean;
  must_change_password: boolean;
  last_sign_in_at: Date | null;
  created_at: Date;
  disabled_at: Date | null;
  disabled_reason: string | null;
  active_sessions: number;
}

const FROM = `app_user u
  join tenancy_org_unit o on o.id = u.org_unit_id
  left join mfa_policy p on p.role = u.role`;

const COLUMNS = `u.id, u.username, u.full_name, u.role, u.org_unit_id, o.name as org_unit_name, o.kind as org_unit_kind,
  u.staff_id, u.email, u.active, u.soft_locked_at, u.mfa_enabled, coalesce(p.required, false) as mfa_required,
  u.must_change_password, u.last_sign_in_at, u.created_at, u.disabled_at, u.disabled_reason`;

/** Open sessions: not ended and not past their absolute lifetime. */
const ACTIVE_SESSIONS = `(select count(*)::int from user_session s
  where s.user_id = u.id and s.ended_at is null and s.expires_at > now()) as active_sessions`;

export const ACCOUNT_SORT_COLUMNS: Record<string, string> = {
  username: 'u.username',
  fullName: 'u.full_name collate "vi-x-icu"',
  role: 'u.role',
  orgUnitName: 'o.name collate "vi-x-icu"',
  lastSignInAt: 'u.last_sign_in_at',
  createdAt: 'u.created_at',
};

const STATUS_CONDITION: Record<AccountStatus, string> = {
  DISABLED: 'not u.active',
  SOFT_LOCKED: 'u.active and u.soft_locked_at is not null',
  ACTIVE: 'u.active and u.soft_locked_at is null',
};

/**
 * Accounts administration's SQL. app_user and the identity tables carry no RLS (they are read at sign-in, before a
 * scope exists), so every statement here names the caller's scope itself: `scopeCondition` is the only way a list
 * is narrowed, and single-account statements name the account the service has already checked against the scope.
 */
@Injectable()
export class AccountsRepository {
  async list(
    em: EntityManager,
    scope: Scope,
    filter: AccountFilter,
    paging: SqlPaging,
  ): Promise<{ items: AccountSummary[]; total: ListTotal }> {
    const params: unknown[] = [];
    const where = [scopeCondition(scope, params)];
    if (filter.role) where.push(`u.role = $${params.push(filter.role)}`);
    if (filter.status) where.push(STATUS_CONDITION[filter.status]);
    if (filter.withoutMfa) where.push(`u.active and coalesce(p.required, false) and not u.mfa_enabled`);
    if (filter.q) {
      // Every word of the box, in any order, in the name or the user name (docs/conventions.md, "Search").
      const n = params.push(likePatterns(filter.q));
      where.push(allWordsSql(`$${n}::text[]`, 'u.full_name', 'u.username'));
    }
    const clause = where.join(' and ');
    // The department's list spans the province's accounts: counted up to COUNT_CAP (docs/conventions.md, "Counts").
    const counted = await sqlRow<{ n: number }>(em, cappedCountSql(`from ${FROM} where ${clause}`), [...params]);
    const rows = await sqlRows<AccountRow>(
      em,
      `select ${COLUMNS}, 0 as active_sessions from ${FROM} where ${clause}
        order by ${paging.orderBy}, u.id limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, paging.limit, paging.offset],
    );
    return { total: listTotal(counted?.n), items: rows.map(toSummary) };
  }

  async find(em: EntityManager, id: string, forUpdate = false): Promise<AccountRecord | undefined> {
    const row = await sqlRow<AccountRow>(
      em,
      `select ${COLUMNS}, ${ACTIVE_SESSIONS} from ${FROM} where u.id = $1 ${forUpdate ? 'for update of u' : ''}`,
      [id],
    );
    return row ? toRecord(row) : undefined;
  }

  /**
   * Serialises account creation across the province: user names are unique province-wide and a staff record gets
   * one account per school, and both are decided by reading what exists first. Creations are rare and short (the
   * password hashes are computed before the transaction), so one lock costs nothing.
   */
  async lockCreation(em: EntityManager): Promise<void> {
    await sqlExec(em, `select pg_advisory_xact_lock(hashtext('emis.accounts.create'))`);
  }

  /** The user names in use that start with one of `stems`, lower-cased (user names are unique regardless of case). */
  async takenUsernames(em: EntityManager, stems: string[]): Promise<Set<string>> {
    if (!stems.length) return new Set();
    const rows = await sqlRows<{ name: string }>(
      em,
      `select lower(username) as name from app_user where lower(username) like any($1::text[])`,
      [stems.map((s) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)],
    );
    return new Set(rows.map((r) => r.name));
  }

  /** The staff records among `staffIds` that already have an account at the school (enabled or not). */
  async staffWithAccount(em: EntityManager, schoolId: string, staffIds: string[]): Promise<Set<string>> {
    if (!staffIds.length) return new Set();
    const rows = await sqlRows<{ staff_id: string }>(
      em,
      `select distinct staff_id from app_user where org_unit_id = $1 and staff_id = any($2::uuid[])`,
      [schoolId, staffIds],
    );
    return new Set(rows.map((r) => r.staff_id));
  }

  /** Inserts the accounts in one statement; answers their ids in the order given. */
  async insertMany(em: EntityManager, accounts: NewAccount[]): Promise<string[]> {
    if (!accounts.length) return [];
    const rows = await sqlRows<{ id: string; username: string }>(
      em,
      `insert into app_user (username, password_hash, full_name, role, org_unit_id, staff_id, email, created_by,
                             must_change_password)
       select a.username, a.password_hash, a.full_name, a.role, a.org_unit_id, a.staff_id, a.email, a.created_by, true
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::uuid[])
           as a(username, password_hash, full_name, role, org_unit_id, staff_id, email, created_by)
       returning id, username`,
      [
        accounts.map((a) => a.username),
        accounts.map((a) => a.passwordHash),
        accounts.map((a) => a.fullName),
        accounts.map((a) => a.role),
        accounts.map((a) => a.orgUnitId),
        accounts.map((a) => a.staffId),
        accounts.map((a) => a.email),
        accounts.map((a) => a.createdBy),
      ],
    );
    const idOf = new Map(rows.map((r) => [r.username, r.id]));
    return accounts.map((a) => idOf.get(a.username) ?? '');
  }

  /**
   * Through the owner's function: the application role may not write app_user.role itself, and the function checks
   * again, against the caller the scope seal names, what the service checked (docs/security/roles.md).
   */
  async setRole(em: EntityManager, id: string, role: Role): Promise<void> {
    await sqlExec(em, `select emis_change_account_role($1, $2)`, [id, role]);
  }

  async disable(em: EntityManager, id: string, reason: string): Promise<void> {
    await sqlExec(
      em,
      `update app_user set active = false, disabled_at = now(), disabled_reason = $2, updated_at = now() where id = $1`,
      [id, reason],
    );
  }

  async enable(em: EntityManager, id: string): Promise<void> {
    await sqlExec(
      em,
      `update app_user set active = true, disabled_at = null, disabled_reason = null, updated_at = now() where id = $1`,
      [id],
    );
  }

  /** A one-time password: the next sign-in must set a new one. Lifts any lock, as an administrator's reset should. */
  async setOneTimePassword(em: EntityManager, id: string, passwordHash: string): Promise<void> {
    await sqlExec(
      em,
      `update app_user set password_hash = $2, must_change_password = true, failed_logins = 0, locked_until = null,
              updated_at = now()
        where id = $1`,
      [id, passwordHash],
    );
  }

  /** Forgets the second factor: the secret, the last step used, and every unused recovery code. */
  async clearMfa(em: EntityManager, id: string): Promise<void> {
    await sqlExec(
      em,
      `update app_user set mfa_secret = null, mfa_pending_secret = null, mfa_enabled = false, totp_last_step = null,
              updated_at = now()
        where id = $1`,
      [id],
    );
    await sqlExec(em, `update mfa_recovery_code set used_at = now() where user_id = $1 and used_at is null`, [id]);
  }

  /** Lifts the soft lock (and the older timed lock) and forgets the failures that led to it. */
  async unlock(em: EntityManager, id: string): Promise<void> {
    await sqlExec(
      em,
      `update app_user set soft_locked_at = null, locked_until = null, failed_logins = 0, updated_at = now()
        where id = $1`,
      [id],
    );
    await sqlExec(em, `delete from sign_in_failure where user_id = $1`, [id]);
  }

  /** The enabled accounts of a staff record at a school (the staff.left-school reaction disables them). */
  async enabledAccountsOfStaff(em: EntityManager, schoolId: string, staffId: string): Promise<AccountRecord[]> {
    const rows = await sqlRows<AccountRow>(
      em,
      `select ${COLUMNS}, 0 as active_sessions from ${FROM}
        where u.org_unit_id = $1 and u.staff_id = $2 and u.active for update of u`,
      [schoolId, staffId],
    );
    return rows.map(toRecord);
  }
}

/**
 * The caller's scope as a condition on the account's org unit: the department sees every account, others those
 * attached to a unit of their subtree.
 */
export function scopeCondition(scope: Scope, params: unknown[], column = 'u.org_unit_id'): string {
  if (scope.all) return 'true';
  return `${column} = any($${params.push(scope.orgUnitIds)}::uuid[])`;
}

function statusOf(r: AccountRow): AccountStatus {
  if (!r.active) return 'DISABLED';
  return r.soft_locked_at ? 'SOFT_LOCKED' : 'ACTIVE';
}

function toSummary(r: AccountRow): AccountSummary {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    role: r.role,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    orgUnitKind: r.org_unit_kind,
    staffId: r.staff_id,
    email: r.email,
    status: statusOf(r),
    mfaEnabled: r.mfa_enabled,
    mfaRequired: r.mfa_required,
    mustChangePassword: r.must_change_password,
    lastSignInAt: r.last_sign_in_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

function toRecord(r: AccountRow): AccountRecord {
  return {
    ...toSummary(r),
    disabledAt: r.disabled_at?.toISOString() ?? null,
    disabledReason: r.disabled_reason,
    softLockedAt: r.soft_locked_at?.toISOString() ?? null,
    activeSessions: r.active_sessions,
  };
}

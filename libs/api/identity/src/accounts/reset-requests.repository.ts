import { Injectable } from '@nestjs/common';
import type { AccountsAttention, PasswordResetRequestItem } from '@emis/contracts';
import { Scope, SqlPaging, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { OrgUnitKind } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { scopeCondition } from './accounts.repository';

type RequestStatus = PasswordResetRequestItem['status'];

interface RequestRow {
  id: string;
  user_id: string;
  username: string;
  full_name: string;
  org_unit_name: string;
  requested_at: Date;
  status: RequestStatus;
}

const REQUEST_FROM = `password_reset_request r
  join app_user u on u.id = r.user_id
  join tenancy_org_unit o on o.id = r.org_unit_id`;
const REQUEST_COLUMNS = `r.id, r.user_id, u.username, u.full_name, o.name as org_unit_name, r.requested_at, r.status`;

/**
 * "Forgot password" requests as administrators see them, and the counts of the department's home. Like every identity
 * table these carry no RLS: each statement names the caller's scope (scopeCondition) or a request the service checked.
 */
@Injectable()
export class ResetRequestsRepository {
  /** Requests for accounts of units in scope whose kind the caller administers, newest first. */
  async list(
    em: EntityManager,
    scope: Scope,
    kinds: OrgUnitKind[],
    status: RequestStatus,
    paging: SqlPaging,
  ): Promise<{ items: PasswordResetRequestItem[]; total: number }> {
    const params: unknown[] = [status, kinds];
    const clause = `r.status = $1 and o.kind = any($2::text[]) and ${scopeCondition(scope, params, 'r.org_unit_id')}`;
    const counted = await sqlRow<{ total: number }>(
      em,
      `select count(*)::int as total from ${REQUEST_FROM} where ${clause}`,
      params,
    );
    const rows = await sqlRows<RequestRow>(
      em,
      `select ${REQUEST_COLUMNS} from ${REQUEST_FROM} where ${clause}
        order by r.requested_at desc, r.id limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, paging.limit, paging.offset],
    );
    return { total: counted?.total ?? 0, items: rows.map(toItem) };
  }

  async find(em: EntityManager, id: string): Promise<PasswordResetRequestItem | undefined> {
    const row = await sqlRow<RequestRow>(em, `select ${REQUEST_COLUMNS} from ${REQUEST_FROM} where r.id = $1`, [id]);
    return row ? toItem(row) : undefined;
  }

  async dismiss(em: EntityManager, id: string, handledBy: string): Promise<void> {
    await sqlExec(
      em,
      `update password_reset_request set status = 'DISMISSED', handled_at = now(), handled_by = $2
        where id = $1 and status = 'PENDING'`,
      [id, handledBy],
    );
  }

  /** An administrator's reset of the password answers every pending request of that account. */
  async markDone(em: EntityManager, userId: string, handledBy: string): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      em,
      `update password_reset_request set status = 'DONE', handled_at = now(), handled_by = $2
        where user_id = $1 and status = 'PENDING' returning id`,
      [userId, handledBy],
    );
    return rows.map((r) => r.id);
  }

  /** What needs attention in the scope: accounts without their second factor, locked, disabled; schools unattended. */
  async attention(em: EntityManager, scope: Scope, kinds: OrgUnitKind[]): Promise<AccountsAttention> {
    const params: unknown[] = [];
    const inScope = scopeCondition(scope, params);
    const counts = await sqlRow<{ without_mfa: number; soft_locked: number; disabled: number }>(
      em,
      `select count(*) filter (where u.active and coalesce(p.required, false) and not u.mfa_enabled)::int as without_mfa,
              count(*) filter (where u.active and u.soft_locked_at is not null)::int as soft_locked,
              count(*) filter (where not u.active)::int as disabled
         from app_user u left join mfa_policy p on p.role = u.role
        where ${inScope}`,
      params,
    );
    const schoolParams: unknown[] = [];
    const schools = await sqlRows<{ id: string; code: string; name: string }>(
      em,
      `select o.id, o.code, o.name from tenancy_org_unit o
        where o.kind = 'SCHOOL' and o.active and ${scopeCondition(scope, schoolParams, 'o.id')}
          and not exists (select 1 from app_user u where u.org_unit_id = o.id and u.role = 'SCHOOL_ADMIN' and u.active)
        order by o.name collate "vi-x-icu", o.id`,
      schoolParams,
    );
    const requestParams: unknown[] = [kinds];
    const pending = await sqlRow<{ n: number }>(
      em,
      `select count(*)::int as n from password_reset_request r join tenancy_org_unit o on o.id = r.org_unit_id
        where r.status = 'PENDING' and o.kind = any($1::text[]) and ${scopeCondition(scope, requestParams, 'r.org_unit_id')}`,
      requestParams,
    );
    return {
      withoutMfa: counts?.without_mfa ?? 0,
      softLocked: counts?.soft_locked ?? 0,
      disabled: counts?.disabled ?? 0,
      schoolsWithoutAdmin: schools,
      pendingResetRequests: pending?.n ?? 0,
    };
  }
}

function toItem(r: RequestRow): PasswordResetRequestItem {
  return {
    id: r.id,
    accountId: r.user_id,
    username: r.username,
    fullName: r.full_name,
    orgUnitName: r.org_unit_name,
    requestedAt: r.requested_at.toISOString(),
    status: r.status,
  };
}

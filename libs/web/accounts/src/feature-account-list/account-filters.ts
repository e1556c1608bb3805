import { AccountStatus, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@emis/contracts';
import { isRole } from '@emis/domain';
import { AccountListRequest } from '../data-access/accounts.api';

export const ACCOUNT_STATUSES: readonly AccountStatus[] = ['ACTIVE', 'SOFT_LOCKED', 'DISABLED'];

/** The list's filters as the URL holds them (query parameters are strings, and may be anything a user typed). */
export interface AccountListParams {
  q?: string;
  unitId?: string;
  role?: string;
  status?: string;
  withoutMfa?: string;
  page?: string;
  pageSize?: string;
}

/** The request the URL asks for; unknown roles and statuses are dropped rather than sent for the API to refuse. */
export function accountListRequest(params: AccountListParams): AccountListRequest {
  const status = ACCOUNT_STATUSES.find((s) => s === params.status);
  return {
    q: params.q?.trim() || undefined,
    unitId: params.unitId || undefined,
    role: isRole(params.role) ? params.role : undefined,
    status,
    withoutMfa: params.withoutMfa === 'true' || undefined,
    page: positiveInt(params.page, 1),
    pageSize: Math.min(positiveInt(params.pageSize, DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE),
  };
}

/** Whether any filter narrows the list (the empty state then says "no match", not "no accounts"). */
export function hasFilters(request: AccountListRequest): boolean {
  return !!(request.q || request.unitId || request.role || request.status || request.withoutMfa);
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AccountCreate,
  AccountDetail,
  AccountListQuery,
  AccountsAttention,
  AccountSummary,
  BulkAccountCreate,
  BulkAccountResult,
  MAX_PAGE_SIZE,
  MfaPolicyItem,
  MfaPolicyUpdate,
  OneTimeCredential,
  Page,
  PasswordResetRequestItem,
  SessionItem,
  StaffSummary,
} from '@emis/contracts';
import { Role } from '@emis/domain';
import { toParams } from '@emis/web/core';
import { EMPTY, expand, Observable, reduce } from 'rxjs';

export interface AccountListRequest extends AccountListQuery {
  q?: string;
  page?: number;
  pageSize?: number;
}

/** The printable sheet of one-time passwords, or the same as a workbook. */
export type CredentialSheetFormat = 'pdf' | 'xlsx';

/** A change an administrator makes to an account; each carries a reason, written to the audit trail. */
export type AccountAction = 'disable' | 'enable' | 'reset-password' | 'reset-mfa' | 'unlock' | 'end-sessions';

/** Calls of the accounts endpoints (libs/contracts/src/accounts.ts and sessions.ts). */
@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly http = inject(HttpClient);

  list(request: AccountListRequest): Observable<Page<AccountSummary>> {
    const { q, unitId, role, status, withoutMfa, page, pageSize } = request;
    return this.http.get<Page<AccountSummary>>(BASE, {
      params: toParams({ q, unitId, role, status, withoutMfa: withoutMfa ? 'true' : undefined, page, pageSize }),
    });
  }

  get(accountId: string): Observable<AccountDetail> {
    return this.http.get<AccountDetail>(account(accountId));
  }

  create(input: AccountCreate): Observable<OneTimeCredential> {
    return this.http.post<OneTimeCredential>(BASE, input);
  }

  bulkCreate(input: BulkAccountCreate): Observable<BulkAccountResult> {
    return this.http.post<BulkAccountResult>(`${BASE}/bulk`, input);
  }

  /** The answer with its headers: the file name comes from Content-Disposition. */
  credentialSheet(token: string, format: CredentialSheetFormat): Observable<HttpResponse<Blob>> {
    return this.http.get(`${BASE}/credential-sheets/${encodeURIComponent(token)}`, {
      params: toParams({ format }),
      responseType: 'blob',
      observe: 'response',
    });
  }

  changeRole(accountId: string, role: Role, reason: string): Observable<AccountDetail> {
    return this.http.post<AccountDetail>(`${account(accountId)}/role`, { role, reason });
  }

  /** The one-time password comes back only from a reset; the other actions answer the account as it now is. */
  resetPassword(accountId: string, reason: string): Observable<OneTimeCredential> {
    return this.http.post<OneTimeCredential>(`${account(accountId)}/reset-password`, { reason });
  }

  act(accountId: string, action: Exclude<AccountAction, 'reset-password'>, reason: string): Observable<unknown> {
    const path = action === 'end-sessions' ? 'sessions/end' : action;
    return this.http.post(`${account(accountId)}/${path}`, { reason });
  }

  sessions(accountId: string): Observable<SessionItem[]> {
    return this.http.get<SessionItem[]>(`${account(accountId)}/sessions`);
  }

  attention(): Observable<AccountsAttention> {
    return this.http.get<AccountsAttention>(`${BASE}/attention`);
  }

  resetRequests(page: number, pageSize: number): Observable<Page<PasswordResetRequestItem>> {
    return this.http.get<Page<PasswordResetRequestItem>>(`${BASE}/reset-requests`, {
      params: toParams({ page, pageSize }),
    });
  }

  dismissResetRequest(requestId: string, reason: string): Observable<unknown> {
    return this.http.post(`${BASE}/reset-requests/${encodeURIComponent(requestId)}/dismiss`, { reason });
  }

  mfaPolicy(): Observable<MfaPolicyItem[]> {
    return this.http.get<MfaPolicyItem[]>(`${BASE}/mfa-policy`);
  }

  saveMfaPolicy(update: MfaPolicyUpdate): Observable<MfaPolicyItem[]> {
    return this.http.put<MfaPolicyItem[]>(`${BASE}/mfa-policy`, update);
  }

  /** A school's working staff, read through the staff endpoints (the bulk preview and the staff picker). */
  workingStaff(schoolId: string): Observable<StaffSummary[]> {
    return everyPage((page) =>
      this.http.get<Page<StaffSummary>>(`/api/schools/${encodeURIComponent(schoolId)}/staff`, {
        params: toParams({ status: 'ACTIVE', page, pageSize: MAX_PAGE_SIZE, sort: 'name' }),
      }),
    );
  }

  /** The accounts attached to a unit (for a school: who already has one). */
  accountsOf(unitId: string): Observable<AccountSummary[]> {
    return everyPage((page) => this.list({ unitId, page, pageSize: MAX_PAGE_SIZE }));
  }
}

const BASE = '/api/accounts';

/** Every item of a paged list, page after page: a school's staff fit in one or two of the largest pages. */
function everyPage<T>(load: (page: number) => Observable<Page<T>>): Observable<T[]> {
  return load(1).pipe(
    expand((last) => (last.items.length > 0 && last.page * last.pageSize < last.total ? load(last.page + 1) : EMPTY)),
    reduce((items: T[], page) => items.concat(page.items), []),
  );
}

function account(accountId: string): string {
  return `${BASE}/${encodeURIComponent(accountId)}`;
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  Page,
  StaffDetail,
  StaffInput,
  StaffSummary,
  StaffTransferRequest,
  StaffUpdate,
  Subject,
} from '@emis/contracts';
import { StaffPosition, StaffStatus } from '@emis/domain';
import { toParams, withWholeScope } from '@emis/web/core';
import { Observable } from 'rxjs';

export interface StaffListRequest {
  q?: string;
  status?: StaffStatus;
  position?: StaffPosition;
  page?: number;
  pageSize?: number;
  sort?: string;
  /** ID numbers in full (roles that see them on the record; the API audits the list with the group shown). */
  reveal?: 'personalId';
}

/** Calls of the staff endpoints (libs/contracts/src/staff.ts). */
@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  list(schoolId: string, request: StaffListRequest): Observable<Page<StaffSummary>> {
    const { q, status, position, page, pageSize, sort, reveal } = request;
    return this.http.get<Page<StaffSummary>>(base(schoolId), {
      params: toParams({ q, status, position, page, pageSize, sort, reveal }),
    });
  }

  /** The list as filtered on screen, as an Excel file; the reason is required and audited by the server. */
  export(schoolId: string, request: StaffListRequest, reason: string): Observable<Blob> {
    const { q, status, position, sort } = request;
    return this.http.get(`${base(schoolId)}/export.xlsx`, {
      params: toParams({ q, status, position, sort, reason }),
      responseType: 'blob',
    });
  }

  get(schoolId: string, staffId: string): Observable<StaffDetail> {
    return this.http.get<StaffDetail>(`${base(schoolId)}/${encodeURIComponent(staffId)}`);
  }

  create(schoolId: string, input: StaffInput): Observable<StaffDetail> {
    return this.http.post<StaffDetail>(base(schoolId), input);
  }

  update(schoolId: string, staffId: string, update: StaffUpdate): Observable<StaffDetail> {
    return this.http.patch<StaffDetail>(`${base(schoolId)}/${encodeURIComponent(staffId)}`, update);
  }

  /**
   * Sent with the caller's whole scope, not the school picked in the switcher: the receiving school lies outside
   * the picked one, and the API reads a school outside the request's scope as unknown.
   */
  transfer(schoolId: string, staffId: string, request: StaffTransferRequest): Observable<StaffDetail> {
    return this.http.post<StaffDetail>(`${base(schoolId)}/${encodeURIComponent(staffId)}/transfer`, request, {
      context: withWholeScope(),
    });
  }

  subjects(): Observable<Subject[]> {
    return this.http.get<Subject[]>('/api/subjects');
  }
}

function base(schoolId: string): string {
  return `/api/schools/${encodeURIComponent(schoolId)}/staff`;
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AuditEntry, AuditListQuery, ChainVerification, Page, PageQuery } from '@emis/contracts';
import { Observable } from 'rxjs';
import { toParams } from '@emis/web/core';

export type AuditListRequest = Pick<PageQuery, 'page' | 'pageSize'> & AuditListQuery;

/**
 * The audit log is a hash chain per school, so it lives beside the schools feature for now;
 * it moves to its own web library once that library has a path.
 */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(request: AuditListRequest): Observable<Page<AuditEntry>> {
    const { page, pageSize, schoolId, entity } = request;
    return this.http.get<Page<AuditEntry>>('/api/audit', { params: toParams({ page, pageSize, schoolId, entity }) });
  }

  verify(schoolId: string): Observable<ChainVerification> {
    return this.http.get<ChainVerification>('/api/audit/verify', { params: toParams({ schoolId }) });
  }
}

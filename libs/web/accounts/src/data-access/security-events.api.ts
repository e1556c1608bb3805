import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Page, SecurityAlertCount, SecurityEvent, SecurityEventQuery } from '@emis/contracts';
import { toParams } from '@emis/web/core';
import { Observable } from 'rxjs';

export interface SecurityEventRequest extends SecurityEventQuery {
  page?: number;
  pageSize?: number;
}

const BASE = '/api/security-events';

/** Calls of the security events endpoints (libs/contracts/src/security.ts): the department administrator's. */
@Injectable({ providedIn: 'root' })
export class SecurityEventsApi {
  private readonly http = inject(HttpClient);

  list(request: SecurityEventRequest): Observable<Page<SecurityEvent>> {
    const { kind, userId, schoolId, from, to, alerts, open, page, pageSize } = request;
    return this.http.get<Page<SecurityEvent>>(BASE, {
      params: toParams({
        kind,
        userId,
        schoolId,
        from,
        to,
        alerts: alerts ? 'true' : undefined,
        open: open ? 'true' : undefined,
        page,
        pageSize,
      }),
    });
  }

  openAlerts(): Observable<SecurityAlertCount> {
    return this.http.get<SecurityAlertCount>(`${BASE}/open-alerts`);
  }

  acknowledge(id: string): Observable<SecurityEvent> {
    return this.http.post<SecurityEvent>(`${BASE}/${encodeURIComponent(id)}/acknowledge`, {});
  }
}

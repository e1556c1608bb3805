import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { SchoolDetail, ScopeSummary } from '@emis/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class OrgUnitsApi {
  private readonly http = inject(HttpClient);

  /** School counts by level in the unit being looked at (the X-Org-Unit pick, or the user's own unit). */
  scopeSummary(): Observable<ScopeSummary> {
    return this.http.get<ScopeSummary>('/api/org-units/scope-summary');
  }

  school(schoolId: string): Observable<SchoolDetail> {
    return this.http.get<SchoolDetail>(`/api/schools/${encodeURIComponent(schoolId)}`);
  }
}

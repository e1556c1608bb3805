import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { SchoolDetail, ScopeSummary } from '@emis/contracts';
import { map, Observable, shareReplay } from 'rxjs';

/** What a printed paper of a school names: its governing body (the unit above it), itself and its principal. */
export interface SchoolLetterhead {
  governingBody: string | null;
  school: string;
  principalName: string | null;
}

@Injectable({ providedIn: 'root' })
export class OrgUnitsApi {
  private readonly http = inject(HttpClient);
  private readonly letterheads = new Map<string, Observable<SchoolLetterhead>>();

  /** School counts by level in the unit being looked at (the X-Org-Unit pick, or the user's own unit). */
  scopeSummary(): Observable<ScopeSummary> {
    return this.http.get<ScopeSummary>('/api/org-units/scope-summary');
  }

  school(schoolId: string): Observable<SchoolDetail> {
    return this.http.get<SchoolDetail>(`/api/schools/${encodeURIComponent(schoolId)}`);
  }

  /** The school's letterhead for print views, asked once per school and kept for the tab's life. */
  letterhead(schoolId: string): Observable<SchoolLetterhead> {
    let found = this.letterheads.get(schoolId);
    if (!found) {
      found = this.school(schoolId).pipe(
        map((s) => ({
          governingBody: s.path.at(-1)?.name ?? null,
          school: s.name,
          principalName: s.profile.principalName,
        })),
        shareReplay(1),
      );
      this.letterheads.set(schoolId, found);
    }
    return found;
  }
}

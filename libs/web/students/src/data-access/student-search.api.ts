import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { StudentSearchPage } from '@emis/contracts';
import { StudentStatus } from '@emis/domain';
import { toParams, withWholeScope } from '@emis/web/core';
import { Observable } from 'rxjs';

export interface StudentSearchRequest {
  q: string;
  cursor?: string;
  pageSize?: number;
  status?: StudentStatus;
}

/** The province-wide pupil search of the department and its units (GET /api/students/search). */
@Injectable({ providedIn: 'root' })
export class StudentSearchApi {
  private readonly http = inject(HttpClient);

  /**
   * Always over the reader's whole scope, whichever unit the switcher shows: opening a pupil switches the view to
   * the pupil's school, and coming back must still search every school the reader may see.
   */
  search(request: StudentSearchRequest): Observable<StudentSearchPage> {
    return this.http.get<StudentSearchPage>('/api/students/search', {
      params: toParams({ ...request }),
      context: withWholeScope(),
    });
  }
}

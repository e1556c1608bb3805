import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { SessionItem, SessionsEnded } from '@emis/contracts';
import { map, Observable } from 'rxjs';

/** The signed-in user's own sessions (docs/domain/sign-in.md, "Sessions"): list them, end one, end all the others. */
@Injectable({ providedIn: 'root' })
export class MySessionsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<SessionItem[]> {
    return this.http.get<SessionItem[]>('/api/auth/sessions');
  }

  /** The ended session's device is signed out at its next call to the API. */
  end(sessionId: string): Observable<void> {
    return this.http.delete<void>(`/api/auth/sessions/${encodeURIComponent(sessionId)}`).pipe(map(() => undefined));
  }

  /** Answers how many sessions ended. */
  endOthers(): Observable<SessionsEnded> {
    return this.http.post<SessionsEnded>('/api/auth/sessions/end-others', null);
  }
}

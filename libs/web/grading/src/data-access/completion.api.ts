import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CompletionCouncil,
  CompletionCouncilInput,
  CompletionDecisionsInput,
  CompletionDecisionsResult,
  CompletionOverview,
  StudentCompletion,
} from '@emis/contracts';
import { Observable } from 'rxjs';

const enc = encodeURIComponent;

/** Calls of the grade 9 completion endpoints (libs/contracts/src/completion.ts). */
@Injectable({ providedIn: 'root' })
export class CompletionApi {
  private readonly http = inject(HttpClient);

  overview(schoolId: string, yearId: string): Observable<CompletionOverview> {
    return this.http.get<CompletionOverview>(`${this.school(schoolId)}/completion`, { params: { yearId } });
  }

  openCouncil(schoolId: string, body: CompletionCouncilInput): Observable<CompletionCouncil> {
    return this.http.post<CompletionCouncil>(`${this.school(schoolId)}/completion/councils`, body);
  }

  decide(schoolId: string, councilId: string, body: CompletionDecisionsInput): Observable<CompletionDecisionsResult> {
    return this.http.put<CompletionDecisionsResult>(
      `${this.school(schoolId)}/completion/councils/${enc(councilId)}/decisions`,
      body,
    );
  }

  councilPdf(schoolId: string, councilId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.school(schoolId)}/completion/councils/${enc(councilId)}/decision.pdf`, {
      responseType: 'blob',
      observe: 'response',
    });
  }

  ofStudent(schoolId: string, studentId: string): Observable<{ completion: StudentCompletion | null }> {
    return this.http.get<{ completion: StudentCompletion | null }>(
      `${this.school(schoolId)}/students/${enc(studentId)}/completion`,
    );
  }

  private school(schoolId: string): string {
    return `/api/schools/${enc(schoolId)}`;
  }
}

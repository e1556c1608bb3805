import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { SchoolRecognitionOverview, YearRecognitionSave, YearRecognitionSheet } from '@emis/contracts';
import { Observable } from 'rxjs';

const enc = encodeURIComponent;

/** Calls of the year-end award decisions (libs/contracts/src/grading.ts, "recognitions"). */
@Injectable({ providedIn: 'root' })
export class RecognitionApi {
  private readonly http = inject(HttpClient);

  overview(schoolId: string, yearId: string): Observable<SchoolRecognitionOverview> {
    return this.http.get<SchoolRecognitionOverview>(`/api/schools/${enc(schoolId)}/recognitions`, {
      params: { yearId },
    });
  }

  sheet(schoolId: string, classId: string): Observable<YearRecognitionSheet> {
    return this.http.get<YearRecognitionSheet>(this.cls(schoolId, classId));
  }

  decide(schoolId: string, classId: string, body: YearRecognitionSave): Observable<YearRecognitionSheet> {
    return this.http.put<YearRecognitionSheet>(this.cls(schoolId, classId), body);
  }

  exportGranted(schoolId: string, yearId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`/api/schools/${enc(schoolId)}/recognitions/export.xlsx`, {
      params: { yearId },
      responseType: 'blob',
      observe: 'response',
    });
  }

  private cls(schoolId: string, classId: string): string {
    return `/api/schools/${enc(schoolId)}/classes/${enc(classId)}/recognitions`;
  }
}

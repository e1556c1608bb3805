import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ImportJob, ImportKind } from '@emis/contracts';
import { Observable } from 'rxjs';

const PATH_OF_KIND: Record<ImportKind, string> = { STUDENTS: 'students', STAFF: 'staff', ASSETS: 'assets' };

/** Excel imports of student, staff and asset lists (libs/contracts/src/imports.ts). */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  template(schoolId: string, kind: ImportKind): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base(schoolId)}/templates/${PATH_OF_KIND[kind]}.xlsx`, {
      responseType: 'blob',
      observe: 'response',
    });
  }

  upload(schoolId: string, kind: ImportKind, file: File): Observable<ImportJob> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportJob>(`${this.base(schoolId)}/${PATH_OF_KIND[kind]}`, body);
  }

  /** A department's or unit's student list spanning many schools (the "Mã trường" column); followed as the unit's job. */
  uploadManySchools(unitId: string, file: File): Observable<ImportJob> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportJob>(`/api/units/${encodeURIComponent(unitId)}/imports/students`, body);
  }

  manySchoolsTemplate(unitId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`/api/units/${encodeURIComponent(unitId)}/imports/templates/students.xlsx`, {
      responseType: 'blob',
      observe: 'response',
    });
  }

  job(schoolId: string, jobId: string): Observable<ImportJob> {
    return this.http.get<ImportJob>(`${this.base(schoolId)}/${encodeURIComponent(jobId)}`);
  }

  errorWorkbook(schoolId: string, jobId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base(schoolId)}/${encodeURIComponent(jobId)}/errors.xlsx`, {
      responseType: 'blob',
      observe: 'response',
    });
  }

  private base(schoolId: string): string {
    return `/api/schools/${encodeURIComponent(schoolId)}/imports`;
  }
}

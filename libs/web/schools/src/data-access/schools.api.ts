import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Page, PageQuery, SchoolDetail, SchoolListQuery, SchoolProfileUpdate, SchoolSummary } from '@emis/contracts';
import { Observable } from 'rxjs';
import { toParams } from '@emis/web/core';

export type SchoolSort = 'name' | '-name' | 'code';
export const SCHOOL_SORTS: readonly SchoolSort[] = ['name', '-name', 'code'];

export interface SchoolListRequest extends PageQuery, SchoolListQuery {
  sort?: SchoolSort;
}

@Injectable({ providedIn: 'root' })
export class SchoolsApi {
  private readonly http = inject(HttpClient);

  list(request: SchoolListRequest): Observable<Page<SchoolSummary>> {
    const { page, pageSize, sort, q, level, unitId } = request;
    return this.http.get<Page<SchoolSummary>>('/api/schools', {
      params: toParams({ page, pageSize, sort, q, level, unitId }),
    });
  }

  get(id: string): Observable<SchoolDetail> {
    return this.http.get<SchoolDetail>(`/api/schools/${encodeURIComponent(id)}`);
  }

  updateProfile(id: string, update: SchoolProfileUpdate): Observable<SchoolDetail> {
    return this.http.patch<SchoolDetail>(`/api/schools/${encodeURIComponent(id)}/profile`, update);
  }
}

import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  FeeRange,
  FeeRangeInput,
  ImportJob,
  Page,
  SchoolFinanceSetting,
  TuitionLevel,
  TuitionLevelsInput,
} from '@emis/contracts';
import { FeeArea } from '@emis/domain';
import { toParams } from '@emis/web/core';
import { Observable } from 'rxjs';

const CONFIG = '/api/finance-config';

export interface SchoolAreaQuery {
  unitId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/**
 * Calls of the province's finance settings (libs/contracts/src/finance.ts, part A), kept by the department: the
 * tuition levels and private-school support per year, level and area; the ranges of the other approved fees; each
 * school's area.
 */
@Injectable({ providedIn: 'root' })
export class FinanceConfigApi {
  private readonly http = inject(HttpClient);

  tuitionLevels(schoolYearId: string): Observable<TuitionLevel[]> {
    return this.http.get<TuitionLevel[]>(`${CONFIG}/tuition-levels`, { params: toParams({ schoolYearId }) });
  }

  /** Replaces the year's whole table. */
  saveTuitionLevels(body: TuitionLevelsInput): Observable<TuitionLevel[]> {
    return this.http.put<TuitionLevel[]>(`${CONFIG}/tuition-levels`, body);
  }

  tuitionLevelsFile(schoolYearId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`${CONFIG}/tuition-levels/export.xlsx`, {
      params: toParams({ schoolYearId }),
      responseType: 'blob',
      observe: 'response',
    });
  }

  /** Queues the import of a year's table; the job is followed through the department's imports (ImportsApi.job). */
  importTuitionLevels(schoolYearId: string, file: File): Observable<ImportJob> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportJob>(`${CONFIG}/tuition-levels/import`, body, { params: toParams({ schoolYearId }) });
  }

  feeRanges(schoolYearId: string): Observable<FeeRange[]> {
    return this.http.get<FeeRange[]>(`${CONFIG}/fee-ranges`, { params: toParams({ schoolYearId }) });
  }

  addFeeRange(body: FeeRangeInput): Observable<FeeRange> {
    return this.http.post<FeeRange>(`${CONFIG}/fee-ranges`, body);
  }

  /** The whole range again: the API replaces it. */
  updateFeeRange(id: string, body: FeeRangeInput): Observable<FeeRange> {
    return this.http.patch<FeeRange>(`${CONFIG}/fee-ranges/${encodeURIComponent(id)}`, body);
  }

  removeFeeRange(id: string): Observable<void> {
    return this.http.delete<void>(`${CONFIG}/fee-ranges/${encodeURIComponent(id)}`);
  }

  schools(query: SchoolAreaQuery): Observable<Page<SchoolFinanceSetting>> {
    return this.http.get<Page<SchoolFinanceSetting>>(`${CONFIG}/schools`, { params: toParams({ ...query }) });
  }

  setSchoolArea(schoolId: string, area: FeeArea): Observable<SchoolFinanceSetting> {
    return this.http.put<SchoolFinanceSetting>(`${CONFIG}/schools/${encodeURIComponent(schoolId)}`, { area });
  }
}

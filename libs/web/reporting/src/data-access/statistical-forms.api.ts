import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  SchoolYear,
  StatisticalReminderResult,
  StatisticalReport,
  StatisticalReportKind,
  StatisticalReportStatus,
  SubmissionReminder,
  SubmissionStatusRow,
} from '@emis/contracts';
import { toParams } from '@emis/web/core';
import { Observable } from 'rxjs';

export interface FormRef {
  schoolId: string;
  yearId: string;
  kind: StatisticalReportKind;
}

export interface UnitFormRequest {
  yearId: string;
  kind: StatisticalReportKind;
  orgUnitId?: string;
}

export interface StatusRequest extends UnitFormRequest {
  q?: string;
  status?: StatisticalReportStatus;
}

/** Calls of the official statistical reports (libs/contracts/src/reporting.ts). */
@Injectable({ providedIn: 'root' })
export class StatisticalFormsApi {
  private readonly http = inject(HttpClient);

  schoolYears(): Observable<SchoolYear[]> {
    return this.http.get<SchoolYear[]>('/api/school-years');
  }

  get(ref: FormRef): Observable<StatisticalReport> {
    return this.http.get<StatisticalReport>(formPath(ref));
  }

  saveManual(ref: FormRef, manual: Record<string, number | null>, version: number): Observable<StatisticalReport> {
    return this.http.put<StatisticalReport>(`${formPath(ref)}/manual`, { manual, version });
  }

  submit(ref: FormRef, version: number): Observable<StatisticalReport> {
    return this.http.post<StatisticalReport>(`${formPath(ref)}/submit`, { version });
  }

  reopen(ref: FormRef, reason: string): Observable<StatisticalReport> {
    return this.http.post<StatisticalReport>(`${formPath(ref)}/reopen`, { reason });
  }

  export(ref: FormRef): Observable<Blob> {
    return this.http.get(`${formPath(ref)}/export.xlsx`, { responseType: 'blob' });
  }

  reminders(schoolId: string): Observable<SubmissionReminder[]> {
    return this.http.get<SubmissionReminder[]>(`/api/schools/${encodeURIComponent(schoolId)}/statistical-reminders`);
  }

  status(request: StatusRequest): Observable<SubmissionStatusRow[]> {
    return this.http.get<SubmissionStatusRow[]>('/api/statistical-reports/status', { params: toParams({ ...request }) });
  }

  remind(request: Required<UnitFormRequest> & { message: string }): Observable<StatisticalReminderResult> {
    return this.http.post<StatisticalReminderResult>('/api/statistical-reports/reminders', request);
  }

  aggregate(request: UnitFormRequest): Observable<StatisticalReport> {
    return this.http.get<StatisticalReport>('/api/statistical-reports/aggregate', { params: toParams({ ...request }) });
  }

  exportAggregate(request: UnitFormRequest): Observable<Blob> {
    return this.http.get('/api/statistical-reports/aggregate/export.xlsx', {
      params: toParams({ ...request }),
      responseType: 'blob',
    });
  }
}

function formPath({ schoolId, yearId, kind }: FormRef): string {
  return `/api/schools/${encodeURIComponent(schoolId)}/statistical-reports/${encodeURIComponent(yearId)}/${kind}`;
}

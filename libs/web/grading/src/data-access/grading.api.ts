import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ClassGradebook,
  ClassSummary,
  ClassResults,
  ConductSheet,
  ConductSheetSave,
  CorrectionRequest,
  CorrectionRequestInput,
  GradeSaveResult,
  GradeSheet,
  GradeSheetSave,
  GradingLock,
  ImportJob,
  Page,
  ResultPeriod,
  SchoolHome,
  Subject,
  GradingLockInput,
  SchoolYear,
  ScoreChange,
  TeachingAssignment,
} from '@emis/contracts';
import { Observable } from 'rxjs';

/** Query parameters without the empty ones, so the API applies its defaults. */
function toParams(values: Record<string, string | number | null | undefined>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') params = params.set(key, String(value));
  }
  return params;
}

const enc = encodeURIComponent;

/** Calls of the gradebook, locks, corrections, conduct and results endpoints (libs/contracts/src/grading.ts). */
@Injectable({ providedIn: 'root' })
export class GradingApi {
  private readonly http = inject(HttpClient);

  schoolYears(): Observable<SchoolYear[]> {
    return this.http.get<SchoolYear[]>('/api/school-years');
  }

  /** The year's classes of the school (one page of the largest size: a school has far fewer). */
  classes(schoolId: string, yearId: string): Observable<Page<ClassSummary>> {
    return this.http.get<Page<ClassSummary>>(`${this.school(schoolId)}/classes`, {
      params: toParams({ yearId, pageSize: 200, sort: 'name' }),
    });
  }

  assignments(schoolId: string, yearId: string): Observable<TeachingAssignment[]> {
    return this.http.get<TeachingAssignment[]>(`${this.school(schoolId)}/assignments`, {
      params: toParams({ yearId }),
    });
  }

  gradebook(schoolId: string, classId: string, semester: 1 | 2): Observable<ClassGradebook> {
    return this.http.get<ClassGradebook>(`${this.cls(schoolId, classId)}/gradebook`, {
      params: toParams({ semester }),
    });
  }

  sheet(schoolId: string, classId: string, semester: 1 | 2, subjectCode: string): Observable<GradeSheet> {
    return this.http.get<GradeSheet>(this.sheetPath(schoolId, classId, semester, subjectCode));
  }

  saveSheet(
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    subjectCode: string,
    body: GradeSheetSave,
  ): Observable<GradeSaveResult> {
    return this.http.put<GradeSaveResult>(this.sheetPath(schoolId, classId, semester, subjectCode), body);
  }

  history(
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    subjectCode: string,
    studentId: string,
    column: string,
  ): Observable<ScoreChange[]> {
    return this.http.get<ScoreChange[]>(`${this.sheetPath(schoolId, classId, semester, subjectCode)}/history`, {
      params: toParams({ studentId, column }),
    });
  }

  /** The whole school's semester scores (grades.export). */
  exportSchool(schoolId: string, yearId: string, semester: 1 | 2): Observable<HttpResponse<Blob>> {
    return this.http.get(`/api/schools/${schoolId}/gradebook/export.xlsx`, {
      params: toParams({ yearId, semester }),
      responseType: 'blob',
      observe: 'response',
    });
  }

  exportSheet(schoolId: string, classId: string, semester: 1 | 2, subjectCode: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.sheetPath(schoolId, classId, semester, subjectCode)}/export.xlsx`, {
      responseType: 'blob',
      observe: 'response',
    });
  }

  /** The import answers with a background job (as the list imports do) or, for a small sheet, the saved rows. */
  importSheet(
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    subjectCode: string,
    file: File,
  ): Observable<ImportJob | GradeSaveResult> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportJob | GradeSaveResult>(
      `${this.sheetPath(schoolId, classId, semester, subjectCode)}/import`,
      body,
    );
  }

  importJob(schoolId: string, jobId: string): Observable<ImportJob> {
    return this.http.get<ImportJob>(`${this.school(schoolId)}/imports/${enc(jobId)}`);
  }

  importErrors(schoolId: string, jobId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.school(schoolId)}/imports/${enc(jobId)}/errors.xlsx`, {
      responseType: 'blob',
      observe: 'response',
    });
  }

  locks(schoolId: string, yearId: string): Observable<GradingLock[]> {
    return this.http.get<GradingLock[]>(`${this.school(schoolId)}/grading/locks`, { params: toParams({ yearId }) });
  }

  lock(schoolId: string, yearId: string, semester: 1 | 2): Observable<GradingLock> {
    return this.http.post<GradingLock>(`${this.school(schoolId)}/grading/locks`, { yearId, semester });
  }

  unlock(schoolId: string, yearId: string, semester: 1 | 2): Observable<unknown> {
    return this.http.delete(`${this.school(schoolId)}/grading/locks/${enc(yearId)}/${semester}`);
  }

  corrections(
    schoolId: string,
    query: { status?: CorrectionRequest['status']; page?: number; pageSize?: number },
  ): Observable<Page<CorrectionRequest>> {
    return this.http.get<Page<CorrectionRequest>>(`${this.school(schoolId)}/grading/corrections`, {
      params: toParams(query),
    });
  }

  requestCorrection(schoolId: string, input: CorrectionRequestInput): Observable<CorrectionRequest> {
    return this.http.post<CorrectionRequest>(`${this.school(schoolId)}/grading/corrections`, input);
  }

  decideCorrection(
    schoolId: string,
    correctionId: string,
    decision: 'approve' | 'reject',
    note: string,
  ): Observable<CorrectionRequest> {
    return this.http.post<CorrectionRequest>(
      `${this.school(schoolId)}/grading/corrections/${enc(correctionId)}/${decision}`,
      { note: note || undefined },
    );
  }

  /** `CN`: the year conduct a Circular 58 class's homeroom teacher enters (Art. 3.2). */
  conduct(schoolId: string, classId: string, semester: 1 | 2 | 'CN'): Observable<ConductSheet> {
    return this.http.get<ConductSheet>(`${this.cls(schoolId, classId)}/conduct/${semester}`);
  }

  saveConduct(
    schoolId: string,
    classId: string,
    semester: 1 | 2 | 'CN',
    body: ConductSheetSave,
  ): Observable<ConductSheet> {
    return this.http.put<ConductSheet>(`${this.cls(schoolId, classId)}/conduct/${semester}`, body);
  }

  results(schoolId: string, classId: string, period: ResultPeriod): Observable<ClassResults> {
    return this.http.get<ClassResults>(`${this.cls(schoolId, classId)}/results`, { params: toParams({ period }) });
  }

  storeResults(schoolId: string, classId: string, period: ResultPeriod): Observable<ClassResults> {
    return this.http.post<ClassResults>(`${this.cls(schoolId, classId)}/results/${period}`, {});
  }

  exportResults(schoolId: string, classId: string, period: ResultPeriod): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.cls(schoolId, classId)}/results/export.xlsx`, {
      params: toParams({ period }),
      responseType: 'blob',
      observe: 'response',
    });
  }

  reportCards(
    schoolId: string,
    classId: string,
    period: ResultPeriod,
    studentId?: string,
  ): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.cls(schoolId, classId)}/report-cards.pdf`, {
      params: toParams({ period, studentId }),
      responseType: 'blob',
      observe: 'response',
    });
  }

  /** The school's home: the caller's assignments with what is left, the principal's figures (issue 16). */
  home(schoolId: string, semester?: 1 | 2): Observable<SchoolHome> {
    return this.http.get<SchoolHome>(`${this.school(schoolId)}/home`, { params: toParams({ semester }) });
  }

  subjects(): Observable<Subject[]> {
    return this.http.get<Subject[]>('/api/subjects');
  }

  /** A lock of any scope (issue 16); the answer is the year's locks. */
  lockScope(schoolId: string, input: GradingLockInput): Observable<GradingLock[]> {
    return this.http.post<GradingLock[]>(`${this.school(schoolId)}/grading/locks`, input);
  }

  unlockById(schoolId: string, lockId: string): Observable<unknown> {
    return this.http.delete(`${this.school(schoolId)}/grading/locks/${enc(lockId)}`);
  }

  private school(schoolId: string): string {
    return `/api/schools/${enc(schoolId)}`;
  }

  private cls(schoolId: string, classId: string): string {
    return `${this.school(schoolId)}/classes/${enc(classId)}`;
  }

  private sheetPath(schoolId: string, classId: string, semester: 1 | 2, subjectCode: string): string {
    return `${this.cls(schoolId, classId)}/gradebook/${semester}/${enc(subjectCode)}`;
  }
}

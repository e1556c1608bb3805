import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  BulkEnrolmentRequest,
  BulkResult,
  DropOutRequest,
  EnrolmentRequest,
  Page,
  PromotionPreview,
  PromotionRequest,
  PromotionResult,
  StudentDetail,
  StudentInput,
  StudentSummary,
  StudentUpdate,
  StudentCompletion,
} from '@emis/contracts';
import { GradeLevel, StudentStatus } from '@emis/domain';
import { Observable } from 'rxjs';
import { toParams } from '@emis/web/core';

export type StudentSort = 'name' | '-name' | 'dateOfBirth';
export const STUDENT_SORTS: readonly StudentSort[] = ['name', '-name', 'dateOfBirth'];

export interface StudentFilters {
  q?: string;
  status?: StudentStatus;
  classId?: string;
  grade?: GradeLevel;
  yearId?: string;
  sort?: StudentSort;
}

export interface StudentListRequest extends StudentFilters {
  page?: number;
  pageSize?: number;
  /** Personal IDs in full instead of masked (audited; roles that see them on the record only). */
  reveal?: 'personalId';
}

/** The students of one school (libs/contracts/src/students.ts). */
@Injectable({ providedIn: 'root' })
export class StudentsApi {
  private readonly http = inject(HttpClient);

  list(schoolId: string, request: StudentListRequest): Observable<Page<StudentSummary>> {
    return this.http.get<Page<StudentSummary>>(this.base(schoolId), { params: toParams({ ...request }) });
  }

  /** The list as filtered on screen, as an Excel file (the server streams it and audits the export with its reason). */
  exportXlsx(schoolId: string, filters: StudentFilters, reason: string): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base(schoolId)}/export.xlsx`, {
      params: toParams({ ...filters, reason }),
      responseType: 'blob',
      observe: 'response',
    });
  }

  get(schoolId: string, studentId: string): Observable<StudentDetail> {
    return this.http.get<StudentDetail>(this.one(schoolId, studentId));
  }

  /** Grade 9 completion recorded by the school's council (docs/domain/completion.md); null when none. */
  completion(schoolId: string, studentId: string): Observable<{ completion: StudentCompletion | null }> {
    return this.http.get<{ completion: StudentCompletion | null }>(`${this.one(schoolId, studentId)}/completion`);
  }

  create(schoolId: string, input: StudentInput): Observable<StudentDetail> {
    return this.http.post<StudentDetail>(this.base(schoolId), input);
  }

  update(schoolId: string, studentId: string, update: StudentUpdate): Observable<StudentDetail> {
    return this.http.patch<StudentDetail>(this.one(schoolId, studentId), update);
  }

  enrol(schoolId: string, studentId: string, request: EnrolmentRequest): Observable<StudentDetail> {
    return this.http.post<StudentDetail>(`${this.one(schoolId, studentId)}/enrolment`, request);
  }

  bulkEnrol(schoolId: string, request: BulkEnrolmentRequest): Observable<BulkResult> {
    return this.http.post<BulkResult>(`${this.base(schoolId)}/bulk/enrol`, request);
  }

  dropOut(schoolId: string, studentId: string, request: DropOutRequest): Observable<StudentDetail> {
    return this.http.post<StudentDetail>(`${this.one(schoolId, studentId)}/drop-out`, request);
  }

  promotionPreview(schoolId: string, yearId: string, grade: GradeLevel): Observable<PromotionPreview> {
    return this.http.get<PromotionPreview>(`/api/schools/${encodeURIComponent(schoolId)}/promotions/preview`, {
      params: toParams({ yearId, grade }),
    });
  }

  promote(schoolId: string, request: PromotionRequest): Observable<PromotionResult> {
    return this.http.post<PromotionResult>(`/api/schools/${encodeURIComponent(schoolId)}/promotions`, request);
  }

  private base(schoolId: string): string {
    return `/api/schools/${encodeURIComponent(schoolId)}/students`;
  }

  private one(schoolId: string, studentId: string): string {
    return `${this.base(schoolId)}/${encodeURIComponent(studentId)}`;
  }
}

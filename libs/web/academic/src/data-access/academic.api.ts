import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AttendanceSheet,
  AttendanceSheetUpdate,
  ClassAssignmentsUpdate,
  ClassDetail,
  ClassInput,
  ClassSummary,
  ClassUpdate,
  MonthlyAttendance,
  ProvinceRuleSettingsInput,
  ProvinceRuleSettingsView,
  ResultsRecomputeRun,
  Page,
  SchoolCalendar,
  SchoolDetail,
  SchoolYear,
  SchoolYearInput,
  SemesterDates,
  StaffSummary,
  Subject,
  TeachingAssignment,
} from '@emis/contracts';
import { GradeLevel, SchoolLevel } from '@emis/domain';
import { toParams } from '@emis/web/core';
import { Observable } from 'rxjs';

export interface ClassListRequest {
  yearId: string;
  grade?: GradeLevel;
  q?: string;
  page?: number;
  pageSize?: number;
  sort?: 'name' | 'grade';
}

/** Calls of the calendar, classes, attendance and teaching-assignment endpoints (libs/contracts/src/academic.ts). */
@Injectable({ providedIn: 'root' })
export class AcademicApi {
  private readonly http = inject(HttpClient);

  schoolYears(): Observable<SchoolYear[]> {
    return this.http.get<SchoolYear[]>('/api/school-years');
  }

  createYear(input: SchoolYearInput): Observable<SchoolYear> {
    return this.http.post<SchoolYear>('/api/school-years', input);
  }

  updateYear(yearId: string, input: Partial<SchoolYearInput>): Observable<SchoolYear> {
    return this.http.patch<SchoolYear>(`/api/school-years/${enc(yearId)}`, input);
  }

  openYear(yearId: string): Observable<SchoolYear> {
    return this.http.post<SchoolYear>(`/api/school-years/${enc(yearId)}/open`, {});
  }

  ruleSettings(yearId: string): Observable<ProvinceRuleSettingsView> {
    return this.http.get<ProvinceRuleSettingsView>(`/api/province-settings/${enc(yearId)}`);
  }

  saveRuleSettings(yearId: string, input: ProvinceRuleSettingsInput): Observable<ProvinceRuleSettingsView> {
    return this.http.put<ProvinceRuleSettingsView>(`/api/province-settings/${enc(yearId)}`, input);
  }

  startRecompute(yearId: string): Observable<ResultsRecomputeRun> {
    return this.http.post<ResultsRecomputeRun>(`/api/province-settings/${enc(yearId)}/recompute`, {});
  }

  recomputeRun(yearId: string, runId: string): Observable<ResultsRecomputeRun> {
    return this.http.get<ResultsRecomputeRun>(`/api/province-settings/${enc(yearId)}/recompute/${enc(runId)}`);
  }

  closeYear(yearId: string): Observable<SchoolYear> {
    return this.http.post<SchoolYear>(`/api/school-years/${enc(yearId)}/close`, {});
  }

  schoolCalendar(schoolId: string, yearId: string): Observable<SchoolCalendar> {
    return this.http.get<SchoolCalendar>(`${school(schoolId)}/calendar/${enc(yearId)}`);
  }

  overrideCalendar(schoolId: string, yearId: string, dates: SemesterDates): Observable<SchoolCalendar> {
    return this.http.put<SchoolCalendar>(`${school(schoolId)}/calendar/${enc(yearId)}`, dates);
  }

  resetCalendar(schoolId: string, yearId: string): Observable<SchoolCalendar | null> {
    return this.http.delete<SchoolCalendar | null>(`${school(schoolId)}/calendar/${enc(yearId)}`);
  }

  school(schoolId: string): Observable<SchoolDetail> {
    return this.http.get<SchoolDetail>(school(schoolId));
  }

  subjects(level?: SchoolLevel): Observable<Subject[]> {
    return this.http.get<Subject[]>('/api/subjects', { params: toParams({ level }) });
  }

  /** The school's active staff, for the homeroom and subject-teacher pickers. */
  activeStaff(schoolId: string): Observable<Page<StaffSummary>> {
    return this.http.get<Page<StaffSummary>>(`${school(schoolId)}/staff`, {
      params: toParams({ status: 'ACTIVE', pageSize: 200, sort: 'name' }),
    });
  }

  classes(schoolId: string, request: ClassListRequest): Observable<Page<ClassSummary>> {
    const { yearId, grade, q, page, pageSize, sort } = request;
    return this.http.get<Page<ClassSummary>>(`${school(schoolId)}/classes`, {
      params: toParams({ yearId, grade, q, page, pageSize, sort }),
    });
  }

  exportClasses(schoolId: string, request: ClassListRequest): Observable<Blob> {
    const { yearId, grade, q, sort } = request;
    return this.http.get(`${school(schoolId)}/classes/export.xlsx`, {
      params: toParams({ yearId, grade, q, sort }),
      responseType: 'blob',
    });
  }

  classDetail(schoolId: string, classId: string): Observable<ClassDetail> {
    return this.http.get<ClassDetail>(`${school(schoolId)}/classes/${enc(classId)}`);
  }

  createClass(schoolId: string, input: ClassInput): Observable<ClassSummary> {
    return this.http.post<ClassSummary>(`${school(schoolId)}/classes`, input);
  }

  updateClass(schoolId: string, classId: string, update: ClassUpdate): Observable<ClassSummary> {
    return this.http.patch<ClassSummary>(`${school(schoolId)}/classes/${enc(classId)}`, update);
  }

  saveAssignments(schoolId: string, classId: string, update: ClassAssignmentsUpdate): Observable<TeachingAssignment[]> {
    return this.http.put<TeachingAssignment[]>(`${school(schoolId)}/classes/${enc(classId)}/assignments`, update);
  }

  attendanceDay(schoolId: string, classId: string, date: string): Observable<AttendanceSheet> {
    return this.http.get<AttendanceSheet>(`${school(schoolId)}/classes/${enc(classId)}/attendance/${enc(date)}`);
  }

  saveAttendanceDay(
    schoolId: string,
    classId: string,
    date: string,
    update: AttendanceSheetUpdate,
  ): Observable<AttendanceSheet> {
    return this.http.put<AttendanceSheet>(
      `${school(schoolId)}/classes/${enc(classId)}/attendance/${enc(date)}`,
      update,
    );
  }

  attendanceMonth(schoolId: string, classId: string, month: string): Observable<MonthlyAttendance> {
    return this.http.get<MonthlyAttendance>(`${school(schoolId)}/classes/${enc(classId)}/attendance`, {
      params: toParams({ month }),
    });
  }
}

function enc(value: string): string {
  return encodeURIComponent(value);
}

function school(schoolId: string): string {
  return `/api/schools/${enc(schoolId)}`;
}

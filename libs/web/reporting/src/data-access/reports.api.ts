import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AssetsReport,
  AssetsReportQuery,
  ClassReport,
  CompareQuery,
  CompareReport,
  FinanceReport,
  ReportFilterQuery,
  ReportJob,
  SchoolReport,
  SchoolYear,
  UnitReport,
} from '@emis/contracts';
import { toParams, withWholeScope } from '@emis/web/core';
import { Observable } from 'rxjs';
import {
  ASSETS_FILTER_FIELDS,
  CLASS_FILTER_FIELDS,
  COMPARE_FIELDS,
  FINANCE_FILTER_FIELDS,
  pickFields,
  SCHOOL_FILTER_FIELDS,
  UNIT_FILTER_FIELDS,
} from './report-filter';

const enc = encodeURIComponent;

/**
 * Calls of the report endpoints (libs/contracts/src/reporting.ts). The org unit, school or class is always named in
 * the URL, so the calls ignore the unit picked in the switcher (withWholeScope): a drill-down from the province to a
 * school of another unit must not be narrowed to the unit last picked. The API still limits them to the caller's scope.
 */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  schoolYears(): Observable<SchoolYear[]> {
    return this.http.get<SchoolYear[]>('/api/school-years');
  }

  unit(orgUnitId: string, filter: ReportFilterQuery): Observable<UnitReport> {
    return this.http.get<UnitReport>(this.unitPath(orgUnitId), this.options(pickFields(filter, UNIT_FILTER_FIELDS)));
  }

  school(schoolId: string, filter: ReportFilterQuery): Observable<SchoolReport> {
    return this.http.get<SchoolReport>(
      this.schoolPath(schoolId),
      this.options(pickFields(filter, SCHOOL_FILTER_FIELDS)),
    );
  }

  classReport(schoolId: string, classId: string, filter: ReportFilterQuery): Observable<ClassReport> {
    return this.http.get<ClassReport>(
      `${this.schoolPath(schoolId)}/classes/${enc(classId)}`,
      this.options(pickFields(filter, CLASS_FILTER_FIELDS)),
    );
  }

  compare(query: CompareQuery): Observable<CompareReport> {
    return this.http.get<CompareReport>('/api/reports/compare', this.options(pickFields(query, COMPARE_FIELDS)));
  }

  exportUnit(orgUnitId: string, filter: ReportFilterQuery): Observable<HttpResponse<Blob>> {
    return this.download(`${this.unitPath(orgUnitId)}/export.xlsx`, pickFields(filter, UNIT_FILTER_FIELDS));
  }

  exportSchool(schoolId: string, filter: ReportFilterQuery): Observable<HttpResponse<Blob>> {
    return this.download(`${this.schoolPath(schoolId)}/export.xlsx`, pickFields(filter, SCHOOL_FILTER_FIELDS));
  }

  exportCompare(query: CompareQuery): Observable<HttpResponse<Blob>> {
    return this.download('/api/reports/compare/export.xlsx', pickFields(query, COMPARE_FIELDS));
  }

  /** The public assets on the books of the department, a unit or a school. */
  assets(orgUnitId: string, query: AssetsReportQuery): Observable<AssetsReport> {
    return this.http.get<AssetsReport>(
      this.assetsPath(orgUnitId),
      this.options(pickFields(query, ASSETS_FILTER_FIELDS)),
    );
  }

  exportAssets(orgUnitId: string, query: AssetsReportQuery): Observable<HttpResponse<Blob>> {
    return this.download(`${this.assetsPath(orgUnitId)}/export.xlsx`, pickFields(query, ASSETS_FILTER_FIELDS));
  }

  /** The finance of the department, a unit or a school: the school year's dues, the fiscal year's budget. */
  finance(orgUnitId: string, filter: ReportFilterQuery, fiscalYear?: number): Observable<FinanceReport> {
    return this.http.get<FinanceReport>(this.financePath(orgUnitId), this.options(financeParams(filter, fiscalYear)));
  }

  exportFinance(orgUnitId: string, filter: ReportFilterQuery, fiscalYear?: number): Observable<HttpResponse<Blob>> {
    return this.download(`${this.financePath(orgUnitId)}/export.xlsx`, financeParams(filter, fiscalYear));
  }

  /** Starts the every-school workbook of the unit in the background (202). */
  startProvinceWorkbook(orgUnitId: string, filter: ReportFilterQuery): Observable<ReportJob> {
    return this.http.post<ReportJob>(
      '/api/reports/jobs',
      { kind: 'PROVINCE_WORKBOOK', filter: { ...pickFields(filter, UNIT_FILTER_FIELDS), orgUnitId } },
      { context: withWholeScope() },
    );
  }

  job(jobId: string): Observable<ReportJob> {
    return this.http.get<ReportJob>(`/api/reports/jobs/${enc(jobId)}`, { context: withWholeScope() });
  }

  jobFile(jobId: string): Observable<HttpResponse<Blob>> {
    return this.download(`/api/reports/jobs/${enc(jobId)}/file`, {});
  }

  private options(params: Record<string, string | undefined>) {
    return { params: toParams(params), context: withWholeScope() };
  }

  private download(url: string, params: Record<string, string | undefined>): Observable<HttpResponse<Blob>> {
    return this.http.get(url, {
      params: toParams(params),
      context: withWholeScope(),
      observe: 'response',
      responseType: 'blob',
    });
  }

  private unitPath(orgUnitId: string): string {
    return `/api/reports/units/${enc(orgUnitId)}`;
  }

  private assetsPath(orgUnitId: string): string {
    return `/api/reports/assets/${enc(orgUnitId)}`;
  }

  private financePath(orgUnitId: string): string {
    return `/api/reports/finance/${enc(orgUnitId)}`;
  }

  private schoolPath(schoolId: string): string {
    return `/api/reports/schools/${enc(schoolId)}`;
  }
}

function financeParams(filter: ReportFilterQuery, fiscalYear?: number): Record<string, string | undefined> {
  return { ...pickFields(filter, FINANCE_FILTER_FIELDS), fiscalYear: fiscalYear?.toString() };
}

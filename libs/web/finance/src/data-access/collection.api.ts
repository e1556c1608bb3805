import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  Charge,
  ChargeAdjustment,
  ChargeGeneration,
  ClassSummary,
  Debtor,
  FeeAccount,
  FeeException,
  FeeExceptionInput,
  FeePeriod,
  FeePeriodInput,
  FeeSchedule,
  FeeScheduleInput,
  FeeScheduleUpdate,
  ImportJob,
  Page,
  Payment,
  PaymentInput,
  ReceiptLink,
  RefundInput,
  SchoolYear,
  StudentSummary,
} from '@emis/contracts';
import { ExceptionStatus, PaymentMethod } from '@emis/domain';
import { toParams } from '@emis/web/core';
import { map, Observable } from 'rxjs';

/** A school has at most a few dozen classes a year: one page of the maximum size holds them all. */
const ALL_CLASSES = 200;
/** Enough pupils for a search box's suggestions; the official narrows the words rather than scrolls. */
const PUPIL_SUGGESTIONS = 8;

export interface ChargeFilters {
  periodId?: string;
  classId?: string;
  studentId?: string;
  outstanding?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface PaymentFilters {
  from?: string;
  to?: string;
  method?: PaymentMethod;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface DebtorFilters {
  classId?: string;
  periodId?: string;
}

/**
 * Calls of the school's collection (libs/contracts/src/finance.ts): fee schedules and exceptions, fee periods and the
 * generation of what pupils owe, charges and a pupil's account, payments, refunds, reversals and receipts, debtors.
 * School years, classes and the pupil search are read from the academic and people contexts' own endpoints.
 */
@Injectable({ providedIn: 'root' })
export class CollectionApi {
  private readonly http = inject(HttpClient);

  schoolYears(): Observable<SchoolYear[]> {
    return this.http
      .get<SchoolYear[] | Page<SchoolYear>>('/api/school-years')
      .pipe(map((answer) => (Array.isArray(answer) ? answer : answer.items)));
  }

  classes(schoolId: string, yearId: string): Observable<ClassSummary[]> {
    return this.http
      .get<Page<ClassSummary>>(`${school(schoolId)}/classes`, {
        params: toParams({ yearId, pageSize: ALL_CLASSES, sort: 'grade' }),
      })
      .pipe(map((page) => page.items));
  }

  /** Pupils by code or name for the payment entry and an exception's request. */
  searchPupils(schoolId: string, q: string): Observable<StudentSummary[]> {
    return this.http
      .get<Page<StudentSummary>>(`${school(schoolId)}/students`, {
        params: toParams({ q, pageSize: PUPIL_SUGGESTIONS }),
      })
      .pipe(map((page) => page.items));
  }

  // — fee schedules —

  feeSchedules(schoolId: string, schoolYearId: string): Observable<FeeSchedule[]> {
    return this.http.get<FeeSchedule[]>(`${school(schoolId)}/fee-schedules`, { params: toParams({ schoolYearId }) });
  }

  createFeeSchedule(schoolId: string, body: FeeScheduleInput): Observable<FeeSchedule> {
    return this.http.post<FeeSchedule>(`${school(schoolId)}/fee-schedules`, body);
  }

  updateFeeSchedule(schoolId: string, id: string, body: FeeScheduleUpdate): Observable<FeeSchedule> {
    return this.http.patch<FeeSchedule>(feeSchedule(schoolId, id), body);
  }

  adoptFeeSchedule(schoolId: string, id: string, decisionNumber: string, adoptedOn: string): Observable<FeeSchedule> {
    return this.http.post<FeeSchedule>(`${feeSchedule(schoolId, id)}/adopt`, { decisionNumber, adoptedOn });
  }

  withdrawFeeSchedule(schoolId: string, id: string): Observable<FeeSchedule> {
    return this.http.post<FeeSchedule>(`${feeSchedule(schoolId, id)}/withdraw`, {});
  }

  adoptProvince(schoolId: string, schoolYearId: string): Observable<FeeSchedule[]> {
    return this.http.post<FeeSchedule[]>(`${school(schoolId)}/fee-schedules/adopt-province`, { schoolYearId });
  }

  exportFeeSchedules(schoolId: string, schoolYearId: string): Observable<HttpResponse<Blob>> {
    return this.download(`${school(schoolId)}/fee-schedules/export.xlsx`, { schoolYearId });
  }

  /** The year's lines from the workbook the export gives (202: a job followed through the imports endpoints). */
  importFeeSchedules(schoolId: string, schoolYearId: string, file: File): Observable<ImportJob> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportJob>(`${school(schoolId)}/fee-schedules/import`, body, {
      params: toParams({ schoolYearId }),
    });
  }

  // — exceptions —

  feeExceptions(schoolId: string, schoolYearId: string, status?: ExceptionStatus): Observable<FeeException[]> {
    return this.http.get<FeeException[]>(`${school(schoolId)}/fee-exceptions`, {
      params: toParams({ schoolYearId, status }),
    });
  }

  askException(schoolId: string, body: FeeExceptionInput): Observable<FeeException> {
    return this.http.post<FeeException>(`${school(schoolId)}/fee-exceptions`, body);
  }

  /** An approval may say nothing (note null); a rejection says why. */
  decideException(
    schoolId: string,
    id: string,
    decision: 'approve' | 'reject',
    note: string | null,
  ): Observable<FeeException> {
    return this.http.post<FeeException>(`${school(schoolId)}/fee-exceptions/${encodeURIComponent(id)}/${decision}`, {
      note,
    });
  }

  // — periods and the generation of charges —

  periods(schoolId: string, schoolYearId: string): Observable<FeePeriod[]> {
    return this.http.get<FeePeriod[]>(`${school(schoolId)}/fee-periods`, { params: toParams({ schoolYearId }) });
  }

  createPeriod(schoolId: string, body: FeePeriodInput): Observable<FeePeriod> {
    return this.http.post<FeePeriod>(`${school(schoolId)}/fee-periods`, body);
  }

  proposePeriods(schoolId: string, schoolYearId: string): Observable<FeePeriod[]> {
    return this.http.post<FeePeriod[]>(`${school(schoolId)}/fee-periods/propose`, { schoolYearId });
  }

  closePeriod(schoolId: string, periodId: string): Observable<FeePeriod> {
    return this.http.post<FeePeriod>(`${period(schoolId, periodId)}/close`, {});
  }

  /** A dry run answers what a generation would do without writing; a long run answers QUEUED (202) to follow. */
  generate(schoolId: string, periodId: string, dryRun: boolean): Observable<ChargeGeneration> {
    return this.http.post<ChargeGeneration>(`${period(schoolId, periodId)}/generate`, { dryRun });
  }

  generation(schoolId: string, periodId: string): Observable<ChargeGeneration> {
    return this.http.get<ChargeGeneration>(`${period(schoolId, periodId)}/generation`);
  }

  // — charges, accounts and adjustments —

  charges(schoolId: string, filters: ChargeFilters): Observable<Page<Charge>> {
    return this.http.get<Page<Charge>>(`${school(schoolId)}/charges`, {
      params: toParams({ ...filters, outstanding: filters.outstanding ? 'true' : undefined }),
    });
  }

  feeAccount(schoolId: string, studentId: string, schoolYearId?: string): Observable<FeeAccount> {
    return this.http.get<FeeAccount>(`${school(schoolId)}/students/${encodeURIComponent(studentId)}/fee-account`, {
      params: toParams({ schoolYearId }),
    });
  }

  reverseAdjustment(schoolId: string, adjustmentId: string, reason: string): Observable<ChargeAdjustment> {
    return this.http.post<ChargeAdjustment>(
      `${school(schoolId)}/charge-adjustments/${encodeURIComponent(adjustmentId)}/reverse`,
      { reason },
    );
  }

  // — payments and receipts —

  payments(schoolId: string, filters: PaymentFilters): Observable<Page<Payment>> {
    return this.http.get<Page<Payment>>(`${school(schoolId)}/payments`, { params: toParams({ ...filters }) });
  }

  recordPayment(schoolId: string, body: PaymentInput): Observable<Payment> {
    return this.http.post<Payment>(`${school(schoolId)}/payments`, body);
  }

  refund(schoolId: string, paymentId: string, body: RefundInput): Observable<Payment> {
    return this.http.post<Payment>(`${payment(schoolId, paymentId)}/refund`, body);
  }

  reversePayment(schoolId: string, paymentId: string, reason: string): Observable<Payment> {
    return this.http.post<Payment>(`${payment(schoolId, paymentId)}/reverse`, { reason });
  }

  receiptPdf(schoolId: string, paymentId: string): Observable<HttpResponse<Blob>> {
    return this.download(`${payment(schoolId, paymentId)}/receipt.pdf`, {});
  }

  receiptLink(schoolId: string, paymentId: string): Observable<ReceiptLink> {
    return this.http.get<ReceiptLink>(`${payment(schoolId, paymentId)}/receipt-link`);
  }

  /** The dates and method of the list (the export takes no search words: it is the period's register). */
  exportPayments(schoolId: string, filters: PaymentFilters): Observable<HttpResponse<Blob>> {
    const { from, to, method } = filters;
    return this.download(`${school(schoolId)}/payments/export.xlsx`, { from, to, method });
  }

  /** A collection list from Excel (every row checked first), uploaded like the people lists. */
  importPayments(schoolId: string, file: File): Observable<ImportJob> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportJob>(`${school(schoolId)}/imports/payments`, body);
  }

  paymentsTemplate(schoolId: string): Observable<HttpResponse<Blob>> {
    return this.download(`${school(schoolId)}/imports/templates/payments.xlsx`, {});
  }

  // — debtors —

  debtors(schoolId: string, filters: DebtorFilters): Observable<Debtor[]> {
    return this.http.get<Debtor[]>(`${school(schoolId)}/debtors`, { params: toParams({ ...filters }) });
  }

  debtorsFile(schoolId: string, file: 'export.xlsx' | 'pdf', filters: DebtorFilters): Observable<HttpResponse<Blob>> {
    const path = file === 'pdf' ? `${school(schoolId)}/debtors.pdf` : `${school(schoolId)}/debtors/export.xlsx`;
    return this.download(path, { ...filters });
  }

  private download(path: string, query: Record<string, string | undefined>): Observable<HttpResponse<Blob>> {
    return this.http.get(path, { params: toParams(query), responseType: 'blob', observe: 'response' });
  }
}

function school(schoolId: string): string {
  return `/api/schools/${encodeURIComponent(schoolId)}`;
}

function feeSchedule(schoolId: string, id: string): string {
  return `${school(schoolId)}/fee-schedules/${encodeURIComponent(id)}`;
}

function period(schoolId: string, periodId: string): string {
  return `${school(schoolId)}/fee-periods/${encodeURIComponent(periodId)}`;
}

function payment(schoolId: string, paymentId: string): string {
  return `${school(schoolId)}/payments/${encodeURIComponent(paymentId)}`;
}

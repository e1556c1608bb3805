import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  Page,
  StudentTransfer,
  TransferAccept,
  TransferDecision,
  TransferRequest,
  TransferTarget,
} from '@emis/contracts';
import { TransferStatus } from '@emis/domain';
import { Observable } from 'rxjs';
import { toParams } from '@emis/web/core';

export type TransferDirection = 'IN' | 'OUT';

/** The two-sided transfer workflow: the sending school releases, the receiving school accepts or rejects. */
@Injectable({ providedIn: 'root' })
export class TransfersApi {
  private readonly http = inject(HttpClient);

  release(schoolId: string, studentId: string, request: TransferRequest): Observable<StudentTransfer> {
    return this.http.post<StudentTransfer>(
      `/api/schools/${encodeURIComponent(schoolId)}/students/${encodeURIComponent(studentId)}/transfers`,
      request,
    );
  }

  list(
    schoolId: string,
    request: { direction: TransferDirection; status?: TransferStatus; page?: number; pageSize?: number },
  ): Observable<Page<StudentTransfer>> {
    return this.http.get<Page<StudentTransfer>>(this.base(schoolId), { params: toParams({ ...request }) });
  }

  accept(schoolId: string, transferId: string, body: TransferAccept): Observable<StudentTransfer> {
    return this.http.post<StudentTransfer>(`${this.one(schoolId, transferId)}/accept`, body);
  }

  reject(schoolId: string, transferId: string, body: TransferDecision): Observable<StudentTransfer> {
    return this.http.post<StudentTransfer>(`${this.one(schoolId, transferId)}/reject`, body);
  }

  cancel(schoolId: string, transferId: string): Observable<StudentTransfer> {
    return this.http.post<StudentTransfer>(`${this.one(schoolId, transferId)}/cancel`, {});
  }

  /** Schools of the province a student can move to (name and code only). */
  targets(q: string): Observable<TransferTarget[]> {
    return this.http.get<TransferTarget[]>('/api/transfer-targets', { params: toParams({ q }) });
  }

  private base(schoolId: string): string {
    return `/api/schools/${encodeURIComponent(schoolId)}/transfers`;
  }

  private one(schoolId: string, transferId: string): string {
    return `${this.base(schoolId)}/${encodeURIComponent(transferId)}`;
  }
}

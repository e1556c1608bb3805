import { HttpClient, HttpEvent, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AssetDetail,
  AssetDisposalInput,
  AssetInventory,
  AssetLoan,
  AssetLoanInput,
  AssetMoveInput,
  AssetReturnInput,
  AssetTransfer,
  AssetTransferAcceptInput,
  AssetTransferInput,
  AssetTransferRejectInput,
  ImportJob,
  InventoryApproveInput,
  InventoryCloseInput,
  InventoryLine,
  InventoryLineInput,
  InventoryOpenInput,
  InventoryScanInput,
  InventorySurplusInput,
  TransferTarget,
} from '@emis/contracts';
import { AssetTransferStatus } from '@emis/domain';
import { toParams } from '@emis/web/core';
import { Observable } from 'rxjs';

export type TransferDirection = AssetTransfer['direction'];
export type InventoryFile = 'checklist.xlsx' | 'checklist.pdf' | 'report.xlsx' | 'report.pdf';

/**
 * Calls of the asset movements and the annual inventory (libs/contracts/src/assets.ts): moves, loans, disposal,
 * transfers between schools (two-sided), and counting, closing and approving an inventory.
 */
@Injectable({ providedIn: 'root' })
export class OperationsApi {
  private readonly http = inject(HttpClient);

  move(schoolId: string, assetId: string, body: AssetMoveInput): Observable<AssetDetail> {
    return this.http.post<AssetDetail>(`${asset(schoolId, assetId)}/move`, body);
  }

  lend(schoolId: string, assetId: string, body: AssetLoanInput): Observable<AssetLoan> {
    return this.http.post<AssetLoan>(`${asset(schoolId, assetId)}/loans`, body);
  }

  returnLoan(schoolId: string, assetId: string, loanId: string, body: AssetReturnInput): Observable<AssetLoan> {
    return this.http.post<AssetLoan>(`${asset(schoolId, assetId)}/loans/${encodeURIComponent(loanId)}/return`, body);
  }

  dispose(schoolId: string, assetId: string, body: AssetDisposalInput): Observable<AssetDetail> {
    return this.http.post<AssetDetail>(`${asset(schoolId, assetId)}/disposal`, body);
  }

  transferOut(schoolId: string, assetId: string, body: AssetTransferInput): Observable<AssetTransfer> {
    return this.http.post<AssetTransfer>(`${asset(schoolId, assetId)}/transfers`, body);
  }

  transfers(schoolId: string, direction: TransferDirection, status?: AssetTransferStatus): Observable<AssetTransfer[]> {
    return this.http.get<AssetTransfer[]>(`${school(schoolId)}/asset-transfers`, {
      params: toParams({ direction, status }),
    });
  }

  acceptTransfer(schoolId: string, transferId: string, locationId: string | null): Observable<AssetTransfer> {
    const body: AssetTransferAcceptInput = { locationId };
    return this.http.post<AssetTransfer>(`${transfer(schoolId, transferId)}/accept`, body);
  }

  rejectTransfer(schoolId: string, transferId: string, reason: string): Observable<AssetTransfer> {
    const body: AssetTransferRejectInput = { reason };
    return this.http.post<AssetTransfer>(`${transfer(schoolId, transferId)}/reject`, body);
  }

  cancelTransfer(schoolId: string, transferId: string): Observable<AssetTransfer> {
    return this.http.post<AssetTransfer>(`${transfer(schoolId, transferId)}/cancel`, {});
  }

  /**
   * Schools of the province that can receive: the same list the pupil transfer offers (name and code only), so a
   * school administrator picks a school without seeing the department's tree.
   */
  transferTargets(q: string): Observable<TransferTarget[]> {
    return this.http.get<TransferTarget[]>('/api/transfer-targets', { params: toParams({ q }) });
  }

  inventories(schoolId: string): Observable<AssetInventory[]> {
    return this.http.get<AssetInventory[]>(inventories(schoolId));
  }

  inventory(schoolId: string, inventoryId: string): Observable<AssetInventory> {
    return this.http.get<AssetInventory>(inventory(schoolId, inventoryId));
  }

  openInventory(schoolId: string, body: InventoryOpenInput): Observable<AssetInventory> {
    return this.http.post<AssetInventory>(inventories(schoolId), body);
  }

  countLine(
    schoolId: string,
    inventoryId: string,
    lineId: string,
    body: InventoryLineInput,
  ): Observable<InventoryLine> {
    return this.http.put<InventoryLine>(
      `${inventory(schoolId, inventoryId)}/lines/${encodeURIComponent(lineId)}`,
      body,
    );
  }

  scan(schoolId: string, inventoryId: string, code: string): Observable<InventoryLine> {
    const body: InventoryScanInput = { code };
    return this.http.post<InventoryLine>(`${inventory(schoolId, inventoryId)}/scan`, body);
  }

  addSurplus(schoolId: string, inventoryId: string, body: InventorySurplusInput): Observable<InventoryLine> {
    return this.http.post<InventoryLine>(`${inventory(schoolId, inventoryId)}/surplus`, body);
  }

  /** The filled checklist back, with upload progress events (a phone on a school's network is slow). */
  importChecklist(schoolId: string, inventoryId: string, file: File): Observable<HttpEvent<ImportJob>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportJob>(`${inventory(schoolId, inventoryId)}/import`, body, {
      reportProgress: true,
      observe: 'events',
    });
  }

  /** A checklist import running in the background is followed through the imports endpoints. */
  importJob(schoolId: string, jobId: string): Observable<ImportJob> {
    return this.http.get<ImportJob>(`${school(schoolId)}/imports/${encodeURIComponent(jobId)}`);
  }

  close(schoolId: string, inventoryId: string, committee: string[]): Observable<AssetInventory> {
    const body: InventoryCloseInput = { committee };
    return this.http.post<AssetInventory>(`${inventory(schoolId, inventoryId)}/close`, body);
  }

  approve(schoolId: string, inventoryId: string, decisionNumber: string): Observable<AssetInventory> {
    const body: InventoryApproveInput = { decisionNumber };
    return this.http.post<AssetInventory>(`${inventory(schoolId, inventoryId)}/approve`, body);
  }

  /** A checklist (per room when locationId is given) or the inventory report, as Excel or PDF. */
  download(
    schoolId: string,
    inventoryId: string,
    file: InventoryFile,
    locationId?: string | null,
  ): Observable<HttpResponse<Blob>> {
    return this.http.get(`${inventory(schoolId, inventoryId)}/${file}`, {
      params: toParams({ locationId }),
      responseType: 'blob',
      observe: 'response',
    });
  }
}

function school(schoolId: string): string {
  return `/api/schools/${encodeURIComponent(schoolId)}`;
}

function asset(schoolId: string, assetId: string): string {
  return `${school(schoolId)}/assets/${encodeURIComponent(assetId)}`;
}

function transfer(schoolId: string, transferId: string): string {
  return `${school(schoolId)}/asset-transfers/${encodeURIComponent(transferId)}`;
}

function inventories(schoolId: string): string {
  return `${school(schoolId)}/asset-inventories`;
}

function inventory(schoolId: string, inventoryId: string): string {
  return `${inventories(schoolId)}/${encodeURIComponent(inventoryId)}`;
}

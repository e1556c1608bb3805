import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AssetAttachment,
  AssetCategory,
  AssetCategoryUpdate,
  AssetDetail,
  AssetInput,
  AssetLocation,
  AssetLocationInput,
  AssetPolicy,
  AssetSummary,
  AssetUpdate,
  CostChangeInput,
  Page,
  WearRun,
  WearTable,
} from '@emis/contracts';
import { AssetClass, AssetKind, AssetStatus, AttachmentKind, FundingSource } from '@emis/domain';
import { toParams } from '@emis/web/core';
import { Observable } from 'rxjs';

/** The register's sort keys; a leading '-' sorts descending. */
export const ASSET_SORT_KEYS = ['code', 'name', 'cost', 'inUseOn'] as const;
export type AssetSortKey = (typeof ASSET_SORT_KEYS)[number];
export type AssetSort = AssetSortKey | `-${AssetSortKey}`;

export interface AssetFilters {
  q?: string;
  assetClass?: AssetClass;
  kind?: AssetKind;
  status?: AssetStatus;
  locationId?: string;
  fundingSource?: FundingSource;
  sort?: AssetSort;
}

export interface AssetListRequest extends AssetFilters {
  page?: number;
  pageSize?: number;
}

type Download = Observable<HttpResponse<Blob>>;

/**
 * Calls of the register, labels, wear and configuration endpoints (libs/contracts/src/assets.ts). Files come through
 * HttpClient as blobs so the Authorization header goes along; the token never sits in a URL.
 */
@Injectable({ providedIn: 'root' })
export class AssetsApi {
  private readonly http = inject(HttpClient);

  list(schoolId: string, request: AssetListRequest): Observable<Page<AssetSummary>> {
    return this.http.get<Page<AssetSummary>>(assetsPath(schoolId), { params: toParams({ ...request }) });
  }

  exportList(schoolId: string, filters: AssetFilters): Download {
    return this.download(`${assetsPath(schoolId)}/export.xlsx`, { ...filters });
  }

  get(schoolId: string, assetId: string): Observable<AssetDetail> {
    return this.http.get<AssetDetail>(assetPath(schoolId, assetId));
  }

  create(schoolId: string, input: AssetInput): Observable<AssetDetail> {
    return this.http.post<AssetDetail>(assetsPath(schoolId), input);
  }

  update(schoolId: string, assetId: string, update: AssetUpdate): Observable<AssetDetail> {
    return this.http.patch<AssetDetail>(assetPath(schoolId, assetId), update);
  }

  changeCost(schoolId: string, assetId: string, input: CostChangeInput): Observable<AssetDetail> {
    return this.http.post<AssetDetail>(`${assetPath(schoolId, assetId)}/cost-changes`, input);
  }

  attach(schoolId: string, assetId: string, file: File, kind: AttachmentKind): Observable<AssetAttachment> {
    const body = new FormData();
    body.append('kind', kind);
    body.append('file', file, file.name);
    return this.http.post<AssetAttachment>(`${assetPath(schoolId, assetId)}/attachments`, body);
  }

  attachment(schoolId: string, assetId: string, attachmentId: string): Download {
    return this.download(`${assetPath(schoolId, assetId)}/attachments/${encodeURIComponent(attachmentId)}`);
  }

  removeAttachment(schoolId: string, assetId: string, attachmentId: string): Observable<void> {
    return this.http.delete<void>(`${assetPath(schoolId, assetId)}/attachments/${encodeURIComponent(attachmentId)}`);
  }

  label(schoolId: string, assetId: string): Download {
    return this.download(`${assetPath(schoolId, assetId)}/label.pdf`);
  }

  labels(schoolId: string, assetIds: readonly string[]): Download {
    return this.download(`${assetsPath(schoolId)}/labels.pdf`, { ids: assetIds.join(',') });
  }

  locations(schoolId: string): Observable<AssetLocation[]> {
    return this.http.get<AssetLocation[]>(`${schoolPath(schoolId)}/asset-locations`);
  }

  addLocation(schoolId: string, input: AssetLocationInput): Observable<AssetLocation> {
    return this.http.post<AssetLocation>(`${schoolPath(schoolId)}/asset-locations`, input);
  }

  categories(): Observable<AssetCategory[]> {
    return this.http.get<AssetCategory[]>(`${CONFIG_PATH}/categories`);
  }

  updateCategory(code: string, update: AssetCategoryUpdate): Observable<AssetCategory> {
    return this.http.put<AssetCategory>(`${CONFIG_PATH}/categories/${encodeURIComponent(code)}`, update);
  }

  policy(): Observable<AssetPolicy> {
    return this.http.get<AssetPolicy>(`${CONFIG_PATH}/policy`);
  }

  updatePolicy(policy: AssetPolicy): Observable<AssetPolicy> {
    return this.http.put<AssetPolicy>(`${CONFIG_PATH}/policy`, policy);
  }

  wearTable(schoolId: string, year: number): Observable<WearTable> {
    return this.http.get<WearTable>(`${schoolPath(schoolId)}/asset-wear`, { params: toParams({ year }) });
  }

  exportWear(schoolId: string, year: number, format: 'xlsx' | 'pdf'): Download {
    return this.download(`${schoolPath(schoolId)}/asset-wear/${year}/export.${format}`);
  }

  /** A school's run when schoolId is given, otherwise the province's (the department's, one job per school). */
  startWearRun(schoolId: string | null, year: number): Observable<WearRun> {
    return this.http.post<WearRun>(`${wearRunsPath(schoolId)}`, { year });
  }

  wearRun(schoolId: string | null, runId: string): Observable<WearRun> {
    return this.http.get<WearRun>(`${wearRunsPath(schoolId)}/${encodeURIComponent(runId)}`);
  }

  private download(path: string, params: Record<string, string | number | undefined> = {}): Download {
    return this.http.get(path, { params: toParams(params), responseType: 'blob', observe: 'response' });
  }
}

const CONFIG_PATH = '/api/assets-config';

function schoolPath(schoolId: string): string {
  return `/api/schools/${encodeURIComponent(schoolId)}`;
}

function assetsPath(schoolId: string): string {
  return `${schoolPath(schoolId)}/assets`;
}

function assetPath(schoolId: string, assetId: string): string {
  return `${assetsPath(schoolId)}/${encodeURIComponent(assetId)}`;
}

function wearRunsPath(schoolId: string | null): string {
  return schoolId ? `${schoolPath(schoolId)}/asset-wear/runs` : '/api/asset-wear/runs';
}

import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ImportJob,
  MAX_PAGE_SIZE,
  OrgUnitAdminDetail,
  OrgUnitAdminItem,
  OrgUnitAdminQuery,
  OrgUnitClose,
  OrgUnitCreate,
  OrgUnitMove,
  OrgUnitReopen,
  OrgUnitUpdate,
  Page,
  PageQuery,
} from '@emis/contracts';
import { toParams, withWholeScope } from '@emis/web/core';
import { EMPTY, expand, forkJoin, map, Observable, reduce } from 'rxjs';

const BASE = '/api/org-admin/units';

export interface OrgUnitListRequest extends PageQuery, OrgUnitAdminQuery {}

/**
 * Organisation administration (libs/contracts organisation.ts): the department's units and schools, their moves
 * and closings. Every call covers the caller's whole scope (the tree page is not about the unit picked in the
 * switcher), so none sends X-Org-Unit.
 */
@Injectable({ providedIn: 'root' })
export class OrganisationApi {
  private readonly http = inject(HttpClient);

  list(request: OrgUnitListRequest): Observable<Page<OrgUnitAdminItem>> {
    const { page, pageSize, sort, q, kind, parentId, level, includeClosed } = request;
    return this.http.get<Page<OrgUnitAdminItem>>(BASE, {
      params: toParams({
        page,
        pageSize,
        sort,
        q,
        kind,
        parentId,
        level,
        includeClosed: includeClosed ? 'true' : null,
      }),
      context: withWholeScope(),
    });
  }

  /**
   * Every department and unit of the scope, closed ones too (the tree, the parent and move pickers). A province has
   * tens to a few hundred of them, so the pages are fetched one after another until the total is reached.
   */
  allUnits(): Observable<OrgUnitAdminItem[]> {
    const kinds = ['DEPARTMENT', 'UNIT'] as const;
    return forkJoin(kinds.map((kind) => this.everyPage({ kind, includeClosed: true }))).pipe(
      map((lists) => lists.flat()),
    );
  }

  get(id: string): Observable<OrgUnitAdminDetail> {
    return this.http.get<OrgUnitAdminDetail>(this.unit(id), { context: withWholeScope() });
  }

  create(body: OrgUnitCreate): Observable<OrgUnitAdminDetail> {
    return this.http.post<OrgUnitAdminDetail>(BASE, body, { context: withWholeScope() });
  }

  update(id: string, body: OrgUnitUpdate): Observable<OrgUnitAdminDetail> {
    return this.http.patch<OrgUnitAdminDetail>(this.unit(id), body, { context: withWholeScope() });
  }

  move(id: string, body: OrgUnitMove): Observable<OrgUnitAdminDetail> {
    return this.http.post<OrgUnitAdminDetail>(`${this.unit(id)}/move`, body, { context: withWholeScope() });
  }

  close(id: string, body: OrgUnitClose): Observable<OrgUnitAdminDetail> {
    return this.http.post<OrgUnitAdminDetail>(`${this.unit(id)}/close`, body, { context: withWholeScope() });
  }

  reopen(id: string, body: OrgUnitReopen): Observable<OrgUnitAdminDetail> {
    return this.http.post<OrgUnitAdminDetail>(`${this.unit(id)}/reopen`, body, { context: withWholeScope() });
  }

  /** The list as filtered, as a workbook whose first columns are the import's layout. */
  exportWorkbook(query: OrgUnitListRequest): Observable<HttpResponse<Blob>> {
    const { q, kind, parentId, level, includeClosed } = query;
    return this.http.get(`${BASE}/export`, {
      params: toParams({ q, kind, parentId, level, includeClosed: includeClosed ? 'true' : null }),
      responseType: 'blob',
      observe: 'response',
      context: withWholeScope(),
    });
  }

  importTemplate(): Observable<HttpResponse<Blob>> {
    return this.http.get(`${BASE}/import/template`, {
      responseType: 'blob',
      observe: 'response',
      context: withWholeScope(),
    });
  }

  /** Queues the import as a job of the department (followed through the imports endpoints of its own unit). */
  importSchools(file: File): Observable<ImportJob> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportJob>(`${BASE}/import`, body, { context: withWholeScope() });
  }

  private everyPage(query: OrgUnitAdminQuery): Observable<OrgUnitAdminItem[]> {
    const fetch = (page: number) => this.list({ ...query, page, pageSize: MAX_PAGE_SIZE });
    return fetch(1).pipe(
      expand((answer) =>
        answer.items.length > 0 && answer.page * answer.pageSize < answer.total ? fetch(answer.page + 1) : EMPTY,
      ),
      reduce((items: OrgUnitAdminItem[], answer) => [...items, ...answer.items], []),
    );
  }

  private unit(id: string): string {
    return `${BASE}/${encodeURIComponent(id)}`;
  }
}

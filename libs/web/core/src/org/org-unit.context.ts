import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { OrgUnitNode } from '@emis/contracts';
import { OrgUnitKind } from '@emis/domain';
import { catchError, EMPTY, Observable, shareReplay, tap, throwError } from 'rxjs';
import { AuthStore } from '../auth/auth.store';
import { withWholeScope } from '../http/request-context';

const STORAGE_KEY = 'emis.orgUnit';

/** The choice is stored with the user's id, so the next person signing in on this tab starts from their own unit. */
interface StoredChoice {
  userId: string;
  unitId: string;
}

export interface CurrentUnit {
  id: string;
  name: string;
  kind: OrgUnitKind;
}

/**
 * The org unit the user is looking at: their own unit, or a unit of their subtree picked in the switcher.
 * The picked unit travels to the API as the X-Org-Unit header (see apiInterceptor).
 */
@Injectable({ providedIn: 'root' })
export class OrgUnitContext {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly stored = signal<StoredChoice | null>(readStoredChoice());
  private readonly loadedTree = signal<{ userId: string; nodes: OrgUnitNode[] } | null>(null);
  private treeRequest: { userId: string; request: Observable<OrgUnitNode[]> } | null = null;

  /** The caller's visible subtree, flat; empty until loadTree() has answered for the current user. */
  readonly tree = computed(() => {
    const loaded = this.loadedTree();
    return loaded && loaded.userId === this.auth.user()?.id ? loaded.nodes : [];
  });

  readonly nodesById = computed(() => new Map(this.tree().map((node) => [node.id, node])));

  /** Null when the user looks at their own unit: then no X-Org-Unit header is sent. */
  readonly selectedUnitId = computed(() => {
    const choice = this.stored();
    const user = this.auth.user();
    if (!choice || !user || choice.userId !== user.id || choice.unitId === user.orgUnitId) return null;
    return choice.unitId;
  });

  readonly currentUnit = computed<CurrentUnit | null>(() => {
    const user = this.auth.user();
    if (!user) return null;
    const selected = this.selectedUnitId();
    const node = selected ? this.nodesById().get(selected) : undefined;
    if (node) return { id: node.id, name: node.name, kind: node.kind };
    return { id: user.orgUnitId, name: user.orgUnitName, kind: user.orgUnitKind };
  });

  /**
   * The school whose records the people pages (students, classes, staff) show: the current unit when it is a
   * school; null for a department or unit view, where those pages ask the user to pick a school first.
   */
  readonly currentSchoolId = computed(() => {
    const unit = this.currentUnit();
    return unit?.kind === 'SCHOOL' ? unit.id : null;
  });

  select(unitId: string | null): void {
    const user = this.auth.user();
    const choice = user && unitId && unitId !== user.orgUnitId ? { userId: user.id, unitId } : null;
    this.stored.set(choice);
    try {
      if (choice) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage may be disabled (private mode, policy); the choice then lasts until reload.
    }
  }

  /** Reads the tree again after it changed (a unit created, moved, closed); the old one is shown until it answers. */
  reloadTree(): Observable<OrgUnitNode[]> {
    this.treeRequest = null;
    return this.loadTree();
  }

  /** Loads the tree once per signed-in user; later calls share the first answer, a failed load is retried. */
  loadTree(): Observable<OrgUnitNode[]> {
    const userId = this.auth.user()?.id;
    if (!userId) return EMPTY;
    if (this.treeRequest?.userId !== userId) {
      const request = this.http.get<OrgUnitNode[]>('/api/org-units/tree', { context: withWholeScope() }).pipe(
        tap((nodes) => {
          this.loadedTree.set({ userId, nodes });
          const selected = this.selectedUnitId();
          if (selected && !nodes.some((node) => node.id === selected)) this.select(null);
        }),
        catchError((error: unknown) => {
          this.treeRequest = null;
          return throwError(() => error);
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      this.treeRequest = { userId, request };
    }
    return this.treeRequest.request;
  }
}

function readStoredChoice(): StoredChoice | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as StoredChoice).userId === 'string' &&
      typeof (parsed as StoredChoice).unitId === 'string'
    ) {
      return parsed as StoredChoice;
    }
  } catch {
    // A malformed or unreadable entry is treated as no choice.
  }
  return null;
}

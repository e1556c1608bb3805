import { Injectable, NotFoundException } from '@nestjs/common';
import { CTX, PageQueryDto, Principal, Refusal, RefusalLog, toPage, toSqlPaging } from '@emis/api/platform';
import type { Page, SecurityAlertCount, SecurityEvent, SecurityEventKind, SecurityEventQuery } from '@emis/contracts';
import { REFUSAL_BURST } from '@emis/domain';
import { CLS_REQ, ClsService } from 'nestjs-cls';
import { SecurityAlertQueue } from './security-alert.queue';
import { SecurityEventRow, SecurityEventsRepository } from './security-events.repository';

export interface SecurityEventInput {
  kind: SecurityEventKind;
  /** Alert the department's administrator (in the app; by webhook when configured). */
  alert?: boolean;
  /** The school or unit the attempt concerned, when there is one. */
  schoolId?: string | null;
  detail?: Record<string, unknown>;
  /** Defaults to the request's principal. */
  actor?: Principal;
}

/**
 * The port every context calls to record a security event (docs/security/coverage.md). Written on its own
 * connection, not in the caller's transaction: a refusal rolls its request back, and the event must stay. An alert is
 * listed in the app at once (the row itself) and handed to the alert queue for the webhook.
 */
@Injectable()
export class SecurityEvents implements RefusalLog {
  /**
   * Users whose burst this process raised or found, until when: past the threshold every further refusal of the
   * window would otherwise ask the database again (a sweep makes thousands).
   */
  private readonly burstUntil = new Map<string, number>();

  constructor(
    private readonly repo: SecurityEventsRepository,
    private readonly cls: ClsService,
    private readonly alerts: SecurityAlertQueue,
  ) {}

  async record(event: SecurityEventInput): Promise<void> {
    const stored = await this.repo.insert(this.rowOf(event));
    if (stored.alert) await this.alerts.deliver(stored);
  }

  /**
   * A refused request (the problem filter hands every typed refusal here). Many by one user within the window make
   * one REFUSAL_BURST alert: an enumeration of other schools' ids, or of routes the role may not call.
   */
  async refused(refusal: Refusal): Promise<void> {
    const row = this.rowOf(refusal);
    const refusals = await this.repo.insertRefusal(row, REFUSAL_BURST.windowSeconds);
    if (!row.userId || refusals < REFUSAL_BURST.threshold || this.burstRaised(row.userId)) return;
    const burst = await this.repo.insertBurstOnce(
      {
        ...row,
        kind: 'REFUSAL_BURST',
        alert: true,
        detail: { refusals, windowSeconds: REFUSAL_BURST.windowSeconds, last: refusal.kind },
      },
      REFUSAL_BURST.windowSeconds,
    );
    this.burstUntil.set(row.userId, Date.now() + REFUSAL_BURST.windowSeconds * 1000);
    if (burst) await this.alerts.deliver(burst);
  }

  async list(query: SecurityEventQuery & PageQueryDto): Promise<Page<SecurityEvent>> {
    const paging = toSqlPaging(query, { at: 'at', kind: 'kind' }, '-at');
    const { items, total } = await this.repo.list(query, paging);
    return toPage(items, total, paging);
  }

  async acknowledge(id: string, actor: Principal): Promise<SecurityEvent> {
    const event = await this.repo.acknowledge(id, actor.userId);
    if (!event) throw new NotFoundException();
    return event;
  }

  async openAlerts(): Promise<SecurityAlertCount> {
    return { openAlerts: await this.repo.openAlertCount() };
  }

  private burstRaised(userId: string): boolean {
    const until = this.burstUntil.get(userId);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.burstUntil.delete(userId);
    return false;
  }

  private rowOf(event: SecurityEventInput): SecurityEventRow {
    const active = this.cls.isActive();
    const who = event.actor ?? (active ? this.cls.get<Principal | undefined>(CTX.principal) : undefined);
    const request = active ? this.cls.get<{ method?: string; originalUrl?: string } | undefined>(CLS_REQ) : undefined;
    return {
      kind: event.kind,
      alert: event.alert ?? false,
      userId: who?.userId ?? null,
      userName: who?.fullName ?? null,
      userOrgUnitId: who?.orgUnitId ?? null,
      schoolId: event.schoolId ?? null,
      method: request?.method ?? null,
      path: request?.originalUrl?.split('?')[0] ?? null,
      requestId: active ? (this.cls.get<string | undefined>(CTX.requestId) ?? null) : null,
      detail: event.detail ?? {},
    };
  }
}

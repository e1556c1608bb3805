import { Injectable } from '@nestjs/common';
import { SqlPaging, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import type { SecurityEvent, SecurityEventKind, SecurityEventQuery } from '@emis/contracts';
import { DataSource } from 'typeorm';

/** An event as written: the contract's event without what the database assigns or an administrator adds later. */
export type SecurityEventRow = Omit<SecurityEvent, 'id' | 'at' | 'acknowledgedAt' | 'acknowledgedBy'>;

interface StoredEvent {
  id: string;
  at: Date;
  kind: SecurityEventKind;
  alert: boolean;
  user_id: string | null;
  user_name: string | null;
  user_org_unit_id: string | null;
  target_unit_id: string | null;
  method: string | null;
  path: string | null;
  request_id: string | null;
  detail: Record<string, unknown>;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

const REFUSAL_KINDS: readonly SecurityEventKind[] = ['CROSS_SCOPE_REFUSED', 'PERMISSION_REFUSED'];
const COLUMNS = `kind, alert, user_id, user_name, user_org_unit_id, target_unit_id, method, path, request_id, detail`;
const VALUES = `$1, $2, $3, $4, $5, $6, $7, $8, $9, $10`;

function paramsOf(e: SecurityEventRow): unknown[] {
  return [
    e.kind,
    e.alert,
    e.userId,
    e.userName,
    e.userOrgUnitId,
    e.schoolId,
    e.method,
    e.path,
    e.requestId,
    JSON.stringify(e.detail),
  ];
}

function toEvent(r: StoredEvent): SecurityEvent {
  return {
    id: r.id,
    at: r.at.toISOString(),
    kind: r.kind,
    alert: r.alert,
    userId: r.user_id,
    userName: r.user_name,
    userOrgUnitId: r.user_org_unit_id,
    schoolId: r.target_unit_id,
    method: r.method,
    path: r.path,
    requestId: r.request_id,
    detail: r.detail,
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: r.acknowledged_by,
  };
}

/**
 * security_event (docs/security/coverage.md): no RLS, written on the application pool outside any request
 * transaction, so a refused request's rollback keeps its event.
 */
@Injectable()
export class SecurityEventsRepository {
  constructor(private readonly db: DataSource) {}

  async insert(e: SecurityEventRow): Promise<SecurityEvent> {
    const [row] = await sqlRows<StoredEvent>(
      this.db,
      `insert into security_event (${COLUMNS}) values (${VALUES}) returning *`,
      paramsOf(e),
    );
    return toEvent(row);
  }

  /**
   * Records a refusal and answers how many refusals its user collected in the window, this one included: one round
   * trip, since thousands of refusals (a sweep, an enumeration) must stay cheap. The inserted row is not visible to
   * the statement's own count, hence the + 1.
   */
  async insertRefusal(e: SecurityEventRow, windowSeconds: number): Promise<number> {
    const row = await sqlRow<{ refusals: number }>(
      this.db,
      `with recorded as (insert into security_event (${COLUMNS}) values (${VALUES}) returning id)
       select (select count(*) from recorded)::int
              + (select count(*) from security_event
                  where $3::uuid is not null and user_id = $3 and kind = any($11)
                    and at > now() - make_interval(secs => $12))::int as refusals`,
      [...paramsOf(e), REFUSAL_KINDS, windowSeconds],
    );
    return row?.refusals ?? 1;
  }

  /**
   * The burst alert of a user, unless one was raised in the window already. The advisory lock orders two refusals
   * that cross the threshold at once, so the second sees the first's alert and raises none.
   */
  async insertBurstOnce(e: SecurityEventRow, windowSeconds: number): Promise<SecurityEvent | undefined> {
    return this.db.transaction(async (em) => {
      await sqlExec(em, `select pg_advisory_xact_lock(hashtext('security_event:burst:' || $1::text))`, [e.userId]);
      const [row] = await sqlRows<StoredEvent>(
        em,
        `insert into security_event (${COLUMNS})
         select ${VALUES}
          where not exists (select 1 from security_event
                             where user_id = $3 and kind = 'REFUSAL_BURST'
                               and at > now() - make_interval(secs => $11))
         returning *`,
        [...paramsOf(e), windowSeconds],
      );
      return row ? toEvent(row) : undefined;
    });
  }

  async list(query: SecurityEventQuery, paging: SqlPaging): Promise<{ items: SecurityEvent[]; total: number }> {
    const where = `($1::text is null or kind = $1)
               and ($2::uuid is null or user_id = $2)
               and ($3::uuid is null or target_unit_id = $3)
               and ($4::timestamptz is null or at >= $4)
               and ($5::timestamptz is null or at < $5)
               and (not $6 or alert)
               and (not $7 or acknowledged_at is null)`;
    const params = [
      query.kind ?? null,
      query.userId ?? null,
      query.schoolId ?? null,
      query.from ?? null,
      query.to ?? null,
      query.alerts === true,
      query.open === true,
    ];
    const rows = await sqlRows<StoredEvent & { total: string }>(
      this.db,
      `select *, count(*) over () as total from security_event where ${where}
        order by ${paging.orderBy}, id limit $8 offset $9`,
      [...params, paging.limit, paging.offset],
    );
    const total = rows.length
      ? Number(rows[0].total)
      : Number(
          (await sqlRow<{ n: string }>(this.db, `select count(*) as n from security_event where ${where}`, params))
            ?.n ?? 0,
        );
    return { items: rows.map(toEvent), total };
  }

  /** Marks an event acknowledged once; answers it, or undefined when there is no such event. */
  async acknowledge(id: string, userId: string): Promise<SecurityEvent | undefined> {
    await sqlExec(
      this.db,
      `update security_event set acknowledged_at = now(), acknowledged_by = $2 where id = $1 and acknowledged_at is null`,
      [id, userId],
    );
    const row = await sqlRow<StoredEvent>(this.db, `select * from security_event where id = $1`, [id]);
    return row ? toEvent(row) : undefined;
  }

  async openAlertCount(): Promise<number> {
    const row = await sqlRow<{ n: number }>(
      this.db,
      `select count(*)::int as n from security_event where alert and acknowledged_at is null`,
    );
    return row?.n ?? 0;
  }
}

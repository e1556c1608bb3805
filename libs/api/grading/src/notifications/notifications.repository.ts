import { Injectable } from '@nestjs/common';
import type { AppNotification, NotificationKind } from '@emis/contracts';
import { sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** A row of notification (created_at and read_at are timestamptz). */
interface NotificationRow {
  school_id: string;
  id: string;
  kind: NotificationKind;
  subject_id: string;
  payload: AppNotification['details'];
  created_at: Date;
  read_at: Date | null;
}

/** The school and every unit above it in the org tree (a user of any of them has the school in scope). */
const SCHOOL_AND_ABOVE = `with recursive up as (
    select id, parent_id, 0 as depth from tenancy_org_unit where id = $1
    union all
    select o.id, o.parent_id, up.depth + 1 from tenancy_org_unit o join up on o.id = up.parent_id where up.depth < 20)`;

/** The notification table: written by the reactions to grading's events, read by its recipient. */
@Injectable()
export class NotificationsRepository {
  /**
   * One notification per recipient for an event, in one statement; a second delivery of the event inserts nothing
   * (unique source_event_id × recipient). Answers the rows it inserted.
   */
  async notify(
    em: EntityManager,
    schoolId: string,
    recipients: string[],
    n: { kind: NotificationKind; subjectId: string; details: AppNotification['details']; eventId: string; at: Date },
  ): Promise<number> {
    if (!recipients.length) return 0;
    const rows = await sqlRows<{ id: string }>(
      em,
      `insert into notification (school_id, recipient_id, kind, subject_id, payload, source_event_id, created_at)
       select $1, r, $3, $4, $5, $6, $7 from unnest($2::uuid[]) r
       on conflict (school_id, source_event_id, recipient_id) do nothing returning id`,
      [schoolId, recipients, n.kind, n.subjectId, JSON.stringify(n.details), n.eventId, n.at],
    );
    return rows.length;
  }

  /**
   * Who of `candidates` may still be told about the school: an active account (a disabled one is never notified) whose
   * unit is the school or a unit above it, so that its scope still includes the school — a teacher moved to another
   * school since asking is not told of the first school's decision (docs/domain/gradebook.md, "Notifications").
   */
  async reachable(em: EntityManager, schoolId: string, candidates: string[]): Promise<string[]> {
    if (!candidates.length) return [];
    const rows = await sqlRows<{ user_id: string }>(
      em,
      `${SCHOOL_AND_ABOVE}
       select u.user_id from identity_user u
        where u.user_id = any($2::uuid[]) and u.active and u.org_unit_id in (select id from up)
        order by u.user_id`,
      [schoolId, candidates],
    );
    return rows.map((r) => r.user_id);
  }

  /** The school's principals (school administrators) with an active account, who decide correction requests. */
  async principals(em: EntityManager, schoolId: string): Promise<string[]> {
    const rows = await sqlRows<{ user_id: string }>(
      em,
      `select user_id from identity_user where org_unit_id = $1 and role = 'SCHOOL_ADMIN' and active order by user_id`,
      [schoolId],
    );
    return rows.map((r) => r.user_id);
  }

  /** The caller's notifications in every school in scope, unread first, newest first; with the totals. */
  async mine(
    em: EntityManager,
    userId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: AppNotification[]; total: number; unread: number }> {
    const rows = await sqlRows<NotificationRow & { total: number; unread: number }>(
      em,
      `select n.school_id, n.id, n.kind, n.subject_id, n.payload, n.created_at, n.read_at,
              count(*) over ()::int as total, (count(*) filter (where n.read_at is null) over ())::int as unread
         from notification n where n.recipient_id = $1
        order by (n.read_at is null) desc, n.created_at desc, n.id limit $2 offset $3`,
      [userId, limit, offset],
    );
    if (!rows.length && offset > 0) {
      const c = await this.counts(em, userId);
      return { items: [], ...c };
    }
    return { items: rows.map(toNotification), total: rows[0]?.total ?? 0, unread: rows[0]?.unread ?? 0 };
  }

  async counts(em: EntityManager, userId: string): Promise<{ total: number; unread: number }> {
    const r = await sqlRow<{ total: number; unread: number }>(
      em,
      `select count(*)::int as total, (count(*) filter (where read_at is null))::int as unread
         from notification where recipient_id = $1`,
      [userId],
    );
    return { total: r?.total ?? 0, unread: r?.unread ?? 0 };
  }

  /** Marks the caller's notification read (once); answers it as it was before, undefined when not theirs. */
  async markRead(
    em: EntityManager,
    userId: string,
    id: string,
    at: Date,
  ): Promise<{ before: AppNotification; after: AppNotification } | undefined> {
    const before = await sqlRow<NotificationRow>(
      em,
      `select school_id, id, kind, subject_id, payload, created_at, read_at from notification
        where recipient_id = $1 and id = $2 for update`,
      [userId, id],
    );
    if (!before) return undefined;
    const readAt = before.read_at ?? at;
    if (!before.read_at) {
      await sqlRows(em, `update notification set read_at = $3 where school_id = $1 and id = $2 returning id`, [
        before.school_id,
        id,
        readAt,
      ]);
    }
    return { before: toNotification(before), after: toNotification({ ...before, read_at: readAt }) };
  }
}

function toNotification(r: NotificationRow): AppNotification {
  return {
    id: r.id,
    schoolId: r.school_id,
    kind: r.kind,
    subjectId: r.subject_id,
    details: r.payload,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}

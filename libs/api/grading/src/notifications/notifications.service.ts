import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import type { AppNotification, NotificationKind, NotificationPage, UnreadCount } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { EventSubscribers, OutboxEvent, PageQueryDto, Principal, Scope, TenantDb } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { GRADING_CORRECTION_DECIDED, GRADING_CORRECTION_REQUESTED, GradingCorrectionEvent } from '../grading-events';
import { NotificationsRepository } from './notifications.repository';

const DEFAULT_PAGE_SIZE = 20;

/**
 * In-app notifications (docs/domain/gradebook.md, "Notifications"). Grading's reactions to its own correction events
 * write them — a request to the school's principals, a decision to the teacher who asked — in the reaction's
 * transaction, audited once per event; only to active accounts whose scope still includes the school; the recipient lists them (unread first) and marks them read, audited too.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  static readonly ON_REQUESTED = 'grading.notify-correction-requested';
  static readonly ON_DECIDED = 'grading.notify-correction-decided';

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly subscribers: EventSubscribers,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.subscribers.subscribe<GradingCorrectionEvent>(
      GRADING_CORRECTION_REQUESTED,
      NotificationsService.ON_REQUESTED,
      async (em, event) =>
        this.deliver(em, event, 'CORRECTION_REQUESTED', await this.repo.principals(em, event.schoolId)),
    );
    this.subscribers.subscribe<GradingCorrectionEvent>(
      GRADING_CORRECTION_DECIDED,
      NotificationsService.ON_DECIDED,
      async (em, event) =>
        this.deliver(
          em,
          event,
          event.payload.correction.status === 'APPROVED' ? 'CORRECTION_APPROVED' : 'CORRECTION_REJECTED',
          await this.repo.reachable(em, event.schoolId, event.payload.requestedBy ? [event.payload.requestedBy] : []),
        ),
    );
  }

  /** Writes the event's notifications and, when any was new, one audit entry naming the recipients. */
  async deliver(
    em: EntityManager,
    event: OutboxEvent<GradingCorrectionEvent>,
    kind: NotificationKind,
    recipients: string[],
  ): Promise<void> {
    const c = event.payload.correction;
    const written = await this.repo.notify(em, event.schoolId, recipients, {
      kind,
      subjectId: c.id,
      eventId: event.id,
      at: new Date(),
      details: {
        studentName: c.studentName,
        classId: c.classId,
        className: c.className,
        subjectCode: c.subjectCode,
        subjectName: c.subjectName,
        semester: c.semester,
        requestedByName: c.requestedByName ?? undefined,
        decidedByName: c.decidedByName ?? undefined,
        note: c.decisionNote,
      },
    });
    if (!written) return;
    await this.audit.record(em, {
      schoolId: event.schoolId,
      entity: 'notification',
      entityId: c.id,
      action: 'CREATE',
      after: { kind, recipients, cause: { event: event.type, id: event.id } },
    });
  }

  /** The caller's own notifications across the schools in their scope (RLS), unread first. */
  async mine(scope: Scope, actor: Principal, query: PageQueryDto): Promise<NotificationPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    return this.db.run(async (em) => {
      const { items, total, unread } = await this.repo.mine(em, actor.userId, pageSize, (page - 1) * pageSize);
      return { items, total, unread, page, pageSize };
    });
  }

  async unread(scope: Scope, actor: Principal): Promise<UnreadCount> {
    return this.db.run(async (em) => ({ unread: (await this.repo.counts(em, actor.userId)).unread }));
  }

  /** Marks one of the caller's notifications read; another user's (or an unknown id) answers 404. */
  async markRead(scope: Scope, actor: Principal, id: string): Promise<AppNotification> {
    return this.db.run(async (em) => {
      const changed = await this.repo.markRead(em, actor.userId, id, new Date());
      if (!changed) throw new NotFoundException();
      if (!changed.before.readAt) {
        await this.audit.record(em, {
          schoolId: changed.before.schoolId,
          entity: 'notification',
          entityId: id,
          action: 'UPDATE',
          before: { readAt: null },
          after: { readAt: changed.after.readAt },
        });
      }
      return changed.after;
    });
  }
}

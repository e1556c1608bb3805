/** GET /api/notifications — the caller's in-app notifications, unread first (docs/domain/gradebook.md, "Notifications"). */
export type NotificationKind = 'CORRECTION_REQUESTED' | 'CORRECTION_APPROVED' | 'CORRECTION_REJECTED';

export interface AppNotification {
  id: string;
  schoolId: string;
  kind: NotificationKind;
  /** The record it is about: the correction request. */
  subjectId: string;
  /** What the text needs: the pupil, class, subject and semester, who asked or decided, the note. */
  details: {
    studentName?: string;
    className?: string;
    classId?: string;
    subjectCode?: string;
    subjectName?: string;
    semester?: 1 | 2;
    requestedByName?: string;
    decidedByName?: string;
    note?: string | null;
  };
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: AppNotification[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/** GET /api/notifications/unread — the bell's count. */
export interface UnreadCount {
  unread: number;
}

/**
 * Security events (docs/security.md): what the API refused or stopped, kept apart from the per-school audit chains
 * because many concern no school the caller may write (a refused look at another school) or none at all.
 */
export type SecurityEventKind =
  /** A request for an object of a school or unit outside the caller's scope (answered 404). */
  | 'CROSS_SCOPE_REFUSED'
  /** A request the caller's role may not make (answered 403). */
  | 'PERMISSION_REFUSED'
  /** Personal-data reads past the caller's hourly or daily budget (answered 429). */
  | 'READ_BUDGET_EXCEEDED'
  /** Exports of personal data past the caller's daily limit (answered 429). */
  | 'EXPORT_LIMIT_EXCEEDED'
  /** One user collected many refusals in a short time. */
  | 'REFUSAL_BURST'
  /** An audit chain no longer matches its anchor: rewritten, truncated or deleted. */
  | 'AUDIT_ANCHOR_MISMATCH'
  /** A workbook refused for its size or shape before parsing (too many cells, strings or styles). */
  | 'HOSTILE_UPLOAD';

export interface SecurityEvent {
  id: string;
  at: string;
  kind: SecurityEventKind;
  /** Whether the department's administrator is alerted (in the app, and by webhook/e-mail when configured). */
  alert: boolean;
  userId: string | null;
  userName: string | null;
  /** The org unit the user belongs to. */
  userOrgUnitId: string | null;
  /** The school or unit the attempt concerned, when there is one. */
  schoolId: string | null;
  method: string | null;
  path: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export const SECURITY_EVENT_KINDS: readonly SecurityEventKind[] = [
  'CROSS_SCOPE_REFUSED',
  'PERMISSION_REFUSED',
  'READ_BUDGET_EXCEEDED',
  'EXPORT_LIMIT_EXCEEDED',
  'REFUSAL_BURST',
  'AUDIT_ANCHOR_MISMATCH',
  'HOSTILE_UPLOAD',
];

/** GET /api/security-events: newest first, paged like every list. */
export interface SecurityEventQuery {
  kind?: SecurityEventKind;
  userId?: string;
  /** The school or unit the attempt concerned. */
  schoolId?: string;
  /** ISO date-times, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  /** true: alerts only. */
  alerts?: boolean;
  /** true: not yet acknowledged only. */
  open?: boolean;
}

/** The department administrator's home: alerts nobody has acknowledged yet. */
export interface SecurityAlertCount {
  openAlerts: number;
}

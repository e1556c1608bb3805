import { OrgUnitKind, SchoolLevel, SchoolOwnership } from '@emis/domain';

/**
 * Organisation administration (docs/domain/organisation.md): the department creates, renames, moves and closes units
 * and schools. A move is effective-dated: the parent history keeps every period and scopes follow the date.
 *   GET   /api/org-admin/units                    Page<OrgUnitAdminItem> (OrgUnitAdminQuery + paging; org.read)
 *   GET   /api/org-admin/units/export             the list as .xlsx, in the import's layout (same filters)
 *   GET   /api/org-admin/units/import/template    the school list's .xlsx template
 *   POST  /api/org-admin/units/import             multipart "file" → 202 ImportJob (kind SCHOOL_LIST), followed at
 *                                                 /api/schools/{the department's id}/imports/{jobId} (libs/contracts imports.ts)
 *   GET   /api/org-admin/units/{id}               OrgUnitAdminDetail
 *   POST  /api/org-admin/units                    OrgUnitCreate → 201 OrgUnitAdminDetail (org.manage, as every write)
 *   PATCH /api/org-admin/units/{id}               OrgUnitUpdate → OrgUnitAdminDetail
 *   POST  /api/org-admin/units/{id}/move          OrgUnitMove → OrgUnitAdminDetail
 *   POST  /api/org-admin/units/{id}/close         OrgUnitClose → OrgUnitAdminDetail
 *   POST  /api/org-admin/units/{id}/reopen        OrgUnitReopen → OrgUnitAdminDetail
 */
export interface OrgUnitAdminItem {
  id: string;
  kind: OrgUnitKind;
  /** Official code (mã trường for a school). */
  code: string;
  name: string;
  /** The parent today (per the history), null for the department. */
  parentId: string | null;
  parentName: string | null;
  levels: SchoolLevel[];
  ownership: SchoolOwnership | null;
  address: string | null;
  /** The commune or ward where the school sits (xã / phường). */
  commune: string | null;
  /** Closed units are read-only and keep their data. */
  closedOn: string | null;
  closedReason: string | null;
  /** A move decided but not yet in force. */
  pendingMove: { parentId: string; parentName: string; effectiveFrom: string } | null;
  /** Active accounts attached to the unit (for a school: its staff's accounts). */
  accountCount: number;
  /** For a school: whether it has an active SCHOOL_ADMIN account. */
  hasAdministrator: boolean;
}

/** GET /api/org-admin/units filters, besides paging (q: code or name, accent-free). */
export interface OrgUnitAdminQuery {
  kind?: OrgUnitKind;
  /** Direct and indirect children of this unit. */
  parentId?: string;
  level?: SchoolLevel;
  /** Include closed units (default false). */
  includeClosed?: boolean;
}

export interface OrgUnitCreate {
  kind: 'UNIT' | 'SCHOOL';
  code: string;
  name: string;
  parentId: string;
  /** Schools only: at least one. */
  levels?: SchoolLevel[];
  ownership?: SchoolOwnership;
  address?: string | null;
  commune?: string | null;
  /** The day the unit opens (defaults to today): the first period of its parent history. */
  effectiveFrom?: string;
}

/** Rename or correct a unit's particulars (not its parent: that is a move). */
export interface OrgUnitUpdate {
  name?: string;
  code?: string;
  levels?: SchoolLevel[];
  ownership?: SchoolOwnership;
  address?: string | null;
  commune?: string | null;
  reason: string;
}

/** POST /api/org-admin/units/{id}/move: effective from a date (past, today or future), with the decision. */
export interface OrgUnitMove {
  parentId: string;
  /** yyyy-MM-dd; from this day the new parent's officers see the school, and reports of later dates group it there. */
  effectiveFrom: string;
  decisionNo?: string;
  reason: string;
}

export interface OrgUnitClose {
  /** yyyy-MM-dd, not in the future. */
  closedOn: string;
  reason: string;
  decisionNo?: string;
}

/** POST /api/org-admin/units/{id}/reopen: a closed unit opens again (its parent must be open). */
export interface OrgUnitReopen {
  reason: string;
  decisionNo?: string;
}

/** One period of a unit's place in the tree. */
export interface OrgUnitParentPeriod {
  parentId: string | null;
  parentName: string | null;
  validFrom: string;
  /** Exclusive end; null while in force. */
  validTo: string | null;
}

export interface OrgUnitAdminDetail extends OrgUnitAdminItem {
  history: OrgUnitParentPeriod[];
  /** Direct children (units and schools), for the tree page. */
  childCount: number;
}

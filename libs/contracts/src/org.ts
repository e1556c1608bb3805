import { OrgUnitKind, SchoolLevel, SchoolOwnership } from '@emis/domain';

export interface OrgUnitNode {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  code: string;
  name: string;
  levels: SchoolLevel[];
  /** Number of schools in this unit's subtree (1 for a school). */
  schoolCount: number;
  /** A closed unit or school: its data stays readable, nothing in it changes (docs/domain/organisation.md). */
  closed?: boolean;
}

export interface SchoolSummary {
  id: string;
  code: string;
  name: string;
  levels: SchoolLevel[];
  ownership: SchoolOwnership;
  parentId: string | null;
  parentName: string | null;
  address: string | null;
}

export interface SchoolProfile {
  address: string | null;
  phone: string | null;
  email: string | null;
  principalName: string | null;
  foundedYear: number | null;
  website: string | null;
  updatedAt: string;
  version: number;
}

export interface SchoolDetail extends SchoolSummary {
  /** Ancestors from the department down to the parent, for the breadcrumb. */
  path: { id: string; name: string; kind: OrgUnitKind }[];
  profile: SchoolProfile;
}

export interface SchoolProfileUpdate {
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  principalName?: string | null;
  foundedYear?: number | null;
  website?: string | null;
  /** The profile version the edit was based on; a newer version on the server gives 409. */
  version: number;
}

/** Filters of GET /api/schools, besides the paging fields. */
export interface SchoolListQuery {
  level?: SchoolLevel;
  /** Restrict to the subtree of this unit (must be within the caller's scope). */
  unitId?: string;
}

export interface ScopeSummary {
  orgUnitId: string;
  orgUnitName: string;
  schoolCount: number;
  schoolsByLevel: Record<SchoolLevel, number>;
}

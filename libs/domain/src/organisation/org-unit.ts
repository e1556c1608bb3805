/**
 * The org-unit tree of a province (docs/domain/organisation.md): the Department of Education and Training at the root,
 * optional intermediate units (the district bureaus that existed until 30 June 2025, or any other grouping),
 * and schools as leaves.
 */
export const ORG_UNIT_KINDS = ['DEPARTMENT', 'UNIT', 'SCHOOL'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** School levels (cấp học). A multi-level school carries several. */
export const SCHOOL_LEVELS = [
  'PRESCHOOL',
  'PRIMARY',
  'LOWER_SECONDARY',
  'UPPER_SECONDARY',
  'CONTINUING_EDUCATION',
] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export function isSchoolLevel(value: unknown): value is SchoolLevel {
  return typeof value === 'string' && (SCHOOL_LEVELS as readonly string[]).includes(value);
}

/** Ownership type of a school (công lập / tư thục / dân lập). */
export const SCHOOL_OWNERSHIPS = ['PUBLIC', 'PRIVATE', 'PEOPLE_FOUNDED'] as const;
export type SchoolOwnership = (typeof SCHOOL_OWNERSHIPS)[number];

/**
 * School codes are the department's own identifiers: upper-case letters, digits and dashes,
 * 3 to 20 characters, e.g. "THPT-VL-01".
 */
export const ORG_UNIT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,18}[A-Z0-9]$/;

export function isValidOrgUnitCode(code: string): boolean {
  return ORG_UNIT_CODE_PATTERN.test(code);
}

/** How a school's ownership is written (Law on Education 43/2019/QH14, Art. 47: công lập, dân lập, tư thục). */
export const SCHOOL_OWNERSHIP_LABELS: Record<SchoolOwnership, { vi: string; en: string }> = {
  PUBLIC: { vi: 'Công lập', en: 'Public' },
  PRIVATE: { vi: 'Tư thục', en: 'Private' },
  PEOPLE_FOUNDED: { vi: 'Dân lập', en: 'People-founded' },
};

export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, { vi: string; en: string }> = {
  DEPARTMENT: { vi: 'Sở', en: 'Department' },
  UNIT: { vi: 'Đơn vị', en: 'Unit' },
  SCHOOL: { vi: 'Trường', en: 'School' },
};

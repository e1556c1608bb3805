/**
 * The roles of Emis. Each user holds one role and is attached to one org unit; the user sees that unit's subtree.
 */
export const ROLES = [
  'DEPARTMENT_ADMIN',
  'DEPARTMENT_OFFICER',
  'UNIT_OFFICER',
  'SCHOOL_ADMIN',
  'ACCOUNTANT',
  'TEACHER',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Which kind of org unit a role is attached to. */
export const ROLE_UNIT_KIND: Record<Role, 'DEPARTMENT' | 'UNIT' | 'SCHOOL'> = {
  DEPARTMENT_ADMIN: 'DEPARTMENT',
  DEPARTMENT_OFFICER: 'DEPARTMENT',
  UNIT_OFFICER: 'UNIT',
  SCHOOL_ADMIN: 'SCHOOL',
  ACCOUNTANT: 'SCHOOL',
  TEACHER: 'SCHOOL',
};

/**
 * Administrators must use a second factor: they can change many records at once (school admins)
 * or reach every school's personal data (department admins).
 */
export function roleRequiresMfa(role: Role): boolean {
  return role === 'DEPARTMENT_ADMIN' || role === 'SCHOOL_ADMIN';
}

/** Roles that look across several schools and may narrow their view with the org-unit switcher. */
export function roleSpansSchools(role: Role): boolean {
  return ROLE_UNIT_KIND[role] !== 'SCHOOL';
}

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
 * Whether `role` must use a second factor, under the department's policy `enforced` (the roles it requires MFA of;
 * docs/domain/sign-in.md, "Second factor"). MFA_ALWAYS_ROLES need it whatever the policy says.
 */
export function roleRequiresMfa(role: Role, enforced: readonly Role[] = MFA_ALWAYS_ROLES): boolean {
  return MFA_ALWAYS_ROLES.includes(role) || enforced.includes(role);
}

/** Roles that look across several schools and may narrow their view with the org-unit switcher. */
export function roleSpansSchools(role: Role): boolean {
  return ROLE_UNIT_KIND[role] !== 'SCHOOL';
}

/**
 * How far a role reaches, highest first (docs/domain/accounts.md, "Who administers whom"). An administrator grants
 * only roles of at most their own rank, and only roles that belong to the kind of unit the account is attached to.
 */
export const ROLE_RANK: Record<Role, number> = {
  DEPARTMENT_ADMIN: 6,
  DEPARTMENT_OFFICER: 5,
  UNIT_OFFICER: 4,
  SCHOOL_ADMIN: 3,
  ACCOUNTANT: 2,
  TEACHER: 1,
};

/** Roles that administer accounts: the department for every unit, a unit officer for its schools, a principal for theirs. */
export const ACCOUNT_ADMIN_ROLES: readonly Role[] = ['DEPARTMENT_ADMIN', 'UNIT_OFFICER', 'SCHOOL_ADMIN'];

/**
 * The roles `actor` may give an account attached to a unit of `unitKind`. The target's scope (is the unit inside
 * the actor's?) and "not one's own account" are checked by the API, which knows both.
 */
export function grantableRoles(actor: Role, unitKind: 'DEPARTMENT' | 'UNIT' | 'SCHOOL'): Role[] {
  if (!ACCOUNT_ADMIN_ROLES.includes(actor)) return [];
  if (actor === 'UNIT_OFFICER' && unitKind !== 'SCHOOL') return [];
  if (actor === 'SCHOOL_ADMIN' && unitKind !== 'SCHOOL') return [];
  return ROLES.filter((r) => ROLE_UNIT_KIND[r] === unitKind && ROLE_RANK[r] <= ROLE_RANK[actor]);
}

/** Roles that must always use a second factor: they read more than one school, or administer. */
export const MFA_ALWAYS_ROLES: readonly Role[] = [
  'DEPARTMENT_ADMIN',
  'DEPARTMENT_OFFICER',
  'UNIT_OFFICER',
  'SCHOOL_ADMIN',
];

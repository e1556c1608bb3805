import { Role } from './roles';

/**
 * What each role may do, declared once: the API's guards and the web's navigation both read this table,
 * so a menu entry is shown exactly when the call behind it is allowed.
 */
export const PERMISSIONS = {
  'schools.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER'],
  'schools.profile.edit': ['DEPARTMENT_ADMIN', 'SCHOOL_ADMIN'],
  'audit.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
  'audit.verify': ['DEPARTMENT_ADMIN', 'SCHOOL_ADMIN'],
  'org.switch': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

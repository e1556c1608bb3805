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
  'account.password': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER'],

  // People (domain.md §5). Department and unit users read across their schools; the school manages its own.
  'calendar.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER'],
  'calendar.manage': ['DEPARTMENT_ADMIN'],
  'calendar.override': ['SCHOOL_ADMIN'],
  'classes.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER'],
  'classes.manage': ['SCHOOL_ADMIN'],
  'students.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER'],
  'students.manage': ['SCHOOL_ADMIN'],
  'students.transfer': ['SCHOOL_ADMIN'],
  'students.promote': ['SCHOOL_ADMIN'],
  'attendance.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'TEACHER'],
  /** Teachers record attendance only for classes they are homeroom teacher of (checked by the service). */
  'attendance.record': ['SCHOOL_ADMIN', 'TEACHER'],
  'staff.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'ACCOUNTANT'],
  'staff.manage': ['SCHOOL_ADMIN'],
  /** Moving staff between schools is a personnel decision of the department (domain.md §1). */
  'staff.transfer': ['DEPARTMENT_ADMIN'],
  'assignments.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'TEACHER'],
  'assignments.manage': ['SCHOOL_ADMIN'],
  'people.import': ['SCHOOL_ADMIN'],
  /** Exports of personal data are audited (domain.md §8). */
  'people.export': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

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
  /** The province's security events (refusals, budgets exceeded, anchors broken) and their alerts (docs/security.md). */
  'security.events.read': ['DEPARTMENT_ADMIN'],
  'org.switch': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'],
  /** The caller's own sessions: list them and end any. */
  'account.sessions': [
    'DEPARTMENT_ADMIN',
    'DEPARTMENT_OFFICER',
    'UNIT_OFFICER',
    'SCHOOL_ADMIN',
    'ACCOUNTANT',
    'TEACHER',
  ],
  // Accounts and organisation (docs/domain/accounts.md, docs/domain/organisation.md).
  /** Read accounts in one's scope; the department's officers follow, administrators act. */
  'accounts.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
  /** Create, bulk-create, change role, disable, reset password or MFA, end sessions — within one's scope and rank. */
  'accounts.manage': ['DEPARTMENT_ADMIN', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
  /** Which roles must use a second factor. */
  'accounts.policy': ['DEPARTMENT_ADMIN'],
  /** The organisation as administered: units and schools with their history, closed ones included. */
  'org.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'],
  /** Create, rename, move (effective-dated) and close units and schools; import the province's school list. */
  'org.manage': ['DEPARTMENT_ADMIN'],
  'account.password': [
    'DEPARTMENT_ADMIN',
    'DEPARTMENT_OFFICER',
    'UNIT_OFFICER',
    'SCHOOL_ADMIN',
    'ACCOUNTANT',
    'TEACHER',
  ],

  // People (docs/domain/records.md). Department and unit users read across their schools; the school manages its own.
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
  /** Moving staff between schools is a personnel decision of the department (docs/domain/organisation.md). */
  'staff.transfer': ['DEPARTMENT_ADMIN'],
  'assignments.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'TEACHER'],
  'assignments.manage': ['SCHOOL_ADMIN'],
  'people.import': ['SCHOOL_ADMIN'],
  /** Exports of personal data are audited (docs/domain/personal-data.md). */
  'people.export': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],

  // Gradebook (docs/domain/gradebook.md). Teachers read the classes they teach or lead and write only their own subjects
  // (checked by the service against teaching assignments); the principal reads the whole school, locks semesters
  // and decides correction requests; the department and units read across their schools.
  'grades.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'TEACHER'],
  'grades.enter': ['TEACHER'],
  'grades.lock': ['SCHOOL_ADMIN'],
  'grades.correction.request': ['TEACHER'],
  'grades.correction.decide': ['SCHOOL_ADMIN'],
  /** The homeroom teacher rates conduct (checked by the service). */
  'conduct.record': ['TEACHER'],
  /** The whole school's scores in one workbook: personal data of every pupil, audited (docs/domain/personal-data.md). */
  'grades.export': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
  /** Storing results for reporting: the school, or the homeroom teacher of the class (checked by the service). */
  'results.store': ['SCHOOL_ADMIN', 'TEACHER'],

  /** Aggregate reports and dashboards from the reporting read model: the department, units, and a school's own. */
  'reports.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
  /** The principal (school administrator) generates, checks and submits the official statistical reports. */
  'reports.submit': ['SCHOOL_ADMIN'],
  /** The department and units follow submissions, send reminders and reopen a submission with a reason. */
  'reports.review': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'],

  // Public assets (docs/domain/assets.md). The school's administrator and accountant keep the register; the
  // department and units read across their schools and see totals through the reports.
  'assets.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'ACCOUNTANT'],
  /** Register, edit, attach, label, move between rooms, lend, change the cost, import; count an inventory. */
  'assets.manage': ['SCHOOL_ADMIN', 'ACCOUNTANT'],
  /** Decisions of the head of the unit: disposal, transfers to and from other schools, approving an inventory. */
  'assets.approve': ['SCHOOL_ADMIN'],
  /** The year's wear run of a school (the accountant closes the books in December, Art. 12.1.a). */
  'assets.wear': ['SCHOOL_ADMIN', 'ACCOUNTANT'],
  /** The province's categories, rates, threshold and the province-wide wear run. */
  'assets.configure': ['DEPARTMENT_ADMIN'],
  // School finance (docs/domain/finance.md). The school's accountant keeps the accounts, the principal approves; the
  // department and units read across their schools and allocate budgets; a homeroom teacher sees their class's debtors.
  'finance.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN', 'ACCOUNTANT'],
  /** Fee schedules, periods, generating charges, payments and refunds, bank statements, estimates, draft vouchers. */
  'finance.manage': ['SCHOOL_ADMIN', 'ACCOUNTANT'],
  /** Decisions of the head of the school: exceptions, waivers, expense vouchers, closing a month, the claim. */
  'finance.approve': ['SCHOOL_ADMIN'],
  /** The debtor list; a teacher sees only the classes they are homeroom teacher of (checked by the service). */
  'finance.debtors': ['SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER'],
  /** Budget allocations to a school, by the department or the school's managing unit. */
  'finance.allocate': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'],
  /** The province's tuition levels, support levels, fee ranges and the schools' areas. */
  'finance.configure': ['DEPARTMENT_ADMIN'],
  /** The province's rule settings of a school year and the recomputation of stored results after a change. */
  'rules.configure': ['DEPARTMENT_ADMIN'],
  // Grade 9 completion (docs/domain/completion.md, Circular 31/2023): the school's council, chaired by the principal,
  // decides; the department and units read across their schools.
  'completion.read': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'],
  /** Open a council sitting (at most two a year) and record its decisions. */
  'completion.decide': ['SCHOOL_ADMIN'],
  /** Find a pupil across the schools in one's scope by name or ID number (docs/domain/records.md). */
  'students.search': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'],
  /**
   * Import one student list spanning the schools in one's scope, each row under the school its "Mã trường" names
   * (docs/domain/records.md, "Importing a list"; docs/adr/province-scale-imports.md).
   */
  'people.import.schools': ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

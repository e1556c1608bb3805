import { Permission } from '@emis/domain';

export type NavIcon =
  | 'dashboard'
  | 'reports'
  | 'schools'
  | 'students'
  | 'classes'
  | 'grades'
  | 'staff'
  | 'assets'
  | 'finance'
  | 'calendar'
  | 'organisation'
  | 'audit'
  | 'security'
  | 'accounts'
  | 'account'
  | 'pupilSearch';

export interface NavEntry {
  /** Also the data-testid suffix: nav-<name>. */
  name: NavIcon;
  path: string;
  labelKey: string;
  /** Omitted: every signed-in user may open it. Several: any one of them shows the entry. */
  permission?: Permission | readonly Permission[];
  exact: boolean;
}

/**
 * The side navigation. An entry appears only for roles whose permission allows the calls behind it,
 * read from the same table the API's guards use. Modules not yet built get no entry.
 */
export const NAVIGATION: readonly NavEntry[] = [
  { name: 'dashboard', path: '/', labelKey: 'nav.dashboard', exact: true },
  { name: 'reports', path: '/reports', labelKey: 'nav.reports', permission: 'reports.read', exact: false },
  { name: 'schools', path: '/schools', labelKey: 'nav.schools', permission: 'schools.read', exact: false },
  { name: 'students', path: '/students', labelKey: 'nav.students', permission: 'students.read', exact: false },
  // The department's and units' search across schools; declared after 'students' so /students/search lights both.
  {
    name: 'pupilSearch',
    path: '/students/search',
    labelKey: 'nav.pupilSearch',
    permission: 'students.search',
    exact: false,
  },
  { name: 'classes', path: '/classes', labelKey: 'nav.classes', permission: 'classes.read', exact: false },
  { name: 'grades', path: '/grades', labelKey: 'nav.grades', permission: 'grades.read', exact: false },
  { name: 'staff', path: '/staff', labelKey: 'nav.staff', permission: 'staff.read', exact: false },
  { name: 'assets', path: '/assets', labelKey: 'nav.assets', permission: 'assets.read', exact: false },
  // A homeroom teacher has no finance.read but opens their classes' debtor list there.
  {
    name: 'finance',
    path: '/finance',
    labelKey: 'nav.finance',
    permission: ['finance.read', 'finance.debtors'],
    exact: false,
  },
  { name: 'calendar', path: '/calendar', labelKey: 'nav.calendar', permission: 'calendar.read', exact: false },
  { name: 'accounts', path: '/accounts', labelKey: 'nav.accounts', permission: 'accounts.read', exact: false },
  { name: 'organisation', path: '/organisation', labelKey: 'nav.organisation', permission: 'org.read', exact: false },
  { name: 'audit', path: '/audit', labelKey: 'nav.audit', permission: 'audit.read', exact: false },
  {
    name: 'security',
    path: '/security',
    labelKey: 'nav.security',
    permission: 'security.events.read',
    exact: false,
  },
  { name: 'account', path: '/account', labelKey: 'nav.account', exact: false },
];

/** Whether a user with these permissions sees the entry: no permission named, or any one of those named. */
export function allowed(entry: NavEntry, can: (permission: Permission) => boolean): boolean {
  if (entry.permission === undefined) return true;
  const permissions: readonly Permission[] =
    typeof entry.permission === 'string' ? [entry.permission] : entry.permission;
  return permissions.some(can);
}

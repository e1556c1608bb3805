import { can, Role } from '@emis/domain';
import { allowed, NAVIGATION } from './navigation';

const entriesOf = (role: Role) =>
  NAVIGATION.filter((entry) => allowed(entry, (permission) => can(role, permission))).map((entry) => entry.name);

describe('the side navigation', () => {
  it('shows a homeroom teacher the finance entry, for their classes’ debtor list, and not the assets', () => {
    expect(entriesOf('TEACHER')).toContain('finance');
    expect(entriesOf('TEACHER')).not.toContain('assets');
  });

  it('shows the accountant the finance entry and hides the audit log', () => {
    expect(entriesOf('ACCOUNTANT')).toEqual(expect.arrayContaining(['finance', 'assets']));
    expect(entriesOf('ACCOUNTANT')).not.toContain('audit');
  });

  it('shows the accounts entry to those who administer or follow accounts, not to teachers or accountants', () => {
    expect(entriesOf('SCHOOL_ADMIN')).toContain('accounts');
    expect(entriesOf('DEPARTMENT_OFFICER')).toContain('accounts');
    expect(entriesOf('TEACHER')).not.toContain('accounts');
    expect(entriesOf('ACCOUNTANT')).not.toContain('accounts');
  });

  it('shows an entry without a permission to everybody', () => {
    expect(entriesOf('TEACHER')).toEqual(expect.arrayContaining(['dashboard', 'account']));
  });

  it('shows the security events to the department administrator only', () => {
    expect(entriesOf('DEPARTMENT_ADMIN')).toContain('security');
    expect(entriesOf('DEPARTMENT_OFFICER')).not.toContain('security');
    expect(entriesOf('SCHOOL_ADMIN')).not.toContain('security');
  });

  it('shows the organisation pages to department and unit roles, not to a school', () => {
    expect(entriesOf('DEPARTMENT_ADMIN')).toContain('organisation');
    expect(entriesOf('UNIT_OFFICER')).toContain('organisation');
    expect(entriesOf('SCHOOL_ADMIN')).not.toContain('organisation');
  });
});

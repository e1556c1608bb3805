import { can, PERMISSIONS } from './permissions';
import { ROLES, roleRequiresMfa, roleSpansSchools } from './roles';

describe('roles and permissions', () => {
  it('requires a second factor of every role that reads more than one school or administers', () => {
    expect(ROLES.filter((r) => roleRequiresMfa(r))).toEqual([
      'DEPARTMENT_ADMIN',
      'DEPARTMENT_OFFICER',
      'UNIT_OFFICER',
      'SCHOOL_ADMIN',
    ]);
  });

  it('adds the roles the department policy requires, and never drops the fixed ones', () => {
    expect(ROLES.filter((r) => roleRequiresMfa(r, ['ACCOUNTANT']))).toEqual([
      'DEPARTMENT_ADMIN',
      'DEPARTMENT_OFFICER',
      'UNIT_OFFICER',
      'SCHOOL_ADMIN',
      'ACCOUNTANT',
    ]);
  });

  it('lets only department and unit roles switch between org units', () => {
    expect(ROLES.filter(roleSpansSchools)).toEqual(['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER']);
    expect(ROLES.filter((r) => can(r, 'org.switch'))).toEqual(ROLES.filter(roleSpansSchools));
  });

  it('keeps school profile edits to administrators and audit reading away from teachers and accountants', () => {
    expect(ROLES.filter((r) => can(r, 'schools.profile.edit'))).toEqual(['DEPARTMENT_ADMIN', 'SCHOOL_ADMIN']);
    expect(can('TEACHER', 'audit.read')).toBe(false);
    expect(can('ACCOUNTANT', 'audit.read')).toBe(false);
  });

  it('names only known roles', () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect(ROLES).toContain(role);
  });
});

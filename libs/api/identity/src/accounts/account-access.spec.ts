import { NotFoundException } from '@nestjs/common';
import { Principal, ProblemException, Scope } from '@emis/api/platform';
import { Role } from '@emis/domain';
import { AccountTarget, assertManageable, manageableKinds, rolesGrantableOn } from './account-access';

const principal = (role: Role, userId = 'actor'): Principal => ({
  userId,
  username: 'actor',
  fullName: 'Người Thực Hiện',
  role,
  orgUnitId: 'unit',
});
const unitScope: Scope = { rootId: 'unit', all: false, orgUnitIds: ['unit', 'school'] };
const schoolScope: Scope = { rootId: 'school', all: false, orgUnitIds: ['school'] };
const province: Scope = { rootId: 'dept', all: true, orgUnitIds: [] };
const account = (role: Role, orgUnitId: string, kind: AccountTarget['orgUnitKind'], id = 'target'): AccountTarget => ({
  id,
  role,
  orgUnitId,
  orgUnitKind: kind,
});

function refusal(work: () => void): string {
  try {
    work();
    return 'allowed';
  } catch (e) {
    if (e instanceof NotFoundException) return '404';
    if (e instanceof ProblemException) return e.code;
    throw e;
  }
}

describe('who administers whom', () => {
  it("lets a unit officer administer its schools' accounts, not its own unit's nor another unit's schools", () => {
    const officer = principal('UNIT_OFFICER');
    expect(refusal(() => assertManageable(officer, unitScope, account('TEACHER', 'school', 'SCHOOL')))).toBe('allowed');
    expect(refusal(() => assertManageable(officer, unitScope, account('UNIT_OFFICER', 'unit', 'UNIT')))).toBe(
      'account_not_manageable',
    );
    expect(refusal(() => assertManageable(officer, unitScope, account('TEACHER', 'elsewhere', 'SCHOOL')))).toBe('404');
  });

  it("refuses one's own account, whoever the caller", () => {
    const admin = principal('DEPARTMENT_ADMIN');
    expect(
      refusal(() => assertManageable(admin, province, account('DEPARTMENT_ADMIN', 'dept', 'DEPARTMENT', 'actor'))),
    ).toBe('own_account');
  });

  it('offers the roles of the account’s kind of unit up to the caller’s rank, and none to a reader or on oneself', () => {
    const head = principal('SCHOOL_ADMIN');
    expect(rolesGrantableOn(head, schoolScope, account('TEACHER', 'school', 'SCHOOL'))).toEqual([
      'SCHOOL_ADMIN',
      'ACCOUNTANT',
      'TEACHER',
    ]);
    expect(rolesGrantableOn(head, schoolScope, account('SCHOOL_ADMIN', 'school', 'SCHOOL', 'actor'))).toEqual([]);
    expect(rolesGrantableOn(principal('DEPARTMENT_OFFICER'), province, account('TEACHER', 'school', 'SCHOOL'))).toEqual(
      [],
    );
    expect(rolesGrantableOn(principal('DEPARTMENT_ADMIN'), province, account('UNIT_OFFICER', 'unit', 'UNIT'))).toEqual([
      'UNIT_OFFICER',
    ]);
  });

  it('names the kinds of unit each administrator looks after', () => {
    expect(manageableKinds('DEPARTMENT_ADMIN')).toEqual(['DEPARTMENT', 'UNIT', 'SCHOOL']);
    expect(manageableKinds('UNIT_OFFICER')).toEqual(['SCHOOL']);
    expect(manageableKinds('SCHOOL_ADMIN')).toEqual(['SCHOOL']);
    expect(manageableKinds('TEACHER')).toEqual([]);
  });
});

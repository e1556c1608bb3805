import { OrgUnitNode } from '@emis/contracts';
import { OrgUnitKind } from '@emis/domain';
import { AccountForm, accountCreateInput, accountFormProblems, creatableUnits } from './account-form';

function node(id: string, kind: OrgUnitKind, parentId: string | null): OrgUnitNode {
  return { id, parentId, kind, code: id, name: id, levels: [], schoolCount: kind === 'SCHOOL' ? 1 : 0 };
}

const tree = [node('so', 'DEPARTMENT', null), node('xa', 'UNIT', 'so'), node('thcs', 'SCHOOL', 'xa')];
const blank: AccountForm = { orgUnitId: '', role: '', staffId: '', fullName: '', username: '', email: '' };

describe('creatableUnits', () => {
  it('lets the department attach accounts to every unit', () => {
    expect(creatableUnits(tree, 'DEPARTMENT_ADMIN').map((n) => n.id)).toEqual(['so', 'xa', 'thcs']);
  });

  it('lets a unit officer attach accounts to its schools only, not to its own unit', () => {
    expect(creatableUnits(tree, 'UNIT_OFFICER').map((n) => n.id)).toEqual(['thcs']);
  });

  it('gives a teacher no unit at all', () => {
    expect(creatableUnits(tree, 'TEACHER')).toEqual([]);
  });
});

describe('accountFormProblems', () => {
  it('asks for the unit and the role first', () => {
    expect(accountFormProblems(blank)).toEqual({ orgUnitId: 'unit', role: 'role' });
  });

  it('asks a school role for the staff record, not for a name', () => {
    expect(accountFormProblems({ ...blank, orgUnitId: 'thcs', role: 'TEACHER', fullName: 'Lan' })).toEqual({
      staffId: 'staff',
    });
  });

  it('lets a principal be named instead of picked, and sends the name (a new school has no staff records)', () => {
    const form = { ...blank, orgUnitId: 'thcs', role: 'SCHOOL_ADMIN' as const, fullName: ' Đỗ Thị Hoa ' };
    expect(accountFormProblems(form)).toEqual({});
    expect(accountCreateInput(form)).toEqual({ orgUnitId: 'thcs', role: 'SCHOOL_ADMIN', fullName: 'Đỗ Thị Hoa' });
    expect(accountFormProblems({ ...form, fullName: '' })).toEqual({ staffId: 'staff' });
    expect(accountFormProblems({ ...form, role: 'TEACHER' })).toEqual({ staffId: 'staff' });
  });

  it('asks a unit role for a name, not for a staff record', () => {
    expect(accountFormProblems({ ...blank, orgUnitId: 'xa', role: 'UNIT_OFFICER', fullName: '  ' })).toEqual({
      fullName: 'fullName',
    });
  });
});

describe('accountCreateInput', () => {
  it('sends the staff record for a school role and leaves the blank user name to the API’s suggestion', () => {
    const form = { ...blank, orgUnitId: 'thcs', role: 'TEACHER' as const, staffId: 'st1', fullName: 'ignored' };
    expect(accountCreateInput(form)).toEqual({ orgUnitId: 'thcs', role: 'TEACHER', staffId: 'st1' });
  });

  it('sends the trimmed name, a lower-case user name and the e-mail for a unit officer', () => {
    const form = {
      ...blank,
      orgUnitId: 'xa',
      role: 'UNIT_OFFICER' as const,
      fullName: ' Trần Văn Bình ',
      username: 'TranVan.Binh ',
      email: 'binh@hungyen.edu.vn',
    };
    expect(accountCreateInput(form)).toEqual({
      orgUnitId: 'xa',
      role: 'UNIT_OFFICER',
      fullName: 'Trần Văn Bình',
      username: 'tranvan.binh',
      email: 'binh@hungyen.edu.vn',
    });
  });
});

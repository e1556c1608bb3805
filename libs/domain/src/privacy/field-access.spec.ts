import {
  applyFieldAccess,
  maskPersonalId,
  mayRevealStaffIds,
  mayRevealStudentIds,
  shownGroups,
  shownSensitiveGroups,
  staffListAccess,
  STUDENT_FIELD_GROUPS,
  studentFieldAccess,
  studentListAccess,
} from './field-access';

describe('maskPersonalId', () => {
  it('keeps the first four and the last three digits of a 12-digit number', () => {
    expect(maskPersonalId('034188001789')).toBe('0341•••••789');
  });

  it('hides a number too short to keep both ends whole', () => {
    expect(maskPersonalId('1234567')).toBe('•••••••');
  });
});

describe('a pupil record by role and relation', () => {
  it('shows the school administrator everything', () => {
    expect(shownGroups(studentFieldAccess('SCHOOL_ADMIN', 'SCOPE'))).toEqual(Object.keys(STUDENT_FIELD_GROUPS));
  });

  it('shows a subject teacher no identity number, address, guardian or sensitive field', () => {
    expect(shownGroups(studentFieldAccess('TEACHER', 'TEACHES'))).toEqual([]);
  });

  it('shows the homeroom teacher the guardians and the address, still no ID number nor sensitive field', () => {
    expect(shownGroups(studentFieldAccess('TEACHER', 'HOMEROOM'))).toEqual(['address', 'guardians']);
  });

  it('shows a teacher nothing of a pupil outside their classes', () => {
    expect(shownGroups(studentFieldAccess('TEACHER', 'NONE'))).toEqual([]);
  });

  it('shows the accountant what fees need: the ID number, guardians and policy groups', () => {
    const access = studentFieldAccess('ACCOUNTANT', 'SCOPE');
    expect(shownGroups(access)).toEqual(['identityNumber', 'guardians', 'policyGroups']);
    expect(shownSensitiveGroups(access)).toEqual(['policyGroups']);
  });

  it("withholds the guardians from the department's and units' roles, who never call a family", () => {
    for (const role of ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER'] as const) {
      expect(studentFieldAccess(role, 'SCOPE').guardians).toBe('WITHHELD');
      expect(shownSensitiveGroups(studentFieldAccess(role, 'SCOPE'))).toEqual([
        'ethnicityReligion',
        'disability',
        'policyGroups',
      ]);
    }
  });
});

describe('a list', () => {
  it('masks identity numbers unless the reader may see them and asks', () => {
    expect(studentListAccess('DEPARTMENT_OFFICER', 'SCOPE', false).identityNumber).toBe('MASKED');
    expect(studentListAccess('DEPARTMENT_OFFICER', 'SCOPE', true).identityNumber).toBe('VISIBLE');
    expect(studentListAccess('TEACHER', 'HOMEROOM', true).identityNumber).toBe('WITHHELD');
  });

  it('lets only roles that see the number on the record reveal it', () => {
    expect(mayRevealStudentIds('SCHOOL_ADMIN')).toBe(true);
    expect(mayRevealStudentIds('ACCOUNTANT')).toBe(true);
    expect(mayRevealStudentIds('TEACHER')).toBe(false);
    expect(mayRevealStaffIds('ACCOUNTANT')).toBe(true);
    expect(mayRevealStaffIds('TEACHER')).toBe(false);
  });

  it("masks a staff list's ID numbers the same way", () => {
    expect(staffListAccess('SCHOOL_ADMIN', false).identityNumber).toBe('MASKED');
    expect(staffListAccess('ACCOUNTANT', false).ethnicity).toBe('WITHHELD');
  });
});

describe('applyFieldAccess', () => {
  const pupil = {
    id: 'p1',
    fullName: 'Nguyễn Thị Ánh',
    personalId: '034313001789',
    ethnicity: '01',
    religion: null,
    currentAddress: 'Xã Thử',
    guardians: [{ fullName: 'Lê Thị Hoa' }],
    policyGroups: ['POOR_HOUSEHOLD'],
    disability: null,
  };

  it('removes the fields of withheld groups and masks a masked identity number', () => {
    expect(applyFieldAccess(pupil, STUDENT_FIELD_GROUPS, studentListAccess('ACCOUNTANT', 'SCOPE', false))).toEqual({
      id: 'p1',
      fullName: 'Nguyễn Thị Ánh',
      personalId: '0343•••••789',
      guardians: [{ fullName: 'Lê Thị Hoa' }],
      policyGroups: ['POOR_HOUSEHOLD'],
    });
  });

  it('leaves a subject teacher only the name', () => {
    expect(applyFieldAccess(pupil, STUDENT_FIELD_GROUPS, studentFieldAccess('TEACHER', 'TEACHES'))).toEqual({
      id: 'p1',
      fullName: 'Nguyễn Thị Ánh',
    });
  });

  it('does not add a field the record does not have', () => {
    const { guardians: _g, ...summary } = pupil;
    expect(
      'guardians' in applyFieldAccess(summary, STUDENT_FIELD_GROUPS, studentFieldAccess('SCHOOL_ADMIN', 'SCOPE')),
    ).toBe(false);
  });
});

import { AccountSummary, StaffSummary } from '@emis/contracts';
import { StaffPosition } from '@emis/domain';
import { bulkPreview } from './bulk-preview';

function staff(id: string, position: StaffPosition, rankCode: string | null = null): StaffSummary {
  return {
    id,
    personalId: `0331900000${id}`,
    fullName: `Cán bộ ${id}`,
    dateOfBirth: '1990-01-01',
    gender: 'FEMALE',
    position,
    contractType: 'CIVIL_SERVANT',
    subjects: [],
    status: 'ACTIVE',
    phone: null,
    rankCode,
  };
}

function account(id: string, staffId: string | null): AccountSummary {
  return {
    id,
    username: `user.${id}`,
    fullName: `Người dùng ${id}`,
    role: 'TEACHER',
    orgUnitId: 'school',
    orgUnitName: 'THCS Như Quỳnh',
    orgUnitKind: 'SCHOOL',
    staffId,
    email: null,
    status: 'ACTIVE',
    mfaEnabled: false,
    mfaRequired: false,
    mustChangePassword: false,
    lastSignInAt: null,
    createdAt: '2026-12-01T00:00:00Z',
  };
}

describe('bulkPreview', () => {
  it('leaves out staff an account is already linked to, and keeps the staff list order', () => {
    const preview = bulkPreview(
      [staff('1', 'PRINCIPAL'), staff('2', 'TEACHER'), staff('3', 'STAFF')],
      [account('a', '2'), account('b', null)],
      'TEACHER',
    );
    expect(preview.candidates.map((c) => [c.staff.id, c.role])).toEqual([
      ['1', 'SCHOOL_ADMIN'],
      ['3', 'TEACHER'],
    ]);
    expect(preview.withAccount.map((w) => [w.staff.id, w.account.username])).toEqual([['2', 'user.a']]);
  });

  it('says which role each gets, as the bulk step will: vice-principals administer, an accountant by rank', () => {
    const preview = bulkPreview(
      [staff('1', 'VICE_PRINCIPAL'), staff('2', 'STAFF', '06.031'), staff('3', 'TEACHER')],
      [],
      'TEACHER',
    );
    expect(preview.candidates.map((c) => c.role)).toEqual(['SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER']);
  });

  it('has no candidates when every working staff member has an account', () => {
    const preview = bulkPreview([staff('1', 'TEACHER')], [account('a', '1')], 'TEACHER');
    expect(preview.candidates).toEqual([]);
  });
});

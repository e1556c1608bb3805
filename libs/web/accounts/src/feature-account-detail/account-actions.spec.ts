import { AccountDetail } from '@emis/contracts';
import { accountCommands } from './account-actions';

const teacher: AccountDetail = {
  id: 'a1',
  username: 'nguyenthi.lan',
  fullName: 'Nguyễn Thị Lan',
  role: 'TEACHER',
  orgUnitId: 's1',
  orgUnitName: 'THCS Như Quỳnh',
  orgUnitKind: 'SCHOOL',
  staffId: 'st1',
  email: null,
  status: 'ACTIVE',
  mfaEnabled: false,
  mfaRequired: false,
  mustChangePassword: false,
  lastSignInAt: null,
  createdAt: '2026-12-01T00:00:00Z',
  disabledAt: null,
  disabledReason: null,
  softLockedAt: null,
  activeSessions: 0,
  grantableRoles: ['SCHOOL_ADMIN', 'ACCOUNTANT', 'TEACHER'],
};

describe('accountCommands', () => {
  it('offers a role change, a password reset and disabling for an active account without sessions or MFA', () => {
    expect(accountCommands(teacher, false)).toEqual(['role', 'reset-password', 'disable']);
  });

  it('never offers one’s own account a role change or disabling', () => {
    expect(accountCommands(teacher, true)).toEqual(['reset-password']);
  });

  it('offers no role change when the only grantable role is the one the account has', () => {
    expect(accountCommands({ ...teacher, grantableRoles: ['TEACHER'] }, false)).not.toContain('role');
    expect(accountCommands({ ...teacher, grantableRoles: [] }, false)).not.toContain('role');
  });

  it('offers unlocking a soft-locked account, MFA reset when it has a factor, ending sessions when some are open', () => {
    const locked = { ...teacher, status: 'SOFT_LOCKED' as const, mfaEnabled: true, activeSessions: 2 };
    expect(accountCommands(locked, false)).toEqual([
      'role',
      'unlock',
      'reset-password',
      'reset-mfa',
      'end-sessions',
      'disable',
    ]);
  });

  it('offers enabling, not disabling, a disabled account', () => {
    const commands = accountCommands({ ...teacher, status: 'DISABLED' }, false);
    expect(commands).toContain('enable');
    expect(commands).not.toContain('disable');
  });
});

import type { OneTimeCredential } from '@emis/contracts';
import { CREDENTIAL_SHEET_TTL_MS, CredentialSheets } from './credential-sheets';

const credential: OneTimeCredential = {
  accountId: '6d1f1f0e-7c43-4d3a-9a51-3f3e0f7a1c11',
  username: 'nguyenvan.an',
  fullName: 'Nguyễn Văn An',
  orgUnitName: 'Trường THCS Như Quỳnh',
  role: 'TEACHER',
  oneTimePassword: 'k7mp-3xqa-9hte',
};

describe('CredentialSheets', () => {
  let clock = 0;
  const sheets = new CredentialSheets();
  sheets.now = () => clock;

  beforeEach(() => (clock = 1_000_000));

  it('hands the sheet to the administrator who made it, as often as they ask within its lifetime', () => {
    const token = sheets.keep({
      ownerId: 'admin',
      unitId: 'school',
      unitName: 'THCS Như Quỳnh',
      credentials: [credential],
    });
    expect(sheets.take(token, 'admin')?.credentials).toEqual([credential]);
    clock += CREDENTIAL_SHEET_TTL_MS - 1;
    expect(sheets.take(token, 'admin')?.credentials).toEqual([credential]);
  });

  it('never hands it to anyone else', () => {
    const token = sheets.keep({
      ownerId: 'admin',
      unitId: 'school',
      unitName: 'THCS Như Quỳnh',
      credentials: [credential],
    });
    expect(sheets.take(token, 'other-admin')).toBeUndefined();
  });

  it('forgets it once its lifetime is over, and knows no token it did not issue', () => {
    const token = sheets.keep({
      ownerId: 'admin',
      unitId: 'school',
      unitName: 'THCS Như Quỳnh',
      credentials: [credential],
    });
    clock += CREDENTIAL_SHEET_TTL_MS;
    expect(sheets.take(token, 'admin')).toBeUndefined();
    expect(sheets.take('not-a-token', 'admin')).toBeUndefined();
  });

  it('issues tokens that cannot be guessed from one another', () => {
    const a = sheets.keep({ ownerId: 'admin', unitId: 'school', unitName: 'x', credentials: [] });
    const b = sheets.keep({ ownerId: 'admin', unitId: 'school', unitName: 'x', credentials: [] });
    expect(a).not.toEqual(b);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
  });
});

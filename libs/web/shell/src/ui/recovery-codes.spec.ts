import { recoveryCodesFileName, recoveryCodesText } from './recovery-codes';

describe('the recovery codes the user keeps', () => {
  it('lists every code, numbered, under the heading', () => {
    const text = recoveryCodesText({
      heading: ['Mã khôi phục Emis', 'Tài khoản: giaovien.nhuquynh'],
      codes: ['k7pq-2mzx', 'a9c3-ht4w'],
    });
    expect(text).toBe('Mã khôi phục Emis\nTài khoản: giaovien.nhuquynh\n\n 1. k7pq-2mzx\n 2. a9c3-ht4w\n');
  });

  it('names the file after the account and the day, with nothing a file system would refuse', () => {
    expect(recoveryCodesFileName('admin.so', new Date(2026, 11, 5, 23, 30))).toBe(
      'emis-recovery-codes-admin.so-2026-12-05.txt',
    );
    expect(recoveryCodesFileName('a/b c', new Date(2026, 11, 5, 8, 0))).toBe(
      'emis-recovery-codes-a_b_c-2026-12-05.txt',
    );
  });
});

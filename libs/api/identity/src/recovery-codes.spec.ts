import { hashRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from './recovery-codes';

describe('recovery codes', () => {
  it('issues ten distinct codes of four groups of four base32 characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('recognises a code typed back in lower case, with spaces instead of dashes', () => {
    expect(hashRecoveryCode('7k3m q9xd 2hpa wr4t')).toBe(hashRecoveryCode('7K3M-Q9XD-2HPA-WR4T'));
    expect(hashRecoveryCode('7K3M-Q9XD-2HPA-WR4A')).not.toBe(hashRecoveryCode('7K3M-Q9XD-2HPA-WR4T'));
  });
});

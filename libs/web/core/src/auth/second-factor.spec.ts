import { secondFactorFrom } from './second-factor';

describe('the second factor a user typed', () => {
  it('takes six digits as an authenticator code', () => {
    expect(secondFactorFrom('123456')).toEqual({ code: '123456' });
    expect(secondFactorFrom(' 123 456 ')).toEqual({ code: '123456' });
  });

  it('takes anything else as a recovery code, without the spaces a copy from paper adds', () => {
    expect(secondFactorFrom('abcd-efgh ')).toEqual({ recoveryCode: 'abcd-efgh' });
    expect(secondFactorFrom('1234567')).toEqual({ recoveryCode: '1234567' });
  });
});

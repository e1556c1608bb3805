import { answerUnauthorized } from './unauthorized';

describe('a 401 on an ordinary call', () => {
  it('refreshes when the token the call carried is still the tab’s token (it expired)', () => {
    expect(answerUnauthorized({ code: 'unauthorized', sentToken: 'a', currentToken: 'a' })).toBe('refresh');
  });

  it('sends the call again, without a second refresh, when another call refreshed while it was on its way', () => {
    expect(answerUnauthorized({ code: 'unauthorized', sentToken: 'a', currentToken: 'b' })).toBe('resend');
  });

  it('ends the session when the server ended it: no refresh can bring it back', () => {
    expect(answerUnauthorized({ code: 'session_ended', sentToken: 'a', currentToken: 'a' })).toBe('end-session');
  });

  it('ends the session when it reached its absolute lifetime', () => {
    expect(answerUnauthorized({ code: 'session_expired', sentToken: 'a', currentToken: 'a' })).toBe('end-session');
  });

  it('keeps a new session when only the token of the old one was refused (a password change rotated it)', () => {
    expect(answerUnauthorized({ code: 'session_ended', sentToken: 'a', currentToken: 'b' })).toBe('resend');
  });

  it('refreshes on a 401 without a problem body too (a proxy’s answer)', () => {
    expect(answerUnauthorized({ code: 'http_error', sentToken: 'a', currentToken: 'a' })).toBe('refresh');
  });

  it('passes on a 401 about what the user typed, without refreshing or sending it again (a second failure)', () => {
    expect(answerUnauthorized({ code: 'invalid_mfa_code', sentToken: 'a', currentToken: 'a' })).toBe('pass-on');
    expect(answerUnauthorized({ code: 'invalid_mfa_code', sentToken: 'a', currentToken: 'b' })).toBe('pass-on');
  });

  it('passes on when the tab is not signed in', () => {
    expect(answerUnauthorized({ code: 'session_ended', sentToken: null, currentToken: null })).toBe('pass-on');
    expect(answerUnauthorized({ code: 'unauthorized', sentToken: 'a', currentToken: null })).toBe('pass-on');
  });
});

import { SessionItem } from '@emis/contracts';
import { deviceLabel, hasOtherSessions, orderSessions, withoutSession } from './session-list';

function session(id: string, lastUsedAt: string, current = false): SessionItem {
  return {
    id,
    device: 'Chrome 131 · Windows',
    userAgent: null,
    address: '203.0.113.7',
    createdAt: '2026-12-05T01:00:00Z',
    lastUsedAt,
    expiresAt: '2026-12-05T13:00:00Z',
    current,
  };
}

describe('the list of my sessions', () => {
  it('puts this session first, then the others by last use, the most recent first', () => {
    const ordered = orderSessions([
      session('old', '2026-12-05T02:00:00Z'),
      session('this', '2026-12-05T01:30:00Z', true),
      session('recent', '2026-12-05T03:00:00Z'),
    ]);
    expect(ordered.map((s) => s.id)).toEqual(['this', 'recent', 'old']);
  });

  it('offers "end all others" only when another session is open', () => {
    expect(hasOtherSessions([session('this', '2026-12-05T01:30:00Z', true)])).toBe(false);
    expect(
      hasOtherSessions([session('this', '2026-12-05T01:30:00Z', true), session('x', '2026-12-05T02:00:00Z')]),
    ).toBe(true);
  });

  it('drops an ended session from the list', () => {
    const list = [session('a', '2026-12-05T02:00:00Z'), session('b', '2026-12-05T03:00:00Z')];
    expect(withoutSession(list, 'a').map((s) => s.id)).toEqual(['b']);
  });
});

describe('the device of a session', () => {
  it('is the server’s reading of the user agent', () => {
    expect(deviceLabel({ device: 'Cốc Cốc 120 · Windows', userAgent: 'Mozilla/5.0 …' })).toBe('Cốc Cốc 120 · Windows');
  });

  it('falls back to the raw user agent for a browser the server does not name, and to nothing without one', () => {
    expect(deviceLabel({ device: '', userAgent: 'SchoolKiosk/2.1' })).toBe('SchoolKiosk/2.1');
    expect(deviceLabel({ device: '', userAgent: null })).toBe(null);
  });
});

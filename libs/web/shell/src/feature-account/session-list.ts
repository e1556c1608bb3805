import { SessionItem } from '@emis/contracts';

/** This session first (the one the user knows), then the others by their last use, the most recent first. */
export function orderSessions(sessions: readonly SessionItem[]): SessionItem[] {
  return [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || Date.parse(b.lastUsedAt) - Date.parse(a.lastUsedAt),
  );
}

/** "End all others" is offered only when there is another session to end. */
export function hasOtherSessions(sessions: readonly SessionItem[]): boolean {
  return sessions.some((session) => !session.current);
}

/** The list after a session ended here: the server ends it at once, so the page need not ask again. */
export function withoutSession(sessions: readonly SessionItem[], sessionId: string): SessionItem[] {
  return sessions.filter((session) => session.id !== sessionId);
}

/**
 * How the user recognises the device: the server's reading of the user agent ("Chrome 131 · Windows"); for a browser
 * it does not name, the raw user agent; null when the browser sent none (the page says "unknown").
 */
export function deviceLabel(session: Pick<SessionItem, 'device' | 'userAgent'>): string | null {
  return session.device.trim() || session.userAgent?.trim() || null;
}

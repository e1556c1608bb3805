/**
 * Runs a session refresh while holding a lock shared by every tab of this browser (Web Locks API), so two tabs whose
 * access tokens expire together refresh one after the other: the second sends the refresh cookie the first one just
 * received instead of the one it replaced. The API forgives the overlap anyway (a token rotated seconds ago is
 * accepted again, docs/domain/sign-in.md "Sessions"), so a browser without Web Locks runs the refresh directly.
 */
export const REFRESH_LOCK = 'emis-session-refresh';

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export function underRefreshLock<T>(
  refresh: () => Promise<T>,
  locks: LockManagerLike | undefined = browserLocks(),
): Promise<T> {
  return locks ? locks.request(REFRESH_LOCK, refresh) : refresh();
}

function browserLocks(): LockManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator as { locks?: LockManagerLike }).locks;
}

import { REFRESH_LOCK, underRefreshLock } from './refresh-lock';

/** Web Locks as browsers implement them for one name: each holder runs after the previous one has finished. */
class SerialLocks {
  readonly names: string[] = [];
  private tail: Promise<unknown> = Promise.resolve();

  request<T>(name: string, callback: () => Promise<T>): Promise<T> {
    this.names.push(name);
    const run = this.tail.then(callback);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

describe('a refresh under the browser-wide lock', () => {
  it('lets two tabs refresh one after the other, the second seeing the cookie the first received', async () => {
    const locks = new SerialLocks();
    let cookie = 'rt-1';
    const log: string[] = [];
    const refresh = (tab: string) => async () => {
      const sent = cookie;
      await new Promise((resolve) => setTimeout(resolve, 5));
      cookie = `${sent}>${tab}`;
      log.push(`${tab} sent ${sent}`);
      return cookie;
    };
    await Promise.all([underRefreshLock(refresh('A'), locks), underRefreshLock(refresh('B'), locks)]);
    expect(log).toEqual(['A sent rt-1', 'B sent rt-1>A']);
    expect(locks.names).toEqual([REFRESH_LOCK, REFRESH_LOCK]);
  });

  it('runs the refresh directly where the browser has no Web Locks', async () => {
    await expect(underRefreshLock(async () => 'session', undefined)).resolves.toBe('session');
  });

  it('passes a refused refresh on to the caller and frees the lock for the next tab', async () => {
    const locks = new SerialLocks();
    const refused = underRefreshLock(() => Promise.reject(new Error('401')), locks);
    await expect(refused).rejects.toThrow('401');
    await expect(underRefreshLock(async () => 'next', locks)).resolves.toBe('next');
  });
});

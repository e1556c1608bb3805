import { AuthUser, SessionResponse } from '@emis/contracts';
import {
  ChannelLike,
  HeldSession,
  isFresher,
  PresenceLocks,
  refreshDelaySeconds,
  TabMessage,
  TabSessions,
} from './tab-sessions';

/** BroadcastChannel as browsers implement it: a message reaches every other member, later (a task), never the sender. */
class Hub {
  readonly members: FakeChannel[] = [];
}
class FakeChannel implements ChannelLike {
  private listeners: ((event: { data: TabMessage }) => void)[] = [];
  constructor(private readonly hub: Hub) {
    hub.members.push(this);
  }
  postMessage(message: TabMessage): void {
    for (const other of this.hub.members)
      if (other !== this) setTimeout(() => other.listeners.forEach((l) => l({ data: structuredClone(message) })), 1);
  }
  addEventListener(_: 'message', listener: (event: { data: TabMessage }) => void): void {
    this.listeners.push(listener);
  }
  removeEventListener(_: 'message', listener: (event: { data: TabMessage }) => void): void {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }
  close(): void {
    this.hub.members.splice(this.hub.members.indexOf(this), 1);
  }
}
/** Web Locks' presence part: held names until released. */
class FakeLocks implements PresenceLocks {
  readonly held = new Set<string>();
  async request(name: string, callback: () => Promise<void>): Promise<void> {
    this.held.add(name);
    await callback();
    this.held.delete(name);
  }
  async query() {
    return { held: [...this.held].map((name) => ({ name })) };
  }
}

const user = { id: 'u1' } as AuthUser;
const session = (token: string, expiresIn = 900, who: AuthUser = user): SessionResponse => ({
  status: 'ok',
  accessToken: token,
  expiresIn,
  user: who,
});

function tab(hub: Hub, locks: FakeLocks, held: () => HeldSession | null, taken: SessionResponse[] = []) {
  return new TabSessions({ held, refreshedElsewhere: (s) => taken.push(s) }, new FakeChannel(hub), locks, 50);
}

describe('tabs of one browser sharing a session', () => {
  it('takes a session another tab announced after the refresh was asked for, without asking the server', async () => {
    const hub = new Hub();
    const locks = new FakeLocks();
    const taken: SessionResponse[] = [];
    const a = tab(hub, locks, () => null);
    const b = tab(hub, locks, () => null, taken);
    const mark = b.mark();
    a.announce(session('new'));
    await new Promise((r) => setTimeout(r, 5));
    expect(taken.map((s) => s.accessToken)).toEqual(['new']);
    await expect(b.sessionFromOtherTab(mark, null)).resolves.toMatchObject({ accessToken: 'new' });
  });

  it('asks a signed-in tab for its token when restoring, and refreshes alone without waiting', async () => {
    const hub = new Hub();
    const locks = new FakeLocks();
    const alone = tab(hub, locks, () => null);
    await expect(alone.sessionFromOtherTab(alone.mark(), null)).resolves.toBeNull();

    const signedIn = tab(hub, locks, () => ({ session: session('held'), remaining: 700 }));
    signedIn.present(true);
    const restoring = tab(hub, locks, () => null);
    await expect(restoring.sessionFromOtherTab(restoring.mark(), null)).resolves.toMatchObject({
      accessToken: 'held',
      expiresIn: 700,
    });
    signedIn.present(false);
    await Promise.resolve();
    expect(locks.held.size).toBe(0);
    await expect(restoring.sessionFromOtherTab(restoring.mark(), null)).resolves.toBeNull();
  });

  it('stops waiting once every signed-in tab answered with a stale token, and takes one announced meanwhile', async () => {
    const hub = new Hub();
    const locks = new FakeLocks();
    const stale = { session: session('old'), remaining: 5 };
    const other = tab(hub, locks, () => stale);
    other.present(true);
    const asking = new TabSessions(
      { held: () => stale, refreshedElsewhere: () => undefined },
      new FakeChannel(hub),
      locks,
      60_000,
    );
    await expect(asking.sessionFromOtherTab(asking.mark(), stale)).resolves.toBeNull();

    const question = asking.sessionFromOtherTab(asking.mark(), stale);
    const refresher = tab(hub, locks, () => null);
    refresher.announce(session('renewed'));
    await expect(question).resolves.toMatchObject({ accessToken: 'renewed' });
  });

  it('refuses the same token, another user’s or one about to expire: then the tab refreshes itself', () => {
    const held: HeldSession = { session: session('mine'), remaining: 20 };
    expect(isFresher(session('mine', 900), held)).toBe(false);
    expect(isFresher(session('other', 900, { id: 'u2' } as AuthUser), held)).toBe(false);
    expect(isFresher(session('other', 40), held)).toBe(false);
    expect(isFresher(session('other', 900), held)).toBe(true);
    expect(isFresher(session('other', 900), null)).toBe(true);
  });

  it('spreads the refreshes of tabs signed in together over up to a minute before the margin', () => {
    expect(refreshDelaySeconds(900, 30, () => 0)).toBe(870);
    expect(refreshDelaySeconds(900, 30, () => 0.5)).toBe(840);
    expect(refreshDelaySeconds(900, 30, () => 0.999)).toBeGreaterThan(810);
    expect(refreshDelaySeconds(60, 30, () => 0.999)).toBeGreaterThanOrEqual(24);
    expect(refreshDelaySeconds(20, 30, () => 0)).toBe(10);
  });
});

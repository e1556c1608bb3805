import { SessionResponse } from '@emis/contracts';

/**
 * The tabs of one browser share one session (docs/domain/sign-in.md "Many tabs"): a tab that refreshed tells the
 * others the new access token over a BroadcastChannel (same origin only, never written to storage), and a tab about to
 * refresh first asks whether another tab already holds a fresher token. With the Web Locks API (refresh-lock.ts) this
 * makes one refresh per cycle for the whole browser, however many tabs are open or restored together.
 */
export const SESSION_CHANNEL = 'emis-session';

/** How long a tab waits for another tab's answer before refreshing by itself. */
export const ASK_TIMEOUT_MS = 2000;

/** A token is worth taking from another tab only when it lives at least this much longer than the one held. */
export const FRESHER_BY_SECONDS = 60;

export type TabMessage =
  | { type: 'refreshed'; session: SessionResponse }
  | { type: 'ask'; id: string }
  | { type: 'answer'; id: string; session: SessionResponse };

/** The part of BroadcastChannel used here (tests pass a fake; a browser without it gets none). */
export interface ChannelLike {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: { data: TabMessage }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: TabMessage }) => void): void;
  close(): void;
}

/** The part of the Web Locks API used to tell which tabs are signed in (each holds a lock named after itself). */
export interface PresenceLocks {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

const PRESENCE_PREFIX = 'emis-signed-in:';

export interface HeldSession {
  session: SessionResponse;
  /** Seconds the held access token still lives, by this tab's clock. */
  remaining: number;
}

export interface TabSessionsHandlers {
  /** The session this tab holds now, if any. */
  held(): HeldSession | null;
  /** Another tab refreshed: take its session if it is the same user's. */
  refreshedElsewhere(session: SessionResponse): void;
}

/**
 * Whether `offered` is worth taking instead of refreshing: another token (the same one was refused or is about to
 * expire) of the same user (when this tab holds one) that lives clearly longer than the held one.
 */
export function isFresher(offered: SessionResponse, held: HeldSession | null): boolean {
  if (offered.expiresIn < FRESHER_BY_SECONDS) return false;
  if (!held) return true;
  if (offered.user.id !== held.session.user.id || offered.accessToken === held.session.accessToken) return false;
  return offered.expiresIn >= held.remaining + FRESHER_BY_SECONDS;
}

export class TabSessions {
  /** Counts the 'refreshed' messages received, so a refresh can tell whether another tab refreshed since it asked. */
  private received = 0;
  private lastRefreshed: SessionResponse | null = null;
  /** Questions awaiting answers: called with each answer (counted) and each announcement (not counted). */
  private readonly waiting = new Map<string, (session: SessionResponse, answer: boolean) => void>();
  private readonly listener = (event: { data: TabMessage }) => this.onMessage(event.data);
  private readonly tabId = randomId();
  private leave: (() => void) | null = null;

  constructor(
    private readonly handlers: TabSessionsHandlers,
    private readonly channel: ChannelLike | null = browserChannel(),
    private readonly locks: PresenceLocks | null = browserLocks(),
    private readonly timeoutMs = ASK_TIMEOUT_MS,
  ) {
    channel?.addEventListener('message', this.listener);
  }

  /**
   * A signed-in tab holds a lock of its own name while it is signed in, so a tab about to refresh knows whether any
   * other tab could answer its question (and does not wait for an answer when it is alone).
   */
  present(signedIn: boolean): void {
    if (!this.locks || signedIn === (this.leave !== null)) return;
    if (!signedIn) {
      this.leave?.();
      this.leave = null;
      return;
    }
    const held = new Promise<void>((resolve) => (this.leave = resolve));
    void this.locks.request(PRESENCE_PREFIX + this.tabId, () => held).catch(() => undefined);
  }

  /** A mark to pass to sessionFromOtherTab: what this tab had heard when its refresh was asked for. */
  mark(): number {
    return this.received;
  }

  /** This tab refreshed (or signed in): the other tabs take the new session instead of refreshing again. */
  announce(session: SessionResponse): void {
    this.channel?.postMessage({ type: 'refreshed', session });
  }

  /**
   * Run under the refresh lock, before refreshing: a session another tab announced since `mark`, else one a signed-in
   * tab answers to the question, when it is fresher than `held` (what this tab held when the refresh was asked for);
   * null when this tab must refresh itself.
   */
  async sessionFromOtherTab(mark: number, held: HeldSession | null): Promise<SessionResponse | null> {
    if (!this.channel) return null;
    if (this.received > mark && this.lastRefreshed && isFresher(this.lastRefreshed, held)) return this.lastRefreshed;
    const others = await this.othersSignedIn();
    if (others === 0) return null;
    const id = randomId();
    const answered = new Promise<SessionResponse | null>((resolve) => {
      let answers = 0;
      const done = (session: SessionResponse | null) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(session);
      };
      const timer = setTimeout(() => done(null), this.timeoutMs);
      this.waiting.set(id, (session, answer) => {
        if (answer) answers += 1;
        if (isFresher(session, held)) done(session);
        else if (answers >= others) done(null);
      });
    });
    this.channel.postMessage({ type: 'ask', id });
    return answered;
  }

  /**
   * How many other tabs hold their signed-in lock (the question waits for that many answers at most); without Web
   * Locks, unknown: the question then waits until an answer or the timeout.
   */
  private async othersSignedIn(): Promise<number> {
    if (!this.locks) return Number.POSITIVE_INFINITY;
    const state = await this.locks.query().catch(() => ({ held: undefined }));
    const mine = PRESENCE_PREFIX + this.tabId;
    return (state.held ?? []).filter((lock) => !!lock.name?.startsWith(PRESENCE_PREFIX) && lock.name !== mine).length;
  }

  close(): void {
    this.present(false);
    this.channel?.removeEventListener('message', this.listener);
    this.channel?.close();
    this.waiting.clear();
  }

  private onMessage(message: TabMessage): void {
    switch (message.type) {
      case 'refreshed':
        this.received += 1;
        this.lastRefreshed = message.session;
        this.handlers.refreshedElsewhere(message.session);
        // A tab asking right now takes it too: the announcement may arrive after its question went out.
        for (const waiter of [...this.waiting.values()]) waiter(message.session, false);
        return;
      case 'ask': {
        // Every signed-in tab answers, even with a token about to expire, so the asker stops waiting once all have.
        const held = this.handlers.held();
        if (held)
          this.channel?.postMessage({
            type: 'answer',
            id: message.id,
            session: { ...held.session, expiresIn: Math.max(0, Math.floor(held.remaining)) },
          });
        return;
      }
      case 'answer':
        this.waiting.get(message.id)?.(message.session, true);
        return;
    }
  }
}

function browserChannel(): ChannelLike | null {
  return typeof BroadcastChannel === 'undefined'
    ? null
    : (new BroadcastChannel(SESSION_CHANNEL) as unknown as ChannelLike);
}

function browserLocks(): PresenceLocks | null {
  return typeof navigator === 'undefined' ? null : ((navigator as { locks?: PresenceLocks }).locks ?? null);
}

function randomId(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random()}`;
}

/**
 * When a tab refreshes: REFRESH_MARGIN seconds before expiry, less a random part of up to a tenth of the lifetime
 * (at most a minute), so tabs signed in together do not all wake in the same second.
 */
export function refreshDelaySeconds(expiresIn: number, margin: number, random: () => number = Math.random): number {
  const jitter = Math.min(60, expiresIn / 10) * random();
  return Math.max(expiresIn - margin - jitter, 10);
}

import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AppConfig, ProblemException } from '@emis/api/platform';
import { createHash } from 'node:crypto';
import { SessionRegistry } from './sessions/session-registry';
import { FailureCount, SignInGuardRepository } from './sign-in-guard.repository';

/** Who a sign-in attempt named: a user who exists, or a name that does not (treated alike, so neither shows). */
export type SignInSubject = { userId: string } | { unknownName: string };

/**
 * Seconds the next attempt must wait after `failures` failures of one user from one address: none before `after`
 * failures, then 2^(failures - after) seconds, at most `max` (docs/domain/sign-in.md, "Failed sign-ins").
 */
export function backoffSeconds(failures: number, after: number, max: number): number {
  if (failures < after) return 0;
  return Math.min(2 ** (failures - after), max);
}

/** Seconds from now until `from` plus `seconds`, at least 1 (what Retry-After says). */
function secondsUntil(from: Date, seconds: number): number {
  return Math.max(1, Math.ceil((from.getTime() + seconds * 1000 - Date.now()) / 1000));
}

/**
 * Failed sign-ins (docs/domain/sign-in.md, "Failed sign-ins"): a backoff per user and address, so a stranger guessing
 * from one address slows only their own attempts; a soft lock after many failures from anywhere; a ceiling per address
 * across user names against password spraying. Wrong passwords and wrong second-factor codes count alike.
 */
@Injectable()
export class SignInGuard {
  constructor(
    private readonly repo: SignInGuardRepository,
    private readonly sessions: SessionRegistry,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Refuses an address that failed too often across user names in the current window (429 sign_in_throttled). */
  async assertAddressAllowed(address: string): Promise<void> {
    const window = await this.repo.addressWindow(address);
    if (!window || window.failures < this.config.ADDRESS_FAILURE_LIMIT) return;
    const windowSeconds = this.config.ADDRESS_FAILURE_WINDOW_MINUTES * 60;
    if (window.windowStartedAt.getTime() + windowSeconds * 1000 <= Date.now()) return;
    throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'sign_in_throttled', undefined, {
      retryAfter: secondsUntil(window.windowStartedAt, windowSeconds),
    });
  }

  /** Refuses an attempt that comes before the backoff of this subject and address is over (429 sign_in_backoff). */
  async assertNoBackoff(subject: SignInSubject, address: string): Promise<void> {
    const count = await this.failures(subject, address);
    if (!count) return;
    const wait = backoffSeconds(
      count.failures,
      this.config.SIGN_IN_BACKOFF_AFTER,
      this.config.SIGN_IN_BACKOFF_MAX_SECONDS,
    );
    if (wait > 0 && count.lastFailureAt.getTime() + wait * 1000 > Date.now())
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'sign_in_backoff', undefined, {
        retryAfter: secondsUntil(count.lastFailureAt, wait),
      });
  }

  /**
   * Counts a failure. A user with SOFT_LOCK_THRESHOLD failures from any addresses in the window is soft-locked and
   * their sessions end: answers true when this failure set the lock.
   */
  async recordFailure(subject: SignInSubject, address: string): Promise<boolean> {
    await this.repo.recordAddressFailure(address, this.config.ADDRESS_FAILURE_WINDOW_MINUTES);
    if ('unknownName' in subject) {
      await this.repo.recordUnknownNameFailure(
        nameHash(subject.unknownName),
        address,
        this.config.SOFT_LOCK_WINDOW_HOURS,
      );
      return false;
    }
    const total = await this.repo.recordUserFailure(subject.userId, address, this.config.SOFT_LOCK_WINDOW_HOURS);
    if (total < this.config.SOFT_LOCK_THRESHOLD || !(await this.repo.softLock(subject.userId))) return false;
    await this.sessions.endAllFor(subject.userId, 'SOFT_LOCKED');
    return true;
  }

  /** A completed sign-in: failures forgotten, a soft lock lifted (true when there was one). */
  clear(userId: string): Promise<boolean> {
    return this.repo.clearUser(userId);
  }

  private failures(subject: SignInSubject, address: string): Promise<FailureCount | undefined> {
    return 'userId' in subject
      ? this.repo.userFailures(subject.userId, address)
      : this.repo.unknownNameFailures(nameHash(subject.unknownName), address);
  }
}

function nameHash(name: string): string {
  return createHash('sha256').update(name.trim().toLowerCase()).digest('hex');
}

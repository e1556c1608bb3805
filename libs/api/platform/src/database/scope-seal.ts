import { createHmac } from 'node:crypto';
import type { Scope } from '../context/request-context';

/**
 * How long a scope the API signs may be presented to PostgreSQL (seconds). It is presented at once, at the start of
 * the transaction it scopes, so the margin is for clock skew between the API's hosts and the database's; a leaked
 * MAC is worthless after it (docs/adr/sealed-scope.md).
 */
export const SCOPE_SEAL_TTL_SECONDS = 300;

/** The arguments of emis_set_scope: a scope as PostgreSQL stores it, and the API's MAC over it. */
export interface SignedScope {
  /** Comma-separated org-unit ids ('' for the department's scope). */
  schoolIds: string;
  all: boolean;
  /** Comma-separated closed org units (a mutating request's), or ''. */
  closedIds: string;
  /** The signed-in user, or '' for system work. */
  userId: string;
  /** Seconds since the epoch after which PostgreSQL refuses the MAC. */
  expiresAt: number;
  /** Hex HMAC-SHA256 of scopePayload(…) with SCOPE_KEY. */
  mac: string;
}

/** The one statement that hands a scope to PostgreSQL (migration SealTenantScope1764900000900). */
export const SET_SCOPE_SQL = `select emis_set_scope($1, $2, $3, $4, $5, $6)`;

/**
 * The text both sides sign: emis_scope_payload in PostgreSQL builds the same. No field holds a '|', so the five
 * separators make it unambiguous.
 */
export function scopePayload(s: Omit<SignedScope, 'mac'>): string {
  return ['emis-scope/1', s.schoolIds, s.all ? 'on' : 'off', s.closedIds, s.userId, String(s.expiresAt)].join('|');
}

/**
 * What the start-up check signs (migration CheckScopeKey1765000000600): a fixed label, never a scope payload, so the
 * MAC sent to PostgreSQL cannot serve as a scope's.
 */
export const SCOPE_KEY_CHECK_LABEL = 'emis-scope-key-check/1';

/** Signs scopes with the deployment's SCOPE_KEY, the secret the migrate step installed in the owner-only scope_key. */
export class ScopeSealer {
  constructor(
    private readonly key: string,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Hex HMAC-SHA256 of SCOPE_KEY_CHECK_LABEL: what emis_scope_key_matches compares with the database's key. */
  keyCheck(): string {
    return createHmac('sha256', this.key).update(SCOPE_KEY_CHECK_LABEL).digest('hex');
  }

  sign(scope: Scope, userId: string): SignedScope {
    const fields = {
      schoolIds: scope.all ? '' : scope.orgUnitIds.join(','),
      all: scope.all,
      closedIds: (scope.closedIds ?? []).join(','),
      userId,
      expiresAt: Math.floor(this.nowMs() / 1000) + SCOPE_SEAL_TTL_SECONDS,
    };
    return { ...fields, mac: createHmac('sha256', this.key).update(scopePayload(fields)).digest('hex') };
  }
}

/** SET_SCOPE_SQL's parameters, in order. */
export function setScopeParams(s: SignedScope): unknown[] {
  return [s.schoolIds, s.all, s.closedIds, s.userId, s.expiresAt, s.mac];
}

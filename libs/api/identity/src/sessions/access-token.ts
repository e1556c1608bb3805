import type { Principal } from '@emis/api/platform';
import { createHash } from 'node:crypto';

/** What an access token says: who, in which role and unit, and in which session (docs/domain/sign-in.md, "Sessions"). */
export interface AccessClaims {
  sub: string;
  typ: 'access';
  role: Principal['role'];
  unit: string;
  usr: string;
  name: string;
  /** The session (user_session.id): every request checks that it is still open. */
  sid: string;
}

/** Refresh tokens are stored as their SHA-256 only: the database never holds a token that works. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

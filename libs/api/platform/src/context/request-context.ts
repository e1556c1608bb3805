import { Role } from '@emis/domain';

/** The signed-in user, as the access token and the database say. */
export interface Principal {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  orgUnitId: string;
  /** The session the access token belongs to (user_session.id); absent for system work outside a request. */
  sessionId?: string;
}

/**
 * What the caller may see. `all` is the department's scope (the whole province); otherwise the explicit
 * set of org-unit ids (schools and units) of the subtree in view. This is handed to PostgreSQL at the start
 * of every transaction, where row-level security reads it.
 */
export interface Scope {
  /** The org unit whose subtree is in view: the user's own, or a narrower one picked in the switcher. */
  rootId: string;
  all: boolean;
  orgUnitIds: string[];
  /**
   * Closed schools and units within the scope, set for a mutating request only: a closed school is read-only
   * (docs/domain/organisation.md, "Closing a unit"), and row-level security refuses their rows to such a request.
   */
  closedIds?: string[];
}

/**
 * The scope implied by an org unit, answered by the tenancy context's tree: the port for a library that tenancy
 * itself builds on (the import runner) and so cannot import it.
 */
export abstract class ScopeResolver {
  abstract scopeFor(orgUnitId: string): Promise<Scope>;
}

/** Keys of the request context (nestjs-cls). */
export const CTX = {
  principal: 'principal',
  scope: 'scope',
  requestId: 'requestId',
  locale: 'locale',
  manager: 'entityManager',
} as const;

export type Locale = 'vi' | 'en';
